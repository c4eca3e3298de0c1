import { foldStanding, type Standing, type StandingEvent } from './standing';

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
 * - `purpose` (key: purpose): people whose consent to it stands now.
 */
export type PeopleKind = 'person' | 'edition' | 'declining' | 'purpose';

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

/** +1 for what `after` counts, −1 for what `before` counted (before undefined: a new person). */
function move(
  deltas: Map<string, number>,
  policy: string,
  before: Standing | undefined,
  after: Standing,
) {
  const sign = (s: Standing | undefined, n: number) => {
    if (!s) return;
    tally(deltas, peopleBucket(policy, 'person'), n);
    if (s.acceptedVersion !== null)
      tally(deltas, peopleBucket(policy, 'edition', String(s.acceptedVersion)), n);
    if (s.deniedVersion !== null) tally(deltas, peopleBucket(policy, 'declining'), n);
    for (const [k, v] of Object.entries(s.purposes))
      if (v) tally(deltas, peopleBucket(policy, 'purpose', k), n);
  };
  sign(before, -1);
  sign(after, +1);
}

/**
 * Folds `events` (seq order) onto the standings `known` holds (keyed by
 * personKey; missing means no decision yet). Returns the standings that
 * changed and the count deltas per bucket (zero deltas left out).
 */
export function foldPeople(
  known: ReadonlyMap<string, Standing>,
  events: readonly PeopleEvent[],
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
    move(deltas, list[0].policy, before, after);
  }
  return { standings, deltas };
}
