import type {
  ConsentCheck,
  ConsentCheckReason,
  EvidenceStrength,
  LedgerAction,
} from '../../../shared/contracts';
import { acceptanceNeed, foldStanding, type EditionInForce } from './standing';
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
 * May the app use a person's data for `purpose` now? The person's latest word
 * on the purpose decides — the latest `granted` event naming it (true or
 * false), `denied` or `withdrawn` event naming it, across every policy;
 * implied acceptances carry purposes forward and are not a new word. Then the
 * grant must be strong enough (`minStrength`), younger than the purpose's
 * lifetime, and, with `policy`, the person must stand accepted by its edition
 * in force (an acceptance by continued use counts: it is recorded when they
 * are next seen).
 */
export function checkConsent(
  events: readonly CheckEvent[],
  purpose: string,
  rule: PurposeRule,
  opts: { policy: PolicyRule | null; minStrength: EvidenceStrength; now: Date; timeZone: string },
): ConsentCheck {
  let word: CheckEvent | null = null;
  for (const e of events) {
    if (e.action === 'implied' || e.action === 'notified') continue;
    if (e.action !== 'granted' && e.action !== 'denied' && e.action !== 'withdrawn') continue;
    if (e.purposes[purpose] !== undefined) word = e;
  }
  const policyStanding = opts.policy
    ? foldStanding(events.filter((e) => e.policy === opts.policy?.key))
    : null;
  const acceptedVersion = policyStanding
    ? policyStanding.acceptedVersion
    : word?.action === 'granted'
      ? word.version
      : null;
  const expiresAt =
    word && rule.renewAfterDays !== null && word.purposes[purpose] === true
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
  if (word.purposes[purpose] !== true || word.action !== 'granted')
    return answer(false, word.action === 'withdrawn' ? 'withdrawn' : 'denied');
  if (rank(word.strength) < rank(opts.minStrength)) return answer(false, 'unverified');
  if (expiresAt !== null && Date.parse(expiresAt) <= opts.now.getTime())
    return answer(false, 'expired');
  if (opts.policy && policyStanding) {
    const need = acceptanceNeed(
      policyStanding,
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
