import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES } from '../db/tables';
import { isLinkedGeneration } from '../domain/links';
import {
  policyStandingOf,
  wordOn,
  type CheckEvent,
  type PolicyStandingOnly,
  type PurposeWord,
} from '../domain/consent-check';
import { foldStanding } from '../domain/standing';
import { bySubject, checkEventOf, type CheckRow, type UnionRow } from './check-events';
import { readStatesPostgres } from './states-postgres';

/** The row of policy_ledger_purpose_state that holds the cursor of the fold. */
export const CURSOR_ROW = { subject: '', kind: 'cursor', key: '' } as const;

/**
 * Pseudonyms per statement: each is bound four times, and SQLite builds may
 * allow as few as 999 parameters.
 */
const chunkOf = (knex: Knex) =>
  /sqlite/.test(String((knex.client as { config: { client: string } }).config.client)) ? 200 : 1000;

/** What a check needs of one pseudonym: its latest word on the purpose, its standing with the policy. */
export interface CheckState {
  word: PurposeWord | null;
  /** Only when a policy was asked for. */
  standing: PolicyStandingOnly | null;
}

/** One chunk of `statesOf` with knex's query builder (SQLite, MySQL/MariaDB). */
async function readStatesKnex(
  knex: Knex,
  chunk: readonly string[],
  purpose: string,
  policy: string | null,
): Promise<UnionRow[]> {
  const nul = knex.raw('NULL');
  const lit = (v: string) => knex.raw('?', [v]);
  const states = knex(TABLES.purposeState)
    .select({ src: lit('s') }, 'subject', { a: 'kind' }, { b: 'key' }, { c: 'state' })
    .select({ d: nul, e: nul, f: nul, g: nul }, 'seq')
    .whereIn('subject', chunk)
    .where((q) => {
      q.where({ kind: 'purpose', key: purpose });
      if (policy !== null) q.orWhere({ kind: 'policy', key: policy });
    });
  const linksOf = (own: string, other: string) =>
    knex(TABLES.links)
      .select(
        { src: lit('l'), subject: own, a: other },
        { b: nul, c: nul, d: nul, e: nul, f: nul, g: nul },
      )
      .select({ seq: 'generation' })
      .whereIn(own, chunk);
  const tail = knex(TABLES.events)
    .select({ src: lit('e') }, 'subject', { a: 'action', b: 'purposes', c: 'strength' })
    .select({ d: 'policy_key', e: 'policy_version', f: 'locale', g: 'occurred_at' }, 'seq')
    .whereIn('subject', chunk)
    .where(
      'seq',
      '>',
      knex.raw('COALESCE((?), 0)', [knex(TABLES.purposeState).select('seq').where(CURSOR_ROW)]),
    );
  // The events first: their columns type the NULLs of the rest (as in states-postgres.ts).
  return (await tail.unionAll([
    states,
    linksOf('subject', 'linked_subject'),
    linksOf('linked_subject', 'subject'),
  ])) as UnionRow[];
}

/**
 * A person's check state from their events (oldest first), folded onto what
 * was stored before them (nothing: the events are the whole history).
 */
export function stateOf(
  events: readonly CheckEvent[],
  purpose: string,
  policy: string | null,
  storedWord?: PurposeWord,
  storedStanding?: PolicyStandingOnly,
): CheckState {
  return {
    word: wordOn(events, purpose, storedWord ?? null),
    standing:
      policy === null
        ? null
        : policyStandingOf(
            foldStanding(
              events.filter((e) => e.policy === policy),
              storedStanding ? { ...storedStanding, purposes: {} } : undefined,
            ),
          ),
  };
}

/** A pseudonym that has (or had) links: its check walks them (the caller's business). */
export const LINKED = Symbol('linked');

/**
 * Each pseudonym's word on `purpose` (and standing with `policy`) now: the
 * rows the fold left (db/models/checks.ts) and the pseudonyms' events after
 * the fold's cursor (sealed since, or not sealed yet) folded on top, so
 * nothing recorded is missed even while the fold moves on. One statement per
 * 1,000 pseudonyms (200 on SQLite; prepared once on PostgreSQL), so one snapshot: states, cursor, events after it, and the
 * links touching them. A pseudonym with an active link is answered LINKED:
 * the person is several pseudonyms, checked from all their events.
 */
export async function statesOf(
  strapi: Core.Strapi,
  pseudonyms: readonly string[],
  purpose: string,
  policy: string | null,
): Promise<Map<string, CheckState | typeof LINKED>> {
  const out = new Map<string, CheckState | typeof LINKED>();
  const knex = strapi.db.connection;
  const postgres = strapi.db.dialect.client === 'postgres';
  const schema = strapi.db.getSchemaName() || undefined;
  const size = postgres ? 1000 : chunkOf(knex);
  for (let i = 0; i < pseudonyms.length; i += size) {
    const chunk = pseudonyms.slice(i, i + size);
    const rows = postgres
      ? await readStatesPostgres(knex, schema, chunk, purpose, policy)
      : await readStatesKnex(knex, chunk, purpose, policy);
    const words = new Map<string, PurposeWord>();
    const standings = new Map<string, PolicyStandingOnly>();
    const linked = new Set<string>();
    const events: CheckRow[] = [];
    for (const r of rows) {
      if (r.src === 's') {
        if (r.a === 'purpose') words.set(r.subject, JSON.parse(r.c ?? 'null'));
        else standings.set(r.subject, JSON.parse(r.c ?? 'null'));
      } else if (r.src === 'l') {
        if (isLinkedGeneration(Number(r.seq))) linked.add(r.subject);
      } else if (r.src === 'e') {
        events.push({
          seq: r.seq ?? 0,
          subject: r.subject,
          action: r.a as CheckRow['action'],
          purposes: r.b ?? '{}',
          strength: r.c as CheckRow['strength'],
          policy_key: r.d ?? '',
          policy_version: Number(r.e),
          locale: r.f,
          occurred_at: r.g ?? '',
        });
      }
    }
    events.sort((x, y) => Number(x.seq) - Number(y.seq));
    const tailOf = bySubject(events);
    for (const p of chunk) {
      if (linked.has(p)) {
        out.set(p, LINKED);
        continue;
      }
      const own = (tailOf.get(p) ?? []).map(checkEventOf);
      out.set(p, stateOf(own, purpose, policy, words.get(p), standings.get(p)));
    }
  }
  return out;
}
