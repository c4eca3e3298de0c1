import { foldStanding, type Standing, type StandingEvent } from './standing';
import { addDays, dayOf } from './zone';

/**
 * People counts (admin → Acceptance), kept by folding the ledger's events,
 * in seq order, into each person's standing per policy and counting how the
 * standings move. Pure: the caller loads the standings the events touch and
 * stores what comes back.
 *
 * What is counted, per policy:
 * - `person`: people with any decision on the policy;
 * - `edition` (key: version): people whose newest accepted edition it is;
 * - `declining`: people whose denial stands (no later acceptance);
 * - `purpose` (key: purpose): people whose consent to it stands now;
 * - `granted` (key: purpose@day): of those, the people whose standing grant
 *   was made on that calendar day (in the plugin's time zone), so that the
 *   people whose grant has outlived the purpose's lifetime are a sum of a
 *   few rows (`expiredCount`), whatever the day the report is read.
 *
 * A person is every pseudonym linked to one another (domain/links.ts): their
 * events fold into one standing, keyed by `personOf`; a link or an unlink
 * regroups them (`regroupDeltas`).
 */
export type PeopleKind = 'person' | 'edition' | 'declining' | 'purpose' | 'granted';

export interface PeopleEvent extends StandingEvent {
  subject: string;
  policy: string;
}

export const peopleBucket = (policy: string, kind: PeopleKind, key = '') =>
  `${policy}|${kind}|${key}`;

export const personKey = (subject: string, policy: string) => `${subject}|${policy}`;

function tally(deltas: Map<string, number>, bucket: string, n: number) {
  const next = (deltas.get(bucket) ?? 0) + n;
  if (next === 0) deltas.delete(bucket);
  else deltas.set(bucket, next);
}

/** Adds `n` (±1) to every bucket a standing counts in. */
function count(
  deltas: Map<string, number>,
  policy: string,
  s: Standing,
  n: number,
  timeZone: string,
) {
  tally(deltas, peopleBucket(policy, 'person'), n);
  if (s.acceptedVersion !== null)
    tally(deltas, peopleBucket(policy, 'edition', String(s.acceptedVersion)), n);
  if (s.deniedVersion !== null) tally(deltas, peopleBucket(policy, 'declining'), n);
  for (const [k, v] of Object.entries(s.purposes))
    if (v) tally(deltas, peopleBucket(policy, 'purpose', k), n);
  for (const [k, at] of Object.entries(s.grantedAt ?? {}))
    if (s.purposes[k])
      tally(deltas, peopleBucket(policy, 'granted', `${k}@${dayOf(at, timeZone)}`), n);
}

/** +1 for what `after` counts, −1 for what `before` counted (before undefined: a new person). */
function move(
  deltas: Map<string, number>,
  policy: string,
  before: Standing | undefined,
  after: Standing,
  timeZone: string,
) {
  if (before) count(deltas, policy, before, -1, timeZone);
  count(deltas, policy, after, +1, timeZone);
}

/** A person's standing with one policy. */
export interface PolicyStanding {
  policy: string;
  standing: Standing;
}

/**
 * The count deltas when people are regrouped — linked identities merge two
 * people into one, an unlink splits one into two: the people `removed` stop
 * counting, the people `added` count (each with their standing per policy).
 */
export function regroupDeltas(
  removed: Iterable<PolicyStanding>,
  added: Iterable<PolicyStanding>,
  timeZone = 'UTC',
): Map<string, number> {
  const deltas = new Map<string, number>();
  for (const r of removed) count(deltas, r.policy, r.standing, -1, timeZone);
  for (const a of added) count(deltas, a.policy, a.standing, +1, timeZone);
  return deltas;
}

/**
 * The person a pseudonym counts as: itself, or — linked to others — the
 * smallest pseudonym of its connected component (domain/links.ts), so that
 * every pseudonym of a person keys the same standing.
 */
export const personOf = (members: readonly string[]): string =>
  members.reduce((min, p) => (p < min ? p : min));

/**
 * Folds `events` (seq order) onto the standings `known` holds (keyed by
 * personKey; missing means no decision yet); `timeZone` names the days of
 * the `granted` rows. Returns the standings that
 * changed and the count deltas per bucket (zero deltas left out).
 */
export function foldPeople(
  known: ReadonlyMap<string, Standing>,
  events: readonly PeopleEvent[],
  timeZone = 'UTC',
): { standings: Map<string, Standing>; deltas: Map<string, number> } {
  const byPerson = new Map<string, PeopleEvent[]>();
  for (const e of events) {
    const k = personKey(e.subject, e.policy);
    const list = byPerson.get(k);
    if (list) list.push(e);
    else byPerson.set(k, [e]);
  }
  const standings = new Map<string, Standing>();
  const deltas = new Map<string, number>();
  for (const [k, list] of byPerson) {
    const before = known.get(k);
    const after = foldStanding(list, before);
    standings.set(k, after);
    move(deltas, list[0].policy, before, after, timeZone);
  }
  return { standings, deltas };
}

/**
 * How many of the people counted in a purpose's `granted` rows (key
 * `purpose@day`, n) have a grant that has expired on `today` (a calendar day
 * in the same zone): made on day D, a grant with a lifetime of `days` has
 * expired from the start of day D + days (domain/consent-check.ts `expiryOf`).
 */
export function expiredCount(
  rows: Iterable<{ key: string; n: number }>,
  purpose: string,
  days: number,
  today: string,
): number {
  const cutoff = addDays(today, -days);
  let expired = 0;
  for (const r of rows) {
    const at = r.key.lastIndexOf('@');
    if (r.key.slice(0, at) === purpose && r.key.slice(at + 1) <= cutoff) expired += r.n;
  }
  return expired;
}
