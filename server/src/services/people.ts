import type { Core } from '@strapi/strapi';
import type {
  PersonRecord,
  PersonStanding,
  SubjectExport,
  SubjectExportFormat,
} from '../../../shared/contracts';
import { pickCurrent } from '../domain/effective';
import { expiredPurposes, type PurposeRule } from '../domain/consent-check';
import { acceptanceNeed, foldStanding } from '../domain/standing';
import { getService } from '../utils/get-service';
import { clock, purposesConfig, timeZoneOf } from '../utils/plugin';

/**
 * A person's record for the privacy officer (admin → People): everything held
 * on them (the access export) and, per policy they have events for, where
 * they stand now. Only reads: an implied acceptance is shown as due, not
 * recorded (it is recorded when the person is next seen).
 */
const peopleService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function standingFor(
    policy: string,
    events: SubjectExport['events'],
    now: Date,
  ): Promise<PersonStanding> {
    const standing = foldStanding(events.filter((e) => e.policy === policy));
    const snap = await getService(strapi, 'catalog').snapshot(policy);
    const current = snap ? pickCurrent(snap.editions, now).current : null;
    const need = snap ? acceptanceNeed(standing, current, snap.editions, now) : null;
    // A purpose's latest word may come from any policy's event (domain/consent-check.ts).
    const config = purposesConfig(strapi);
    const rules: Record<string, PurposeRule> = {};
    for (const [k, granted] of Object.entries(standing.purposes))
      if (granted && config[k]?.renewAfterDays)
        rules[k] = { renewAfterDays: config[k].renewAfterDays };
    const expired = expiredPurposes(events, rules, now, timeZoneOf(strapi));
    const reason = need === 'implied' ? null : (need ?? (expired.length ? 'expired' : null));
    return {
      policy,
      name: snap?.name ?? null,
      acceptedVersion: standing.acceptedVersion,
      acceptedLocale: standing.acceptedLocale,
      currentVersion: current?.version ?? null,
      needsAcceptance: reason !== null,
      reason,
      impliedOnNextVisit: need === 'implied',
      purposes: standing.purposes,
      expiredPurposes: expired,
    };
  }

  return {
    /**
     * The access export, recorded in the audit trail: the data as JSON, or
     * the person's record (standings included) for the readable page.
     */
    async exportFor(
      identifier: string,
      format: SubjectExportFormat,
    ): Promise<{ format: 'json'; data: SubjectExport } | { format: 'html'; record: PersonRecord }> {
      const audit = getService(strapi, 'audit');
      if (format === 'json') {
        const data = await getService(strapi, 'subjects').exportSubject(identifier);
        await audit.record('subject.exported', data.subject, { format });
        return { format, data };
      }
      const record = await this.record(identifier);
      await audit.record('subject.exported', record.subject, { format });
      return { format, record };
    },

    async record(identifier: string): Promise<PersonRecord> {
      const held = await getService(strapi, 'subjects').exportSubject(identifier);
      const now = clock(strapi).now();
      // Link entries (services/identities.ts) belong to no policy.
      const policies = [
        ...new Set(
          held.events
            .filter((e) => e.action !== 'linked' && e.action !== 'unlinked')
            .map((e) => e.policy),
        ),
      ].sort();
      const standings = [];
      for (const policy of policies) standings.push(await standingFor(policy, held.events, now));
      return { ...held, standings };
    },
  };
};

export default peopleService;

declare module './registry' {
  interface PluginServices {
    people: ReturnType<typeof peopleService>;
  }
}
