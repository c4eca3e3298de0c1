import type { Core } from '@strapi/strapi';
import type { SubjectStatus } from '../../../shared/contracts';
import { contentOfRow, rowOfContent, type EventRow } from '../db/event-row';
import { TABLES } from '../db/tables';
import { pickCurrent } from '../domain/effective';
import { acceptanceNeed, foldStanding, type Standing } from '../domain/standing';
import { newEvent } from '../ledger/events';
import { policySnapshot } from '../ledger/policies';
import type { PolicySnapshot } from '../catalog/types';
import { isUniqueViolation } from '../utils/db';
import { getService } from '../utils/get-service';
import { clock } from '../utils/plugin';
import { pseudonymOf } from '../utils/subjects';

/**
 * Where a person stands with a policy (domain/standing.ts folds their events),
 * and the one write a read may cause: an implied acceptance by continued use.
 */
const standingService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The person's standing: the events of every pseudonym linked to `subject`, oldest first. */
  async function standingOf(subject: string, policy: string): Promise<Standing> {
    const pseudonyms = await getService(strapi, 'identities').pseudonymsOf(subject);
    const rows = (await strapi.db
      .connection(TABLES.events)
      .whereIn('subject', pseudonyms)
      .where({ policy_key: policy })
      .orderBy('seq', 'asc')) as EventRow[];
    return foldStanding(rows.map(contentOfRow));
  }

  /**
   * Records the implied acceptance of the edition in force when the rule of
   * domain/standing.ts `acceptanceNeed` gives one (accepted an earlier
   * edition, no re-consent in between),
   * once per person and edition, and returns the standing after it together
   * with what still needs the person's acceptance.
   */
  async function recordImpliedAcceptance(subject: string, snap: PolicySnapshot, now: Date) {
    let standing = await standingOf(subject, snap.key);
    const { current } = pickCurrent(snap.editions, now);
    const need = acceptanceNeed(standing, current, snap.editions, now);
    if (need === 'implied' && current) {
      const text = getService(strapi, 'catalog').textFor(snap, current, {
        locale: standing.acceptedLocale,
      });
      const event = newEvent({
        occurredAt: now.toISOString(),
        subject,
        action: 'implied',
        policy: snap.key,
        version: current.version,
        locale: text.servedLocale,
        contentHash: text.contentHash,
        purposes: standing.purposes,
        method: 'continued-use',
      });
      // The unique implied_key makes a concurrent duplicate fail, and its
      // transaction (counters included) roll back: recorded once.
      try {
        await getService(strapi, 'ledger-store').write({
          events: [rowOfContent(event, `${subject}:${snap.key}:${current.version}`)],
          evidence: [],
        });
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
      standing = await standingOf(subject, snap.key);
    }
    return {
      standing,
      currentVersion: current?.version ?? null,
      need: need === 'implied' ? null : need,
    };
  }

  return {
    standingOf,
    recordImpliedAcceptance,

    /** GET /subjects/status — may record an implied acceptance first (see above). */
    async status(rawSubject: string, policy: string): Promise<SubjectStatus> {
      const subject = pseudonymOf(strapi, rawSubject);
      const snap = await policySnapshot(strapi, policy);
      const { standing, currentVersion, need } = await recordImpliedAcceptance(
        subject,
        snap,
        clock(strapi).now(),
      );
      const granted = Object.keys(standing.purposes).filter((k) => standing.purposes[k]);
      const expired = await getService(strapi, 'consents').expiredOf(subject, granted);
      return {
        policy: snap.key,
        acceptedVersion: standing.acceptedVersion,
        currentVersion,
        needsAcceptance: need !== null || expired.length > 0,
        reason: need ?? (expired.length ? 'expired' : null),
        purposes: Object.fromEntries(
          granted.filter((k) => !expired.includes(k)).map((k) => [k, true]),
        ) as Record<string, true>,
        expiredPurposes: expired,
      };
    },
  };
};

export default standingService;

declare module './registry' {
  interface PluginServices {
    standing: ReturnType<typeof standingService>;
  }
}
