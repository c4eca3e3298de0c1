import type { Knex } from 'knex';
import { personKey, type PeopleKind, type PolicyStanding } from '../domain/people-counts';
import type { Standing } from '../domain/standing';
import { TABLES } from './tables';

const IN_CHUNK = 500;

const isMysql = (k: Knex) =>
  /mysql/.test(String((k.client as { config: { client: string } }).config.client));

/** Splits a personKey: the subject (a hex pseudonym) first, then the policy key. */
const splitKey = (k: string) => {
  const bar = k.indexOf('|');
  return { subject: k.slice(0, bar), policy: k.slice(bar + 1) };
};

interface PersonStateRow {
  subject: string;
  policy_key: string;
  standing: string;
}

/**
 * The standings one batch reads and moves, keyed by personKey of the person
 * (domain/people-counts.ts `personOf`): loaded from policy_ledger_person_state
 * as needed, changed in memory, stored at the end with the count deltas.
 */
export class BatchState {
  readonly standings = new Map<string, Standing>();
  readonly changed = new Set<string>();
  readonly removed = new Set<string>();
  readonly deltas = new Map<string, number>();

  constructor(private readonly trx: Knex.Transaction) {}

  /** Loads the standings of these keys not in memory yet. */
  async load(keys: Iterable<string>) {
    const missing = [...new Set(keys)].filter(
      (k) => !this.standings.has(k) && !this.removed.has(k),
    );
    if (!missing.length) return;
    const subjects = [...new Set(missing.map((k) => splitKey(k).subject))];
    const policies = [...new Set(missing.map((k) => splitKey(k).policy))];
    for (let i = 0; i < subjects.length; i += IN_CHUNK) {
      const rows = (await this.trx(TABLES.personState)
        .select('subject', 'policy_key', 'standing')
        .whereIn('subject', subjects.slice(i, i + IN_CHUNK))
        .whereIn('policy_key', policies)) as PersonStateRow[];
      for (const r of rows) {
        const k = personKey(r.subject, r.policy_key);
        if (!this.standings.has(k) && !this.removed.has(k))
          this.standings.set(k, JSON.parse(r.standing) as Standing);
      }
    }
  }

  /** Every standing of these people, whatever the policy (a link regroups them). */
  async allOf(people: readonly string[]): Promise<PolicyStanding[]> {
    const rows = (await this.trx(TABLES.personState)
      .select('subject', 'policy_key', 'standing')
      .whereIn('subject', people)) as PersonStateRow[];
    await this.load(rows.map((r) => personKey(r.subject, r.policy_key)));
    const wanted = new Set(people);
    return [...this.standings.entries()]
      .filter(([k]) => wanted.has(splitKey(k).subject))
      .map(([k, standing]) => ({ policy: splitKey(k).policy, standing }));
  }

  set(k: string, standing: Standing) {
    this.standings.set(k, standing);
    this.removed.delete(k);
    this.changed.add(k);
  }

  remove(k: string) {
    this.standings.delete(k);
    this.changed.delete(k);
    this.removed.add(k);
  }

  add(deltas: ReadonlyMap<string, number>) {
    for (const [bucket, n] of deltas) {
      const next = (this.deltas.get(bucket) ?? 0) + n;
      if (next === 0) this.deltas.delete(bucket);
      else this.deltas.set(bucket, next);
    }
  }

  /** Stores the changed standings (as of `to`), deletes the removed ones, moves the counts. */
  async store(to: number) {
    const trx = this.trx;
    const mysql = isMysql(trx);
    const stateRows = [...this.changed]
      .map((k) => {
        const { subject, policy } = splitKey(k);
        return {
          subject,
          policy_key: policy,
          standing: JSON.stringify(this.standings.get(k)),
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
    for (const k of this.removed) {
      const { subject, policy } = splitKey(k);
      await trx(TABLES.personState).where({ subject, policy_key: policy }).del();
    }
    const countRows = [...this.deltas.entries()]
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
          n: mysql ? trx.raw('n + VALUES(n)') : trx.raw('?? + excluded.n', [`${TABLES.people}.n`]),
        });
    }
  }
}
