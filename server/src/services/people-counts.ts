import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PeopleCounts } from '../../../shared/contracts';
import { TABLES } from '../db/tables';
import { foldPeople, personKey, type PeopleEvent, type PeopleKind } from '../domain/people-counts';
import type { Standing } from '../domain/standing';

const CURSOR = '|cursor|';
const BATCH = 5000;
const IN_CHUNK = 500;

interface EventSlice {
  seq: number | string;
  subject: string;
  policy_key: string;
  action: PeopleEvent['action'];
  policy_version: number;
  locale: string | null;
  purposes: string | null;
}

class CursorMoved extends Error {}

const isMysql = (k: Knex) =>
  /mysql/.test(String((k.client as { config: { client: string } }).config.client));

/**
 * People counts: each person counted once per policy, by their standing now
 * (domain/people-counts.ts). A catch-up folds the sealed events after the
 * cursor into the stored standings and moves the counts, batch by batch,
 * each batch one transaction that first moves the cursor (so two instances
 * never count the same events: the second finds the cursor moved and stops).
 * The sealing job runs it after each seal; reports read a few rows.
 */
const peopleCountsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  async function cursor(): Promise<number> {
    const row = await knex()(TABLES.people).where({ bucket: CURSOR }).first('n');
    return Number(row?.n ?? 0);
  }

  /** The highest sealed seq: sealed ranges have no gaps left by in-flight writes. */
  async function sealedTo(): Promise<number> {
    const row = await knex()(TABLES.checkpoints).max({ m: 'seq_to' }).first();
    return Number(row?.m ?? 0);
  }

  async function loadStandings(trx: Knex.Transaction, events: EventSlice[]) {
    const subjects = [...new Set(events.map((e) => e.subject))];
    const policies = [...new Set(events.map((e) => e.policy_key))];
    const known = new Map<string, Standing>();
    for (let i = 0; i < subjects.length; i += IN_CHUNK) {
      const rows = (await trx(TABLES.personState)
        .select('subject', 'policy_key', 'standing')
        .whereIn('subject', subjects.slice(i, i + IN_CHUNK))
        .whereIn('policy_key', policies)) as Array<{
        subject: string;
        policy_key: string;
        standing: string;
      }>;
      for (const r of rows)
        known.set(personKey(r.subject, r.policy_key), JSON.parse(r.standing) as Standing);
    }
    return known;
  }

  /** Counts the events of (from, to] in one transaction; throws CursorMoved if another did. */
  async function countBatch(from: number, to: number): Promise<number> {
    return strapi.db.transaction(async ({ trx }) => {
      // The cursor first: it serializes catch-ups across instances.
      const moved = await trx(TABLES.people).where({ bucket: CURSOR, n: from }).update({ n: to });
      if (!moved) throw new CursorMoved();
      const events = (await trx(TABLES.events)
        .select('seq', 'subject', 'policy_key', 'action', 'policy_version', 'locale', 'purposes')
        .where('seq', '>', from)
        .andWhere('seq', '<=', to)
        .orderBy('seq', 'asc')) as EventSlice[];
      if (!events.length) return 0;
      const known = await loadStandings(trx, events);
      const { standings, deltas } = foldPeople(
        known,
        events.map((e) => ({
          subject: e.subject,
          policy: e.policy_key,
          action: e.action,
          version: Number(e.policy_version),
          locale: e.locale,
          purposes: e.purposes ? (JSON.parse(e.purposes) as Record<string, boolean>) : {},
        })),
      );
      const mysql = isMysql(trx);
      const stateRows = [...standings.entries()]
        .map(([k, standing]) => {
          // personKey: the subject (a hex pseudonym) first, then the policy key.
          const bar = k.indexOf('|');
          return {
            subject: k.slice(0, bar),
            policy_key: k.slice(bar + 1),
            standing: JSON.stringify(standing),
            last_seq: to,
          };
        })
        .sort((a, b) => (a.subject + a.policy_key).localeCompare(b.subject + b.policy_key));
      for (let i = 0; i < stateRows.length; i += IN_CHUNK) {
        await trx(TABLES.personState)
          .insert(stateRows.slice(i, i + IN_CHUNK))
          .onConflict(['subject', 'policy_key'])
          .merge(['standing', 'last_seq']);
      }
      const countRows = [...deltas.entries()]
        .map(([bucket, n]) => {
          const [policy_key, kind, key] = bucket.split('|') as [string, PeopleKind, string];
          return { bucket, policy_key, kind, key, n };
        })
        .sort((a, b) => a.bucket.localeCompare(b.bucket));
      for (let i = 0; i < countRows.length; i += IN_CHUNK) {
        await trx(TABLES.people)
          .insert(countRows.slice(i, i + IN_CHUNK))
          .onConflict('bucket')
          .merge({
            n: mysql
              ? trx.raw('n + VALUES(n)')
              : trx.raw('?? + excluded.n', [`${TABLES.people}.n`]),
          });
      }
      return events.length;
    });
  }

  /**
   * Counts the sealed events not counted yet, up to `maxEvents` (the rest
   * at the next run). Returns how many were counted and the new cursor.
   */
  async function catchUp({ maxEvents = 50_000 } = {}): Promise<{
    counted: number;
    upTo: number;
  }> {
    await knex()(TABLES.people)
      .insert({ bucket: CURSOR, policy_key: '', kind: 'cursor', key: '', n: 0 })
      .onConflict('bucket')
      .ignore();
    const bound = await sealedTo();
    let at = await cursor();
    let counted = 0;
    while (at < bound && counted < maxEvents) {
      const to = Math.min(bound, at + BATCH);
      try {
        counted += await countBatch(at, to);
      } catch (e) {
        if (e instanceof CursorMoved) break; // another instance is counting
        throw e;
      }
      at = to;
    }
    return { counted, upTo: await cursor() };
  }

  /** The people counts of one policy, and how far they reach. */
  async function countsOf(policy: string): Promise<PeopleCounts> {
    const [rows, upTo, top] = await Promise.all([
      knex()(TABLES.people).where({ policy_key: policy }).select('kind', 'key', 'n') as Promise<
        Array<{ kind: PeopleKind; key: string; n: number | string }>
      >,
      cursor(),
      knex()(TABLES.events).max({ m: 'seq' }).first(),
    ]);
    const counts: PeopleCounts = {
      people: 0,
      declining: 0,
      byEdition: [],
      withoutEdition: 0,
      purposes: [],
      countedUpTo: upTo,
      notYetCounted: Math.max(0, Number(top?.m ?? 0) - upTo),
    };
    for (const r of rows) {
      const n = Number(r.n);
      if (r.kind === 'person') counts.people = n;
      else if (r.kind === 'declining') counts.declining = n;
      else if (r.kind === 'edition' && n > 0)
        counts.byEdition.push({ version: Number(r.key), people: n });
      else if (r.kind === 'purpose') counts.purposes.push({ purpose: r.key, people: n });
    }
    counts.byEdition.sort((a, b) => a.version - b.version);
    const onAnEdition = counts.byEdition.reduce((sum, e) => sum + e.people, 0);
    counts.withoutEdition = Math.max(0, counts.people - onAnEdition);
    counts.purposes.sort((a, b) => a.purpose.localeCompare(b.purpose));
    return counts;
  }

  return { catchUp, countsOf };
};

export default peopleCountsService;

declare module './registry' {
  interface PluginServices {
    'people-counts': ReturnType<typeof peopleCountsService>;
  }
}
