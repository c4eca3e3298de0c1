import type { LedgerAction } from '../../../shared/contracts';

/** What the fold needs of an event. */
export interface StandingEvent {
  /** `notified` entries change nothing. */
  action: LedgerAction;
  version: number;
  locale: string | null;
  purposes: Record<string, boolean>;
  /** When it was recorded (ISO instant): folds that know it keep each purpose's grant instant. */
  occurredAt?: string;
}

/** Where a person stands with one policy, after their events. */
export interface Standing {
  /** The highest version they accepted (by form, API or continued use). */
  acceptedVersion: number | null;
  /** The locale of that acceptance. */
  acceptedLocale: string | null;
  /** Set while a denial is not superseded by a later acceptance. */
  deniedVersion: number | null;
  /** Each purpose as it stands: granted (true) or not (false). */
  purposes: Record<string, boolean>;
  /**
   * When each granted purpose was last granted (ISO instant), when the events
   * folded carry `occurredAt` (the people counts: a purpose's lifetime).
   * An implied acceptance carries purposes forward and renews none.
   */
  grantedAt?: Record<string, string>;
}

/**
 * Folds a person's events for one policy, oldest first, into their standing;
 * from `start` when the earlier events are already folded into it.
 */
export function foldStanding(events: Iterable<StandingEvent>, start?: Standing): Standing {
  let acceptedVersion: number | null = start?.acceptedVersion ?? null;
  let acceptedLocale: string | null = start?.acceptedLocale ?? null;
  let deniedVersion: number | null = start?.deniedVersion ?? null;
  const purposes: Record<string, boolean> = { ...start?.purposes };
  let grantedAt: Record<string, string> | undefined = start?.grantedAt
    ? { ...start.grantedAt }
    : undefined;
  for (const e of events) {
    if (e.occurredAt !== undefined) grantedAt ??= {};
    if (grantedAt) {
      if (e.action === 'granted' && e.occurredAt !== undefined) {
        for (const [k, v] of Object.entries(e.purposes)) {
          if (v === true) grantedAt[k] = e.occurredAt;
          else delete grantedAt[k];
        }
      } else if (e.action === 'denied' || e.action === 'withdrawn') {
        for (const k of Object.keys(e.purposes)) delete grantedAt[k];
      }
    }
    if (e.action === 'granted' || e.action === 'implied') {
      if (acceptedVersion === null || e.version >= acceptedVersion) {
        acceptedVersion = e.version;
        acceptedLocale = e.locale;
      }
      if (deniedVersion !== null && e.version >= deniedVersion) deniedVersion = null;
      Object.assign(purposes, e.purposes);
    } else if (e.action === 'denied') {
      deniedVersion = e.version;
      for (const k of Object.keys(e.purposes)) purposes[k] = false;
    } else if (e.action === 'withdrawn') {
      for (const k of Object.keys(e.purposes)) purposes[k] = false;
    }
  }
  return {
    acceptedVersion,
    acceptedLocale,
    deniedVersion,
    purposes,
    ...(grantedAt ? { grantedAt } : {}),
  };
}

/** Why a person must accept the edition in force, or null when they need not. */
export type AcceptanceNeed = 'not-accepted' | 'denied' | 'reconsent-required' | 'implied' | null;

export interface EditionInForce {
  version: number;
  changeKind: string;
  effectiveAt: Date;
  cancelledAt: Date | null;
}

/**
 * Implied acceptance (README: "How editions work"): a person who accepted version N, seen again
 * after a later edition took effect, accepts it by continued use — unless an
 * edition in between asks for re-consent. Returns what applies: a reason to
 * ask, 'implied' (record the implied acceptance), or null (nothing to do).
 */
export function acceptanceNeed(
  s: Standing,
  current: EditionInForce | null,
  editions: readonly EditionInForce[],
  now: Date,
): AcceptanceNeed {
  if (!current) return null;
  if (s.acceptedVersion === null) return s.deniedVersion !== null ? 'denied' : 'not-accepted';
  if (s.deniedVersion !== null && s.deniedVersion >= s.acceptedVersion) return 'denied';
  if (s.acceptedVersion >= current.version) return null;
  const accepted = s.acceptedVersion;
  const between = editions.filter(
    (e) =>
      !e.cancelledAt &&
      e.version > accepted &&
      e.version <= current.version &&
      e.effectiveAt <= now,
  );
  return between.some((e) => e.changeKind === 'reconsent') ? 'reconsent-required' : 'implied';
}
