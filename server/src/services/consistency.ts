import type { Core } from '@strapi/strapi';
import type { ConsistencyReport } from '../../../shared/contracts';
import { TABLES } from '../db/tables';

const n = (v: unknown) => Number(v);
const MAX_REPORTED = 10;

/**
 * Whether what the reports read agrees with the events they summarize:
 * - counters (acceptance by edition): the counter totals per policy ×
 *   version × action against a count of the events — full, from the index;
 * - subject states (pending re-acceptance): for a sample of people drawn
 *   from random events (or every person in `subjects`), the highest accepted
 *   version kept against the one their events give.
 * Hash verification says the events are the ones recorded; this says the
 * figures shown are theirs.
 */
const consistencyService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  async function counters(): Promise<ConsistencyReport['counters']> {
    const [fromCounters, fromEvents] = await Promise.all([
      knex()(TABLES.counters)
        .select('policy_key', 'policy_version', 'action')
        .sum({ c: 'n' })
        .groupBy('policy_key', 'policy_version', 'action') as Promise<
        Array<{ policy_key: string; policy_version: number; action: string; c: number | string }>
      >,
      knex()(TABLES.events)
        .select('policy_key', 'policy_version', 'action')
        // Linked identities are not counted (db/append.ts).
        .whereNotIn('action', ['linked', 'unlinked'])
        .count({ c: '*' })
        .groupBy('policy_key', 'policy_version', 'action') as Promise<
        Array<{ policy_key: string; policy_version: number; action: string; c: number | string }>
      >,
    ]);
    const key = (r: { policy_key: string; policy_version: number; action: string }) =>
      `${r.policy_key} v${n(r.policy_version)} ${r.action}`;
    const counted = new Map(fromCounters.map((r) => [key(r), n(r.c)]));
    const recorded = new Map(fromEvents.map((r) => [key(r), n(r.c)]));
    const mismatches: string[] = [];
    for (const k of new Set([...counted.keys(), ...recorded.keys()])) {
      const a = counted.get(k) ?? 0;
      const b = recorded.get(k) ?? 0;
      if (a !== b) mismatches.push(`${k}: counters ${a}, events ${b}`);
    }
    return {
      checked: 'full',
      groups: recorded.size,
      ok: mismatches.length === 0,
      mismatches: mismatches.slice(0, MAX_REPORTED),
    };
  }

  /** People of `sampleSize` random events after `afterSeq` (all of them when fewer). */
  async function samplePeople(sampleSize: number, afterSeq: number) {
    const top = n((await knex()(TABLES.events).max({ m: 'seq' }).first())?.m ?? 0);
    if (top <= afterSeq) return [];
    const seqs = new Set<number>();
    const span = top - afterSeq;
    if (span <= sampleSize) for (let s = afterSeq + 1; s <= top; s++) seqs.add(s);
    else while (seqs.size < sampleSize) seqs.add(afterSeq + 1 + Math.floor(Math.random() * span));
    const people: Array<{ subject: string; policy_key: string }> = [];
    const list = [...seqs];
    for (let i = 0; i < list.length; i += 500) {
      people.push(
        ...((await knex()(TABLES.events)
          .select('subject', 'policy_key')
          .whereIn('seq', list.slice(i, i + 500))) as typeof people),
      );
    }
    const seen = new Set<string>();
    return people.filter(
      (p) => !seen.has(`${p.subject}|${p.policy_key}`) && seen.add(`${p.subject}|${p.policy_key}`),
    );
  }

  async function subjectStates(
    sampleSize: number,
    afterSeq: number,
  ): Promise<ConsistencyReport['subjectStates']> {
    const people = await samplePeople(sampleSize, afterSeq);
    const mismatches: string[] = [];
    for (const p of people) {
      const [fromEvents, kept] = await Promise.all([
        knex()(TABLES.events)
          .where({ subject: p.subject, policy_key: p.policy_key })
          .whereIn('action', ['granted', 'implied'])
          .max({ v: 'policy_version' })
          .first(),
        knex()(TABLES.subjectState)
          .where({ subject: p.subject, policy_key: p.policy_key })
          .first('accepted_version'),
      ]);
      const expected =
        fromEvents?.v === null || fromEvents?.v === undefined ? null : n(fromEvents.v);
      const actual = kept ? n(kept.accepted_version) : null;
      if (expected !== actual) {
        mismatches.push(
          `${p.subject.slice(0, 12)}… ${p.policy_key}: state v${actual ?? '–'}, events v${expected ?? '–'}`,
        );
      }
    }
    return {
      checked: 'sample',
      people: people.length,
      ok: mismatches.length === 0,
      mismatches: mismatches.slice(0, MAX_REPORTED),
    };
  }

  /**
   * Full: every counter group, and people from a sample of all events.
   * Incremental: people from the events after `afterSeq` (counters need a
   * full count, so they wait for the full run).
   */
  async function check(
    mode: 'full' | 'incremental',
    { afterSeq = 0, sampleSize = 1000 } = {},
  ): Promise<ConsistencyReport> {
    const [c, s] = await Promise.all([
      mode === 'full' ? counters() : Promise.resolve(null),
      subjectStates(sampleSize, mode === 'full' ? 0 : afterSeq),
    ]);
    return { ok: (c?.ok ?? true) && s.ok, counters: c, subjectStates: s };
  }

  return { check };
};

export default consistencyService;

declare module './registry' {
  interface PluginServices {
    consistency: ReturnType<typeof consistencyService>;
  }
}
