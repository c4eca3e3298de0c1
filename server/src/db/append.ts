import type { Knex } from 'knex';
import { dayOf } from '../domain/zone';
import { TABLES } from './tables';

/** The columns of an event row that the counters and subject state need. */
export interface Appendable {
  subject: string;
  action: string;
  policy_key: string;
  policy_version: number;
  locale: string | null;
  form_key: string | null;
  occurred_at: string;
  strength?: string | null;
}

type Row = Record<string, unknown>;

/** What identifies a counter row (its columns besides `n`). */
export interface CounterKey {
  policy_key: string;
  policy_version: number | string;
  locale: string;
  form_key: string;
  day: string;
  action: string;
  shard: number;
  strength: string;
}

/**
 * A counter row's `bucket`: its key as one string (MySQL limits a unique
 * index's length). Strength joins it only when set, so rows written before
 * it existed keep their buckets.
 */
export const counterBucket = (k: CounterKey) =>
  [k.policy_key, k.policy_version, k.locale, k.form_key, k.day, k.action, k.shard]
    .concat(k.strength ? [k.strength] : [])
    .join('|');

const dialectOf = (trx: Knex) => (trx.client as { config: { client: string } }).config.client;

/**
 * What appending `events` moves besides the events: one counter row per
 * bucket (policy × version × locale × form × day in `timeZone` × action × shard) and each
 * person's highest accepted version per policy. Both come sorted, so that
 * concurrent writers take their row locks in the same order.
 */
export function derivedRows(
  events: Appendable[],
  shard: number,
  timeZone = 'UTC',
): { counters: Row[]; states: Row[] } {
  const counters = new Map<string, Row & { n: number }>();
  for (const e of events) {
    // Linked identities (db/links.ts) are no decision: nothing to count.
    if (e.action === 'linked' || e.action === 'unlinked') continue;
    // The day in the plugin's time zone: the admin groups and filters by it.
    const day = dayOf(e.occurred_at, timeZone);
    const locale = e.locale ?? '';
    const form = e.form_key ?? '';
    const key: CounterKey = {
      policy_key: e.policy_key,
      policy_version: e.policy_version,
      locale,
      form_key: form,
      day,
      action: e.action,
      strength: e.strength ?? '',
      shard,
    };
    const bucket = counterBucket(key);
    const row = counters.get(bucket) ?? { bucket, ...key, n: 0 };
    row.n += 1;
    counters.set(bucket, row);
  }
  const accepted = new Map<
    string,
    { subject: string; policy_key: string; accepted_version: number }
  >();
  for (const e of events) {
    if (e.action !== 'granted' && e.action !== 'implied') continue;
    const k = `${e.subject}|${e.policy_key}`;
    const prev = accepted.get(k);
    if (!prev || prev.accepted_version < e.policy_version)
      accepted.set(k, {
        subject: e.subject,
        policy_key: e.policy_key,
        accepted_version: e.policy_version,
      });
  }
  return {
    counters: [...counters.values()].sort((a, b) =>
      String(a.bucket).localeCompare(String(b.bucket)),
    ),
    states: [...accepted.values()].sort((a, b) =>
      (a.subject + a.policy_key).localeCompare(b.subject + b.policy_key),
    ),
  };
}

/**
 * Inserts rows table by table with knex (in the caller's transaction); the
 * counters and subject state are upserts. Used where no faster form exists
 * (MySQL/MariaDB) and by the data generators.
 */
export async function appendRows(trx: Knex, tables: ReadonlyArray<readonly [string, Row[]]>) {
  const mysql = /mysql/.test(dialectOf(trx));
  const pg = /^(pg|postgres)/.test(dialectOf(trx));
  for (const [table, rows] of tables) {
    if (!rows.length) continue;
    if (table === TABLES.counters) {
      await trx(table)
        .insert(rows)
        .onConflict('bucket')
        .merge({
          n: mysql
            ? trx.raw('n + VALUES(n)')
            : trx.raw('?? + excluded.n', [`${TABLES.counters}.n`]),
        });
    } else if (table === TABLES.subjectState) {
      const greatest = mysql
        ? trx.raw('GREATEST(accepted_version, VALUES(accepted_version))')
        : pg
          ? trx.raw('GREATEST(??, excluded.accepted_version)', [
              `${TABLES.subjectState}.accepted_version`,
            ])
          : trx.raw('MAX(??, excluded.accepted_version)', [
              `${TABLES.subjectState}.accepted_version`,
            ]);
      await trx(table)
        .insert(rows)
        .onConflict(['subject', 'policy_key'])
        .merge({ accepted_version: greatest });
    } else if (table === TABLES.links) {
      const greatest = mysql
        ? trx.raw('GREATEST(generation, VALUES(generation))')
        : pg
          ? trx.raw('GREATEST(??, excluded.generation)', [`${TABLES.links}.generation`])
          : trx.raw('MAX(??, excluded.generation)', [`${TABLES.links}.generation`]);
      await trx(table)
        .insert(rows)
        .onConflict(['subject', 'linked_subject'])
        .merge({ generation: greatest });
    } else {
      await trx(table).insert(rows);
    }
  }
}
