const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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

const pad = (n: number) => String(n).padStart(2, '0');

/** The value an `<input type="datetime-local">` expects for `date`, in the browser's time zone. */
export function toDateTimeLocalValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Parses the value of an `<input type="datetime-local">` ("2025-03-01T09:30")
 * as a local wall-clock time. Returns null for an empty or invalid value.
 */
export function parseDateTimeLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
    0,
  );
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date "YYYY-MM-DD" as a Date at UTC midnight (format it with timeZone UTC). */
export function parseCalendarDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The browser's IANA time zone, e.g. "Asia/Almaty", or null if unknown. */
export function localTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}
