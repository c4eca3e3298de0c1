/**
 * Linked identities, pure: one person may hold several identifiers (an
 * e-mail, a phone, a site account), each with its own pseudonym; a `linked`
 * ledger entry binds two of them, an `unlinked` entry undoes it. A person is
 * the connected component of their pseudonyms over the active links.
 */

/** A pair of pseudonyms in canonical order (the smaller first): one row, one key per pair. */
export function linkPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/**
 * A pair's entries alternate (linked, unlinked, linked, …): its generation
 * counts them, so an odd generation is linked and an even one (0: never
 * linked) is not.
 */
export const isLinkedGeneration = (generation: number): boolean => generation % 2 === 1;

/**
 * The generation the next `linked` (or `unlinked`) entry of a pair at
 * `generation` would give, or null when the pair is already in that state
 * (linking twice, or unlinking what is not linked, records nothing).
 */
export function nextGeneration(generation: number, action: 'linked' | 'unlinked'): number | null {
  const linked = isLinkedGeneration(generation);
  if (action === 'linked' ? linked : !linked) return null;
  return generation + 1;
}

/**
 * The entry's unique key (the events' `implied_key` column): at most one
 * entry per pair and generation, so two concurrent links of the same pair
 * record one entry and the other fails as a duplicate.
 */
export function linkEntryKey(a: string, b: string, generation: number): string {
  const [x, y] = linkPair(a, b);
  return `link:${x}:${y}:${generation}`;
}

/** An active link between two pseudonyms. */
export interface LinkEdge {
  subject: string;
  linked_subject: string;
}

/**
 * The pseudonyms reachable from `start` over `edges` (undirected), `start`
 * first and the others sorted — the same list whichever of them one starts from, but for the first.
 */
export function componentOf(start: string, edges: Iterable<LinkEdge>): string[] {
  const next = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  };
  for (const e of edges) {
    add(e.subject, e.linked_subject);
    add(e.linked_subject, e.subject);
  }
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    const p = queue.pop() as string;
    for (const q of next.get(p) ?? []) {
      if (seen.has(q)) continue;
      seen.add(q);
      queue.push(q);
    }
  }
  seen.delete(start);
  return [start, ...[...seen].sort()];
}

/** A `linked` or `unlinked` entry as the ledger holds it (its pair and its place). */
export interface LinkEntry {
  seq: number;
  action: 'linked' | 'unlinked';
  subject: string;
  linked_subject: string;
}

/**
 * The links standing after `entries` (any order): for each pair, its latest
 * entry by seq decides. Each active pair once, in canonical order.
 */
export function activeEdges(entries: Iterable<LinkEntry>): LinkEdge[] {
  const latest = new Map<string, LinkEntry>();
  for (const e of entries) {
    const [x, y] = linkPair(e.subject, e.linked_subject);
    const k = `${x}|${y}`;
    const prev = latest.get(k);
    if (!prev || prev.seq < e.seq) latest.set(k, e);
  }
  const edges: LinkEdge[] = [];
  for (const [k, e] of latest) {
    if (e.action !== 'linked') continue;
    const bar = k.indexOf('|');
    edges.push({ subject: k.slice(0, bar), linked_subject: k.slice(bar + 1) });
  }
  return edges;
}

/** Whether an action is a link entry's (no decision: standing, counters and counts skip it). */
export const isLinkAction = (action: string): action is 'linked' | 'unlinked' =>
  action === 'linked' || action === 'unlinked';
