import type {
  ConsentCheck,
  ConsentCheckReason,
  EvidenceStrength,
  LedgerAction,
} from '../../../shared/contracts';
import { acceptanceNeed, foldStanding, type EditionInForce, type Standing } from './standing';
import { addDays, dayOf, startOfDay } from './zone';

/** What a consent check needs of an event (one person's, oldest first). */
export interface CheckEvent {
  action: LedgerAction;
  policy: string;
  version: number;
  locale: string | null;
  purposes: Record<string, boolean>;
  occurredAt: string;
  /** Absent on decisions the operator's server, an admin or continued use recorded. */
  strength?: EvidenceStrength | null;
}

/** What a purpose declares (the plugin's `purposes` option). */
export interface PurposeRule {
  /**
   * A grant made on day D (in the plugin's time zone) has expired from the
   * start of day D + renewAfterDays; null: it does not expire.
   */
  renewAfterDays: number | null;
}

/** When a grant made at `since` with a lifetime of `days` calendar days expires (ISO instant). */
export function expiryOf(since: string, days: number, timeZone: string): string {
  return startOfDay(addDays(dayOf(since, timeZone), days), timeZone).toISOString();
}

/** The policy a check also requires to be accepted: its editions, for the edition in force. */
export interface PolicyRule {
  key: string;
  current: EditionInForce | null;
  editions: readonly EditionInForce[];
}

/**
 * How far a decision is proven to be the person's own, for `minStrength`: a
 * decision without a strength was recorded by the operator's server or an
 * admin, who vouch for the person — as strong as a confirmed one.
 */
const rank = (s: EvidenceStrength | null | undefined) => (s === 'unverified' ? 0 : 1);

/**
 * A person's latest word on one purpose: the latest `granted` event naming it
 * (true or false), `denied` or `withdrawn` event naming it, across every
 * policy. Implied acceptances carry purposes forward and are not a new word.
 */
export interface PurposeWord {
  action: 'granted' | 'denied' | 'withdrawn';
  /** What the event said of the purpose (a `granted` event may say false). */
  value: boolean;
  policy: string;
  version: number;
  occurredAt: string;
  strength: EvidenceStrength | null;
}

/** Is this event a word on purposes (not an implied acceptance, a notice or a link)? */
const isWord = (action: LedgerAction): action is PurposeWord['action'] =>
  action === 'granted' || action === 'denied' || action === 'withdrawn';

/**
 * The latest word on `purpose` in `events` (oldest first), or `start` (the
 * word before them) when they say nothing of it.
 */
export function wordOn(
  events: Iterable<CheckEvent>,
  purpose: string,
  start: PurposeWord | null = null,
): PurposeWord | null {
  let word = start;
  for (const e of events) {
    const value = e.purposes[purpose];
    if (value === undefined || !isWord(e.action)) continue;
    word = {
      action: e.action,
      value,
      policy: e.policy,
      version: e.version,
      occurredAt: e.occurredAt,
      strength: e.strength ?? null,
    };
  }
  return word;
}

/** Every purpose's latest word in `events` (oldest first): what a batch leaves per person. */
export function wordsIn(events: Iterable<CheckEvent>): Map<string, PurposeWord> {
  const words = new Map<string, PurposeWord>();
  for (const e of events) {
    if (!isWord(e.action)) continue;
    for (const purpose of Object.keys(e.purposes)) {
      const w = wordOn([e], purpose);
      if (w) words.set(purpose, w);
    }
  }
  return words;
}

/** What a check needs of the person's standing with the policy: no purposes. */
export type PolicyStandingOnly = Omit<Standing, 'purposes' | 'grantedAt'>;

/** A standing folded for a check, its purposes left out (they are the words' business). */
export function policyStandingOf(s: Standing): PolicyStandingOnly {
  return {
    acceptedVersion: s.acceptedVersion,
    acceptedLocale: s.acceptedLocale,
    deniedVersion: s.deniedVersion,
  };
}

export interface CheckOptions {
  policy: PolicyRule | null;
  minStrength: EvidenceStrength;
  now: Date;
  timeZone: string;
}

/**
 * May the app use a person's data for `purpose` now, given their latest word
 * on it and (with `opts.policy`) their standing with that policy? The word
 * must be a grant, strong enough (`minStrength`) and younger than the
 * purpose's lifetime; with a policy, the person must stand accepted by its
 * edition in force (an acceptance by continued use counts: it is recorded
 * when they are next seen).
 */
export function decideConsent(
  word: PurposeWord | null,
  standing: PolicyStandingOnly | null,
  rule: PurposeRule,
  opts: CheckOptions,
): ConsentCheck {
  const acceptedVersion = opts.policy
    ? (standing?.acceptedVersion ?? null)
    : word?.action === 'granted'
      ? word.version
      : null;
  const expiresAt =
    word && rule.renewAfterDays !== null && word.value === true
      ? expiryOf(word.occurredAt, rule.renewAfterDays, opts.timeZone)
      : null;
  const answer = (allowed: boolean, reason: ConsentCheckReason): ConsentCheck => ({
    allowed,
    reason,
    acceptedVersion,
    since: word?.occurredAt ?? null,
    expiresAt,
  });

  if (!word) return answer(false, 'not-granted');
  if (word.value !== true || word.action !== 'granted')
    return answer(false, word.action === 'withdrawn' ? 'withdrawn' : 'denied');
  if (rank(word.strength) < rank(opts.minStrength)) return answer(false, 'unverified');
  if (expiresAt !== null && Date.parse(expiresAt) <= opts.now.getTime())
    return answer(false, 'expired');
  if (opts.policy) {
    const need = acceptanceNeed(
      { ...(standing ?? NO_STANDING), purposes: {} },
      opts.policy.current,
      opts.policy.editions,
      opts.now,
    );
    if (need === 'not-accepted') return answer(false, 'policy-not-accepted');
    if (need === 'denied') return answer(false, 'policy-denied');
    if (need === 'reconsent-required') return answer(false, 'policy-reconsent-required');
  }
  return answer(true, 'granted');
}

const NO_STANDING: PolicyStandingOnly = {
  acceptedVersion: null,
  acceptedLocale: null,
  deniedVersion: null,
};

/**
 * `decideConsent` from the person's events (oldest first): their latest word
 * on the purpose, and with a policy their standing folded from its events.
 */
export function checkConsent(
  events: readonly CheckEvent[],
  purpose: string,
  rule: PurposeRule,
  opts: CheckOptions,
): ConsentCheck {
  const standing = opts.policy
    ? policyStandingOf(foldStanding(events.filter((e) => e.policy === opts.policy?.key)))
    : null;
  return decideConsent(wordOn(events, purpose), standing, rule, opts);
}

/**
 * The purposes of a person's standing whose grant has expired at `now`: for
 * each purpose with a lifetime, granted as the person's latest word, its
 * expiry (`expiryOf`) is past.
 */
export function expiredPurposes(
  events: readonly CheckEvent[],
  rules: Readonly<Record<string, PurposeRule>>,
  now: Date,
  timeZone: string,
): string[] {
  const expired: string[] = [];
  for (const [purpose, rule] of Object.entries(rules)) {
    if (rule.renewAfterDays === null) continue;
    const r = checkConsent(events, purpose, rule, {
      policy: null,
      minStrength: 'unverified',
      now,
      timeZone,
    });
    if (r.reason === 'expired') expired.push(purpose);
  }
  return expired.sort();
}
