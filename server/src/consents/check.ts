import type { Core } from '@strapi/strapi';
import type { ConsentCheck, EvidenceStrength } from '../../../shared/contracts';
import type { EventRow } from '../db/event-row';
import { TABLES } from '../db/tables';
import {
  checkConsent,
  expiredPurposes,
  type CheckEvent,
  type PolicyRule,
  type PurposeRule,
} from '../domain/consent-check';
import { pickCurrent } from '../domain/effective';
import { policySnapshot } from '../ledger/policies';
import { getService } from '../utils/get-service';
import { clock, purposesConfig, timeZoneOf } from '../utils/plugin';
import { pseudonymOf } from '../utils/subjects';
import { checkInput, checkManyInput, type CheckInput, type CheckManyInput } from './check-input';

type Row = Pick<
  EventRow,
  'subject' | 'action' | 'policy_key' | 'policy_version' | 'locale' | 'purposes' | 'occurred_at'
> & { strength: EvidenceStrength | null };

const COLUMNS = [
  'subject',
  'action',
  'policy_key',
  'policy_version',
  'locale',
  'purposes',
  'occurred_at',
  'strength',
] as const;

const eventOf = (r: Row): CheckEvent => ({
  action: r.action,
  policy: r.policy_key,
  version: Number(r.policy_version),
  locale: r.locale,
  purposes: JSON.parse(r.purposes) as Record<string, boolean>,
  occurredAt: r.occurred_at,
  strength: r.strength,
});

/** One answer of a bulk check: the subject as given, and the check. */
export type SubjectCheck = ConsentCheck & { subject: string };

/**
 * `check` and `checkMany` of the consents service: the app's own code asks
 * whether it may use a person's data for a purpose now (the rule:
 * domain/consent-check.ts). Reads only: one indexed query of the person's
 * events (the person's identifiers linked to theirs included), never a write.
 */
export const consentChecks = (strapi: Core.Strapi) => {
  /** Each person's events, oldest first, for a batch of pseudonyms. */
  async function eventsOf(pseudonyms: string[]): Promise<Map<string, CheckEvent[]>> {
    const persons = await getService(strapi, 'identities').pseudonymsOfMany(pseudonyms);
    const all = [...new Set([...persons.values()].flat())];
    const rows = (await strapi.db
      .connection(TABLES.events)
      .select(...COLUMNS)
      .whereIn('subject', all)
      .orderBy('seq', 'asc')) as Row[];
    const bySubject = new Map<string, Row[]>();
    for (const r of rows) {
      const list = bySubject.get(r.subject);
      if (list) list.push(r);
      else bySubject.set(r.subject, [r]);
    }
    const out = new Map<string, CheckEvent[]>();
    for (const p of pseudonyms) {
      const ids = persons.get(p) ?? [p];
      // Rows are in seq order within each subject; a person with several pseudonyms is merged by seq.
      const own =
        ids.length === 1 ? (bySubject.get(p) ?? []) : rows.filter((r) => ids.includes(r.subject));
      out.set(p, own.map(eventOf));
    }
    return out;
  }

  async function policyRule(key: string | undefined): Promise<PolicyRule | null> {
    if (!key) return null;
    const snap = await policySnapshot(strapi, key);
    return {
      key: snap.key,
      current: pickCurrent(snap.editions, clock(strapi).now()).current,
      editions: snap.editions,
    };
  }

  function ruleOf(purpose: string) {
    return { renewAfterDays: purposesConfig(strapi)[purpose]?.renewAfterDays ?? null };
  }

  return {
    /**
     * Which of `purposes` the person (a pseudonym) granted and whose grant has
     * expired now; no query when none of them has a lifetime.
     */
    async expiredOf(pseudonym: string, purposes: string[]): Promise<string[]> {
      const config = purposesConfig(strapi);
      const rules: Record<string, PurposeRule> = {};
      for (const p of purposes) {
        const days = config[p]?.renewAfterDays ?? null;
        if (days !== null) rules[p] = { renewAfterDays: days };
      }
      if (!Object.keys(rules).length) return [];
      const events = (await eventsOf([pseudonym])).get(pseudonym) ?? [];
      return expiredPurposes(events, rules, clock(strapi).now(), timeZoneOf(strapi));
    },

    /**
     * May the app use `subject`'s data for `purpose` now? With `policy`, the
     * person must also stand accepted by its edition in force; with
     * `minStrength: 'confirmed'`, a grant from an anonymous form that was
     * never confirmed does not count. Invalid input: a ValidationError naming
     * the field; an unknown policy: NotFoundError.
     */
    async check(input: CheckInput): Promise<ConsentCheck> {
      const q = checkInput(input);
      const policy = await policyRule(q.policy);
      const subject = pseudonymOf(strapi, q.subject);
      const events = (await eventsOf([subject])).get(subject) ?? [];
      return checkConsent(events, q.purpose, ruleOf(q.purpose), {
        policy,
        minStrength: q.minStrength,
        now: clock(strapi).now(),
        timeZone: timeZoneOf(strapi),
      });
    },

    /**
     * The same check for many people (a mailing list, a CRM sync): `subjects`
     * is any iterable or async iterable of identifiers, read and answered in
     * batches (`batchSize`, default 1,000: one query each), yielded in the
     * order given, so a list of 100,000 never sits in memory at once.
     */
    async *checkMany(input: CheckManyInput): AsyncGenerator<SubjectCheck> {
      const q = checkManyInput(input);
      const policy = await policyRule(q.policy);
      const rule = ruleOf(q.purpose);
      let batch: string[] = [];
      const flush = async function* (): AsyncGenerator<SubjectCheck> {
        const pseudonyms = batch.map((s) => pseudonymOf(strapi, s));
        const events = await eventsOf([...new Set(pseudonyms)]);
        const now = clock(strapi).now();
        const timeZone = timeZoneOf(strapi);
        for (let i = 0; i < batch.length; i++) {
          const r = checkConsent(events.get(pseudonyms[i]) ?? [], q.purpose, rule, {
            policy,
            minStrength: q.minStrength,
            now,
            timeZone,
          });
          yield { subject: batch[i], ...r };
        }
        batch = [];
      };
      let index = 0;
      for await (const subject of input.subjects) {
        batch.push(q.subjectAt(subject, index++));
        if (batch.length >= q.batchSize) yield* flush();
      }
      if (batch.length) yield* flush();
    },
  };
};
