import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES } from '../db/tables';
import {
  policyStandingOf,
  wordsIn,
  type PolicyStandingOnly,
  type PurposeWord,
} from '../domain/consent-check';
import { foldStanding } from '../domain/standing';
import { bySubject, CHECK_COLUMNS, checkEventOf, type CheckRow } from './check-events';
import { CURSOR_ROW } from './states';

const BATCH = 5000;
const IN_CHUNK = 400;

class CursorMoved extends Error {}

interface Upsert {
  subject: string;
  kind: 'purpose' | 'policy';
  key: string;
  state: string;
  seq: number;
}

/** The stored standings of these people with these policies, keyed `subject|policy`. */
async function loadStandings(
  trx: Knex.Transaction,
  subjects: string[],
  policies: string[],
  pg: boolean,
): Promise<Map<string, PolicyStandingOnly>> {
  const out = new Map<string, PolicyStandingOnly>();
  const chunk = pg ? Math.max(1, subjects.length) : IN_CHUNK;
  for (let i = 0; i < subjects.length; i += chunk) {
    const rows = (await trx(TABLES.purposeState)
      .select('subject', 'key', 'state')
      .where('kind', 'policy')
      .where((q) =>
        pg
          ? q.whereRaw('subject = any(?)', [subjects])
          : q.whereIn('subject', subjects.slice(i, i + chunk)),
      )
      .whereIn('key', policies)) as Array<{ subject: string; key: string; state: string }>;
    for (const r of rows) out.set(`${r.subject}|${r.key}`, JSON.parse(r.state));
  }
  return out;
}

/** Folds the events of (from, to] into the rows; one transaction that moves the cursor first. */
async function foldBatch(strapi: Core.Strapi, from: number, to: number): Promise<number> {
  const pg = strapi.db.dialect.client === 'postgres';
  return strapi.db.transaction(async ({ trx }) => {
    const moved = await trx(TABLES.purposeState)
      .where({ ...CURSOR_ROW, seq: from })
      .update({ seq: to });
    if (!moved) throw new CursorMoved();
    const rows = (await trx(TABLES.events)
      .select(...CHECK_COLUMNS)
      .where('seq', '>', from)
      .andWhere('seq', '<=', to)
      // Link entries have no policy and say nothing of purposes.
      .whereNot('policy_key', '')
      .orderBy('seq', 'asc')) as CheckRow[];
    const groups = bySubject(rows.filter((r) => r.action !== 'notified'));
    const policies = [...new Set(rows.map((r) => r.policy_key))];
    const known = await loadStandings(trx as Knex.Transaction, [...groups.keys()], policies, pg);
    const upserts: Upsert[] = [];
    for (const [subject, list] of groups) {
      const events = list.map(checkEventOf);
      const seq = Number(list[list.length - 1].seq);
      const words: Map<string, PurposeWord> = wordsIn(events);
      for (const [purpose, word] of words)
        upserts.push({ subject, kind: 'purpose', key: purpose, state: JSON.stringify(word), seq });
      for (const policy of new Set(events.map((e) => e.policy))) {
        const own = events.filter((e) => e.policy === policy);
        const stored = known.get(`${subject}|${policy}`);
        const standing = policyStandingOf(
          foldStanding(own, stored ? { ...stored, purposes: {} } : undefined),
        );
        upserts.push({
          subject,
          kind: 'policy',
          key: policy,
          state: JSON.stringify(standing),
          seq,
        });
      }
    }
    // Sorted: two folds never take row locks in opposite orders.
    upserts.sort((a, b) =>
      a.subject === b.subject
        ? (a.kind + a.key).localeCompare(b.kind + b.key)
        : a.subject.localeCompare(b.subject),
    );
    if (pg && upserts.length) {
      // One statement for the batch (the ledger's own bulk path on PostgreSQL).
      await trx.raw(
        `INSERT INTO ?? (subject, kind, key, state, seq)
         SELECT subject, kind, key, state, seq
           FROM jsonb_to_recordset(?::jsonb) AS r(subject text, kind text, key text, state text, seq integer)
         ON CONFLICT (subject, kind, key) DO UPDATE SET state = excluded.state, seq = excluded.seq`,
        [TABLES.purposeState, JSON.stringify(upserts)],
      );
      return rows.length;
    }
    for (let i = 0; i < upserts.length; i += IN_CHUNK) {
      await trx(TABLES.purposeState)
        .insert(upserts.slice(i, i + IN_CHUNK))
        .onConflict(['subject', 'kind', 'key'])
        .merge(['state', 'seq']);
    }
    return rows.length;
  });
}

/**
 * Folds the sealed events not folded yet into policy_ledger_purpose_state
 * (db/models/checks.ts), up to `maxEvents` a run (the rest at the next):
 * each person's latest word per purpose and standing per policy, what a
 * consent check reads instead of the person's events. Sealed ranges have no
 * gaps left by writes still in flight; a check reads the events after the
 * cursor itself. Two instances never fold the same events: each batch moves
 * the cursor first and stops if another did. The sealing job runs it after
 * each seal; on a ledger from before the table, the first runs fold it from
 * the first event.
 */
export async function foldCheckStates(
  strapi: Core.Strapi,
  { maxEvents = 50_000, batch = BATCH } = {},
): Promise<{ folded: number; upTo: number }> {
  const knex = strapi.db.connection;
  await knex(TABLES.purposeState)
    .insert({ ...CURSOR_ROW, state: null, seq: 0 })
    .onConflict(['subject', 'kind', 'key'])
    .ignore();
  const cursorNow = async () =>
    Number(
      ((await knex(TABLES.purposeState).where(CURSOR_ROW).first('seq')) as { seq: number })?.seq ??
        0,
    );
  const top = (await knex(TABLES.checkpoints).max({ m: 'seq_to' }).first()) as { m: number | null };
  const bound = Number(top?.m ?? 0);
  let at = await cursorNow();
  let folded = 0;
  while (at < bound && folded < maxEvents) {
    const to = Math.min(bound, at + batch);
    try {
      folded += await foldBatch(strapi, at, to);
    } catch (e) {
      if (e instanceof CursorMoved) break; // another instance is folding
      throw e;
    }
    at = to;
  }
  return { folded, upTo: await cursorNow() };
}
