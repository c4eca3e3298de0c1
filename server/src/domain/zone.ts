/**
 * Calendar days in the plugin's time zone: where a day starts and ends as
 * an instant, so "From 2031-03-02" in Asia/Almaty means 2031-03-01T19:00Z,
 * not midnight UTC. Pure (Intl only); the zone's offset is shared with the
 * admin's date-time inputs (shared/time-zone.ts).
 */

import { zoneOffsetMs } from '../../../shared/time-zone';

const startCache = new Map<string, number>();

/**
 * The first instant of a calendar day (YYYY-MM-DD) in the zone. Memoized per
 * zone and day: a bulk consent check asks it for every grant's expiry.
 */
export function startOfDay(day: string, timeZone: string): Date {
  const key = `${timeZone}|${day}`;
  let start = startCache.get(key);
  if (start === undefined) {
    const [y, m, d] = day.split('-').map(Number);
    const midnightUtc = Date.UTC(y, m - 1, d);
    const first = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
    // Again at the guessed instant: the offset may differ there (a DST change).
    start = midnightUtc - zoneOffsetMs(first, timeZone);
    if (startCache.size >= 10_000) startCache.clear();
    startCache.set(key, start);
  }
  return new Date(start);
}

const offsetCache = new Map<string, number>();
const QUARTER_HOUR = 15 * 60_000;

/**
 * The zone's offset at an instant, memoized per zone and quarter hour: an
 * offset changes only at a transition, and transitions (and offsets) fall on
 * quarter hours. The write path asks it per event, a bulk consent check per
 * grant.
 */
function offsetAt(t: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(t / QUARTER_HOUR)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = zoneOffsetMs(t, timeZone);
    if (offsetCache.size >= 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** The calendar day of an ISO instant in the zone. */
export function dayOf(isoInstant: string, timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return isoInstant.slice(0, 10);
  const t = Date.parse(isoInstant);
  return new Date(t + offsetAt(t, timeZone)).toISOString().slice(0, 10);
}

/** The day after a calendar day. */
export function nextDay(day: string): string {
  return addDays(day, 1);
}

/** The calendar day `n` days after (or, negative, before) a calendar day. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/**
 * A From / To filter as ISO instants: a date means its whole day in the zone
 * (`to` inclusive, so the bound is the next day's start, exclusive); an
 * instant is taken as given.
 */
export function lowerBound(from: string, timeZone: string): string {
  return from.length === 10
    ? startOfDay(from, timeZone).toISOString()
    : new Date(from).toISOString();
}
export function upperBound(to: string, timeZone: string): { at: string; inclusive: boolean } {
  return to.length === 10
    ? { at: startOfDay(nextDay(to), timeZone).toISOString(), inclusive: false }
    : { at: new Date(to).toISOString(), inclusive: true };
}
