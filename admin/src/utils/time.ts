/**
 * Every date, time and duration the admin shows or reads: formats, parsing of the date inputs
 * (in the plugin's time zone), From/To checks, instants inside free-form details. Components
 * format through these helpers only.
 */
import type { IntlShape } from 'react-intl';

import { instantOfWallClock, wallClockOf } from '../../../shared/time-zone';

type FormatDate = IntlShape['formatDate'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/* ------------------------------------------------------------------------------ formatting -- */

const INSTANT_FORMATS = {
  /** Date and time with the zone, e.g. "12 May 2029, 09:00 GMT+5". */
  'date-time': {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  },
  /** Numeric date and time to the second with the zone (ledger rows), e.g. "03/02/2031, 10:00:00 AM GMT+5". */
  'date-time-seconds': {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  },
  /** Medium date, short time with the zone, e.g. "Mar 2, 2031, 10:00 AM GMT+5". */
  medium: {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const CALENDAR_DATE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
};

export type InstantFormat = keyof typeof INSTANT_FORMATS;

/** An instant (ISO string or Date) in the admin's locale and time zone; null when there is none. */
export function formatInstant(
  formatDate: FormatDate,
  value: string | Date | null | undefined,
  format: InstantFormat = 'date-time',
): string | null {
  if (!value) return null;
  return formatDate(typeof value === 'string' ? new Date(value) : value, INSTANT_FORMATS[format]);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** An ISO 8601 instant with its offset, as the server records them ("2026-12-14T05:15:10.803Z"). */
export const isIsoInstant = (value: unknown): value is string =>
  typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));

/**
 * A calendar date "YYYY-MM-DD", e.g. "12 May 2029". It is parsed at UTC midnight and formatted
 * in UTC, so it never shifts a day. Null when there is none or it is not a date.
 */
export function formatCalendarDate(
  formatDate: FormatDate,
  value: string | null | undefined,
): string | null {
  const date = value ? parseCalendarDate(value) : null;
  return date ? formatDate(date, CALENDAR_DATE) : null;
}

/** "45 s", "12 min", "3 h", "2 d": how long something has waited. */
export function formatAge(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}

export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
}

/**
 * Splits a positive duration into whole days, hours and minutes, rounding the
 * minutes up so that "takes effect in 0 min" is never shown before the instant.
 */
export function splitDuration(ms: number): Countdown {
  const totalMinutes = Math.max(0, Math.ceil(ms / MINUTE));
  const days = Math.floor(totalMinutes / (DAY / MINUTE));
  const hours = Math.floor((totalMinutes % (DAY / MINUTE)) / (HOUR / MINUTE));
  const minutes = totalMinutes % (HOUR / MINUTE);
  return { days, hours, minutes };
}

/* --------------------------------------------------------------------------------- parsing -- */

/**
 * The value an `<input type="datetime-local">` shows for an instant: its wall-clock time in the
 * zone (the plugin's, not the browser's), e.g. "2026-12-14T10:16".
 */
export function toDateTimeLocalValue(date: Date | number, timeZone: string): string {
  return wallClockOf(date, timeZone);
}

/**
 * Reads the value of an `<input type="datetime-local">` ("2026-12-14T10:16") as a wall-clock
 * time in the zone and returns the instant it names (DST gaps and overlaps as in
 * shared/time-zone.ts). Null for an empty or invalid value.
 */
export function parseDateTimeLocal(value: string, timeZone: string): Date | null {
  return instantOfWallClock(value, timeZone);
}

/** A calendar date "YYYY-MM-DD" as a Date at UTC midnight (format it with timeZone UTC). */
export function parseCalendarDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date "YYYY-MM-DD" (what `<input type="date">` holds). */
export const isCalendarDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value.trim());

/** Why a From/To filter cannot be sent: not a date, or an end before the start. */
export type DateRangeError = 'invalid' | 'before-start';

export interface DateRangeCheck {
  from: DateRangeError | null;
  to: DateRangeError | null;
  valid: boolean;
}

/** Checks an optional From/To pair of calendar dates (both inclusive). */
export function checkDateRange(from: string, to: string): DateRangeCheck {
  const fromError: DateRangeError | null = from && !isCalendarDate(from) ? 'invalid' : null;
  const toError: DateRangeError | null =
    to && !isCalendarDate(to)
      ? 'invalid'
      : from && to && !fromError && from > to
        ? 'before-start'
        : null;
  return { from: fromError, to: toError, valid: !fromError && !toError };
}

/* ------------------------------------------------------------------------------- time zone -- */

/** The browser's IANA time zone, e.g. "Asia/Almaty", or null if unknown. */
export function localTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}
