import type { Core } from '@strapi/strapi';
import type { ConsentCheck } from '../../../shared/contracts';
import { TABLES } from '../db/tables';
import {
  decideConsent,
  expiredPurposes,
  type CheckEvent,
  type CheckOptions,
  type PolicyRule,
  type PurposeRule,
} from '../domain/consent-check';
import { pickCurrent } from '../domain/effective';
import { policySnapshot } from '../ledger/policies';
import { getService } from '../utils/get-service';
import { clock, purposesConfig, timeZoneOf } from '../utils/plugin';
import { pseudonymOf } from '../utils/subjects';
import { CHECK_COLUMNS, checkEventOf, type CheckRow } from './check-events';
import { checkInput, checkManyInput, type CheckInput, type CheckManyInput } from './check-input';
import { LINKED, stateOf, statesOf, type CheckState } from './states';

/** One answer of a bulk check: the subject as given, and the check. */
export type SubjectCheck = ConsentCheck & { subject: string };

/**
 * `check` and `checkMany` of the consents service: the app's own code asks
 * whether it may use a person's data for a purpose now (the rule:
 * domain/consent-check.ts). Reads only, never a write: each person's word on
 * the purpose and standing with the policy as the sealing job folded them
 * (consents/states.ts), their events since on top, and the links that make
 * several identifiers one person (a linked person's events are read whole).
 */
export const consentChecks = (strapi: Core.Strapi) => {
  const knex = () => strapi.db.connection;

  /** Each person's events, oldest first, for a batch of pseudonyms (linked ones merged). */
  async function eventsOf(pseudonyms: string[]): Promise<Map<string, CheckEvent[]>> {
    const persons = await getService(strapi, 'identities').pseudonymsOfMany(pseudonyms);
    const all = [...new Set(pseudonyms.flatMap((p) => persons.get(p) ?? [p]))];
    const rows = (await knex()(TABLES.events)
      .select(...CHECK_COLUMNS)
      .whereIn('subject', all)
      .orderBy('seq', 'asc')) as CheckRow[];
    const out = new Map<string, CheckEvent[]>();
    for (const p of pseudonyms) {
      const ids = new Set(persons.get(p) ?? [p]);
      out.set(p, rows.filter((r) => ids.has(r.subject)).map(checkEventOf));
    }
    return out;
  }

  /**
   * What each person's check needs: from the folded states, or — for a
   * person with linked identifiers — from all their events.
   */
  async function checkStates(
    pseudonyms: string[],
    purpose: string,
    policy: string | null,
  ): Promise<Map<string, CheckState>> {
    const found = await statesOf(strapi, pseudonyms, purpose, policy);
    const states = new Map<string, CheckState>();
    const linked: string[] = [];
    for (const [p, state] of found) {
      if (state === LINKED) linked.push(p);
      else states.set(p, state);
    }
    if (linked.length) {
      const events = await eventsOf(linked);
      for (const p of linked) states.set(p, stateOf(events.get(p) ?? [], purpose, policy));
    }
    return states;
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
      const state = (await checkStates([subject], q.purpose, policy?.key ?? null)).get(subject);
      return decideConsent(state?.word ?? null, state?.standing ?? null, ruleOf(q.purpose), {
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
     * order given, so a list of 100,000 never sits in memory at once (two
     * batches at most: the next one is read while this one is answered).
     */
    async *checkMany(input: CheckManyInput): AsyncGenerator<SubjectCheck> {
      const q = checkManyInput(input);
      const policy = await policyRule(q.policy);
      const rule = ruleOf(q.purpose);
      interface Batch {
        subjects: string[];
        pseudonyms: string[];
        states: Promise<Map<string, CheckState>>;
      }
      // A batch's query starts as soon as the batch is full, while the
      // previous batch's answers are still being taken: the database and
      // this loop work at the same time, at most one batch ahead.
      const start = (subjects: string[]): Batch => {
        const pseudonyms = subjects.map((s) => pseudonymOf(strapi, s));
        const states = checkStates([...new Set(pseudonyms)], q.purpose, policy?.key ?? null);
        states.catch(() => undefined); // awaited in answers(); not unhandled if the caller stops first
        return { subjects, pseudonyms, states };
      };
      const answers = async function* (b: Batch): AsyncGenerator<SubjectCheck> {
        const states = await b.states;
        const opts: CheckOptions = {
          policy,
          minStrength: q.minStrength,
          now: clock(strapi).now(),
          timeZone: timeZoneOf(strapi),
        };
        for (let i = 0; i < b.subjects.length; i++) {
          const state = states.get(b.pseudonyms[i]);
          const r = decideConsent(state?.word ?? null, state?.standing ?? null, rule, opts);
          yield { subject: b.subjects[i], ...r };
        }
      };
      let ahead: Batch | null = null;
      let batch: string[] = [];
      let index = 0;
      for await (const subject of input.subjects) {
        batch.push(q.subjectAt(subject, index++));
        if (batch.length < q.batchSize) continue;
        const next = start(batch);
        batch = [];
        if (ahead) yield* answers(ahead);
        ahead = next;
      }
      const last = batch.length ? start(batch) : null;
      if (ahead) yield* answers(ahead);
      if (last) yield* answers(last);
    },
  };
};
