import type { Knex } from 'knex';
import { COUNTER_SHARDS, TABLES } from '../models';

/** The columns of an event row that the counters and subject state need. */
export interface Appendable {
  subject: string;
  action: string;
  policy_key: string;
  policy_version: number;
  locale: string | null;
  form_key: string | null;
  occurred_at: string;
}

const dialectOf = (trx: Knex) => (trx.client as { config: { client: string } }).config.client;

/**
 * Appends event rows and, in the same transaction, bumps their acceptance
 * counters and each person's highest accepted version. Rows are written in a
 * fixed order so concurrent transactions take their locks in the same order.
 */
export async function appendEvents(trx: Knex, events: Array<Appendable & Record<string, unknown>>, evidence: Array<Record<string, unknown>>) {
  if (events.length === 0) return;
  await trx(TABLES.events).insert(events);
  if (evidence.length) await trx(TABLES.evidence).insert(evidence);

  const mysql = /mysql/.test(dialectOf(trx));
  const shard = Math.floor(Math.random() * COUNTER_SHARDS);
  const counters = new Map<string, Record<string, string | number>>();
  for (const e of events) {
    const day = e.occurred_at.slice(0, 10);
    const locale = e.locale ?? '';
    const form = e.form_key ?? '';
    const bucket = [e.policy_key, e.policy_version, locale, form, day, e.action, shard].join('|');
    const row = counters.get(bucket) ?? { bucket, policy_key: e.policy_key, policy_version: e.policy_version, locale, form_key: form, day, action: e.action, shard, n: 0 };
    row.n = (row.n as number) + 1;
    counters.set(bucket, row);
  }
  const rows = [...counters.values()].sort((a, b) => String(a.bucket).localeCompare(String(b.bucket)));
  await trx(TABLES.counters)
    .insert(rows)
    .onConflict('bucket')
    .merge({ n: mysql ? trx.raw('n + VALUES(n)') : trx.raw('?? + excluded.n', [`${TABLES.counters}.n`]) });

  const accepted = new Map<string, { subject: string; policy_key: string; accepted_version: number }>();
  for (const e of events) {
    if (e.action !== 'granted' && e.action !== 'implied') continue;
    const k = `${e.subject}|${e.policy_key}`;
    const prev = accepted.get(k);
    if (!prev || prev.accepted_version < e.policy_version) accepted.set(k, { subject: e.subject, policy_key: e.policy_key, accepted_version: e.policy_version });
  }
  if (accepted.size) {
    const states = [...accepted.values()].sort((a, b) => (a.subject + a.policy_key).localeCompare(b.subject + b.policy_key));
    const greatest = mysql
      ? trx.raw('GREATEST(accepted_version, VALUES(accepted_version))')
      : dialectOf(trx) === 'pg' || dialectOf(trx) === 'postgres'
        ? trx.raw('GREATEST(??, excluded.accepted_version)', [`${TABLES.subjectState}.accepted_version`])
        : trx.raw('MAX(??, excluded.accepted_version)', [`${TABLES.subjectState}.accepted_version`]);
    await trx(TABLES.subjectState).insert(states).onConflict(['subject', 'policy_key']).merge({ accepted_version: greatest });
  }
}
