import { DAY_MS } from './clock';

/**
 * Effective-date arithmetic. All instants are UTC: "7 calendar days" is
 * 7 × 24 h after the release instant, which is the same wall-clock time
 * 7 days later in UTC (and in Kazakhstan, which has no DST).
 */
export function addDays(instant: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days must be a non-negative integer, got ${days}`);
  }
  return new Date(instant.getTime() + days * DAY_MS);
}

export interface EffectiveInput {
  releasedAt: Date;
  delayDays: number;
  /** An instant the editor asked for; allowed only if not earlier than the default. */
  requested?: Date | null;
  /** effectiveAt of the latest non-cancelled released edition of the same policy. */
  previousEffectiveAt?: Date | null;
}

export type EffectiveResult =
  | { ok: true; effectiveAt: Date }
  | { ok: false; reason: 'before-minimum' | 'before-previous'; minimum: Date };

/**
 * effectiveAt = releasedAt + delay; an editor may pick a later instant, never
 * an earlier one, and never one before the previous edition takes effect.
 */
export function computeEffectiveAt(input: EffectiveInput): EffectiveResult {
  const minimum = addDays(input.releasedAt, input.delayDays);
  const effectiveAt = input.requested ?? minimum;
  if (effectiveAt.getTime() < minimum.getTime()) {
    return { ok: false, reason: 'before-minimum', minimum };
  }
  if (input.previousEffectiveAt && effectiveAt.getTime() < input.previousEffectiveAt.getTime()) {
    return { ok: false, reason: 'before-previous', minimum: input.previousEffectiveAt };
  }
  return { ok: true, effectiveAt };
}

/** The calendar date (YYYY-MM-DD, UTC) of an instant: the default edition date. */
export function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export type EditionState = 'draft' | 'scheduled' | 'in-force' | 'superseded' | 'cancelled';

export interface EditionTimes {
  version: number | null;
  releasedAt: Date | null;
  effectiveAt: Date | null;
  cancelledAt: Date | null;
}

/**
 * State derived from the dates. `currentVersion` is the version in force at
 * `now` for the edition's policy (null if none).
 */
export function editionState(
  e: EditionTimes,
  now: Date,
  currentVersion: number | null,
): EditionState {
  if (e.cancelledAt) return 'cancelled';
  if (!e.releasedAt || e.version === null || !e.effectiveAt) return 'draft';
  if (e.effectiveAt.getTime() > now.getTime()) return 'scheduled';
  if (currentVersion !== null && currentVersion > e.version) return 'superseded';
  return 'in-force';
}

/**
 * The edition in force at `now`: highest version with effectiveAt ≤ now, not
 * cancelled. The upcoming one: the lowest version above it not yet in effect.
 */
export function pickCurrent<T extends EditionTimes>(
  editions: readonly T[],
  now: Date,
): { current: T | null; upcoming: T | null } {
  let current: T | null = null;
  let upcoming: T | null = null;
  const t = now.getTime();
  for (const e of editions) {
    if (e.cancelledAt || e.version === null || !e.effectiveAt || !e.releasedAt) continue;
    if (e.effectiveAt.getTime() <= t) {
      if (!current || e.version > (current.version as number)) current = e;
    }
  }
  for (const e of editions) {
    if (e.cancelledAt || e.version === null || !e.effectiveAt || !e.releasedAt) continue;
    if (e.effectiveAt.getTime() > t && (!current || e.version > (current.version as number))) {
      if (!upcoming || e.version < (upcoming.version as number)) upcoming = e;
    }
  }
  return { current, upcoming };
}

/** The next instant after `now` at which the current edition may change (or null). */
export function nextChange(editions: readonly EditionTimes[], now: Date): Date | null {
  let next: number | null = null;
  for (const e of editions) {
    if (e.cancelledAt || !e.effectiveAt || !e.releasedAt) continue;
    const at = e.effectiveAt.getTime();
    if (at > now.getTime() && (next === null || at < next)) next = at;
  }
  return next === null ? null : new Date(next);
}

/** The latest effective instant of editions not cancelled: a new one may not take effect before it. */
export function latestEffectiveAt(
  released: readonly { effectiveAt: Date; cancelledAt: Date | null }[],
): Date | null {
  return released
    .filter((e) => !e.cancelledAt)
    .reduce<Date | null>((m, e) => (!m || e.effectiveAt > m ? e.effectiveAt : m), null);
}

export interface ReleasedTimes {
  version: number;
  effectiveAt: Date;
  cancelledAt: Date | null;
  /** Each released locale's text hash: a draft with the same texts is told so. */
  texts?: Readonly<Record<string, { contentHash: string }>>;
}

/** Same locales, and in each the same text hash (at least one locale). */
function sameTexts(
  released: Readonly<Record<string, { contentHash: string }>> | undefined,
  draft: Readonly<Record<string, string>>,
): boolean {
  if (!released) return false;
  const locales = Object.keys(draft);
  return (
    locales.length > 0 &&
    locales.length === Object.keys(released).length &&
    locales.every((l) => released[l]?.contentHash === draft[l])
  );
}

/**
 * What releasing a draft now (without choosing an instant) would do: when it
 * takes effect, the edition already scheduled that it would cut short
 * (in force only from its own effective instant until this one's), and the
 * edition in force whose text it repeats in every locale (`draftTexts`: the
 * draft's complete locales and their text hashes), which would publish the
 * same text again under a new version.
 */
export function releaseOutlook(
  released: readonly ReleasedTimes[],
  now: Date,
  delayDays: number,
  draftTexts: Readonly<Record<string, string>> = {},
): {
  releaseEffectiveAt: string;
  scheduledOver: { version: number; effectiveAt: string } | null;
  identicalTo: { version: number } | null;
} {
  const live = released.filter((e) => !e.cancelledAt);
  const previousEffectiveAt = latestEffectiveAt(live);
  const outcome = computeEffectiveAt({
    releasedAt: now,
    delayDays,
    requested: null,
    previousEffectiveAt,
  });
  const scheduled = live
    .filter((e) => e.effectiveAt > now)
    .sort((a, b) => b.effectiveAt.getTime() - a.effectiveAt.getTime())[0];
  // In force: the highest version already in effect (as pickCurrent decides).
  const inForce = live.filter((e) => e.effectiveAt <= now).sort((a, b) => b.version - a.version)[0];
  return {
    releaseEffectiveAt: (outcome.ok ? outcome.effectiveAt : outcome.minimum).toISOString(),
    scheduledOver: scheduled
      ? { version: scheduled.version, effectiveAt: scheduled.effectiveAt.toISOString() }
      : null,
    identicalTo:
      inForce && sameTexts(inForce.texts, draftTexts) ? { version: inForce.version } : null,
  };
}
