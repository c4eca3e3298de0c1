import type { Knex } from 'knex';
import type { EventContent } from '../../../shared/contracts';
import { activeEdges, componentOf, linkPair, type LinkEntry } from '../domain/links';
import { TABLES } from './tables';

/**
 * A row of policy_ledger_links: one pair of linked pseudonyms, in canonical
 * order (subject < linked_subject), and its generation — the number of
 * `linked` / `unlinked` entries the pair has had (odd: linked). Written with
 * the entry in the ledger's atomic write (db/write.ts), as an upsert that
 * keeps the greatest generation, so that writes committing out of order
 * still leave the latest state.
 */
export type LinkRow = {
  subject: string;
  linked_subject: string;
  generation: number;
};

/** The row a `linked` / `unlinked` entry moves, as the pair's `generation`-th entry. */
export function linkRow(
  e: Pick<EventContent, 'subject' | 'linkedSubject'>,
  generation: number,
): LinkRow {
  if (!e.linkedSubject) throw new Error('policy-ledger: a link entry names two pseudonyms');
  const [subject, linked] = linkPair(e.subject, e.linkedSubject);
  return { subject, linked_subject: linked, generation };
}

/**
 * One row per pair (the greatest generation): a statement may not upsert
 * the same row twice (PostgreSQL refuses it), and a batch of writes may
 * hold two entries of one pair.
 */
export function mergeLinkRows(rows: readonly LinkRow[]): LinkRow[] {
  if (rows.length < 2) return [...rows];
  const byPair = new Map<string, LinkRow>();
  for (const r of rows) {
    const k = `${r.subject}|${r.linked_subject}`;
    const prev = byPair.get(k);
    if (!prev || prev.generation < r.generation) byPair.set(k, r);
  }
  // Sorted: concurrent writers take their row locks in the same order.
  return [...byPair.values()].sort((a, b) =>
    (a.subject + a.linked_subject).localeCompare(b.subject + b.linked_subject),
  );
}

const CHUNK = 400;
const LINK_ACTIONS = ['linked', 'unlinked'];

/**
 * The link entries with seq ≤ `upTo` that name any of `pseudonyms` (first or
 * second): the ledger itself, for a reader that must see the links as they
 * stood at a point of it (the people counts' cursor) rather than now.
 */
export async function linkEntriesTouching(
  knex: Knex,
  pseudonyms: readonly string[],
  upTo: number,
): Promise<LinkEntry[]> {
  const out: LinkEntry[] = [];
  const columns = ['seq', 'action', 'subject', 'linked_subject'];
  for (let i = 0; i < pseudonyms.length; i += CHUNK) {
    const part = pseudonyms.slice(i, i + CHUNK);
    // Link entries have the policy '': the (subject, policy_key, seq) index finds them.
    const first = (await knex(TABLES.events)
      .whereIn('subject', part)
      .where('policy_key', '')
      .whereIn('action', LINK_ACTIONS)
      .where('seq', '<=', upTo)
      .select(columns)) as LinkEntry[];
    const second = (await knex(TABLES.events)
      .whereIn('linked_subject', part)
      .where('seq', '<=', upTo)
      .select(columns)) as LinkEntry[];
    for (const e of [...first, ...second]) out.push({ ...e, seq: Number(e.seq) });
  }
  return out;
}

/** Whether the ledger holds any link entry up to `upTo` (most hold none: readers skip the walk). */
export async function anyLinkEntry(knex: Knex, upTo: number): Promise<boolean> {
  const row = (await knex(TABLES.events)
    .where('policy_key', '')
    .whereIn('action', LINK_ACTIONS)
    .where('seq', '<=', upTo)
    .first('seq')) as { seq: number } | undefined;
  return row !== undefined;
}

/**
 * The person of each of `starts` as the links stood at seq `upTo`: their
 * pseudonyms, the start first. Only starts linked to someone are in the map.
 */
export async function componentsAsOf(
  knex: Knex,
  starts: readonly string[],
  upTo: number,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const direct = activeEdges(await linkEntriesTouching(knex, [...new Set(starts)], upTo));
  const linked = new Set(direct.flatMap((e) => [e.subject, e.linked_subject]));
  for (const start of starts) {
    if (!linked.has(start) || out.has(start)) continue;
    // Walk outwards: every entry of every pseudonym reached (a pair's latest decides).
    const entries: LinkEntry[] = [];
    const seen = new Set([start]);
    let frontier = [start];
    while (frontier.length) {
      const found = await linkEntriesTouching(knex, frontier, upTo);
      entries.push(...found);
      const next: string[] = [];
      for (const e of activeEdges(found))
        for (const p of [e.subject, e.linked_subject])
          if (!seen.has(p)) {
            seen.add(p);
            next.push(p);
          }
      frontier = next;
    }
    const members = componentOf(start, activeEdges(entries));
    if (members.length > 1) out.set(start, members);
  }
  return out;
}
