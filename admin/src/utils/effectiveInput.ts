/**
 * The release's "take effect at" input: a wall-clock time typed in the plugin's time zone, read
 * as an instant and checked against the earliest instant the server allows, so the panel refuses
 * a too-early date itself instead of sending it.
 */
import type { EditionStatus } from '../../../shared/contracts';
import { ceilToMinute } from '../../../shared/time-zone';
import { parseDateTimeLocal } from './time';

/**
 * The earliest instant (ms) the edition, released now, may take effect at. The server computed
 * `releaseEffectiveAt` at `status.now` (release + delay, never before the latest edition not
 * cancelled); the delay runs from the release, so the earliest moves on with the time elapsed
 * since the status was read (`elapsedMs`). Where another edition sets the bound it does not move:
 * this is then stricter by `elapsedMs` only, and never lets through an instant the server would
 * refuse. Null when the status has none (not a draft).
 */
export function earliestEffectiveAt(
  status: Pick<EditionStatus, 'releaseEffectiveAt'>,
  elapsedMs: number,
): number | null {
  const at = status.releaseEffectiveAt ? Date.parse(status.releaseEffectiveAt) : Number.NaN;
  return Number.isNaN(at) ? null : at + Math.max(0, elapsedMs);
}

export type EffectiveInputError = 'invalid' | 'too-early';

export interface EffectiveInputCheck {
  /** The instant typed (null when nothing or nothing valid is). */
  at: Date | null;
  error: EffectiveInputError | null;
  /** The first whole minute that may be typed (ms), null when unknown. */
  firstAllowed: number | null;
}

/**
 * Checks what was typed (a `datetime-local` value, in `timeZone`): empty is fine (the server then
 * takes the earliest allowed instant), anything else must be a date and time not before `earliest`.
 */
export function checkEffectiveInput(
  value: string,
  timeZone: string,
  earliest: number | null,
): EffectiveInputCheck {
  const firstAllowed = earliest === null ? null : ceilToMinute(earliest);
  if (!value.trim()) return { at: null, error: null, firstAllowed };
  const at = parseDateTimeLocal(value, timeZone);
  if (!at) return { at: null, error: 'invalid', firstAllowed };
  const tooEarly = earliest !== null && at.getTime() < earliest;
  return { at, error: tooEarly ? 'too-early' : null, firstAllowed };
}
