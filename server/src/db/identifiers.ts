/**
 * Rows of the index of identifiers (policy_ledger_identifiers, its model in
 * db/models/identifiers.ts): which submissions and held submissions hold
 * an identifier, by its pseudonym.
 */

/** What an index row points at: a recorded submission, or one held for double opt-in. */
export type IdentifierKind = 'submission' | 'pending';

/** A type, not an interface: a write's rows are plain records (db/rows.ts). */
export type IdentifierRow = {
  pseudonym: string;
  kind: IdentifierKind;
  ref: string;
};

/**
 * The index rows of one submission (`ref`: its public id): one per
 * pseudonym, once each, except its subject — the submission's own `subject`
 * column (indexed) finds it by that one. A form keyed by its only e-mail
 * field adds no row at all.
 */
export function identifierRows(
  kind: IdentifierKind,
  ref: string,
  subject: string,
  pseudonyms: Iterable<string>,
): IdentifierRow[] {
  const others = new Set(pseudonyms);
  others.delete(subject);
  return [...others].map((pseudonym) => ({ pseudonym, kind, ref }));
}

/** Values per `IN (…)` list: SQLite allows 999 parameters in a statement. */
export const IN_CHUNK = 400;

/** `list` in slices of at most `size`. */
export function chunked<T>(list: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
