/**
 * The shapes of identifiers and dates, written once for validation, the
 * domain rules and the fast path alike.
 */

/** A policy or form key as it goes into a URL: 1 to 64 letters, digits and - _ . ~ (a regex fragment). */
export const KEY_CHARS = '[A-Za-z0-9\\-_.~]{1,64}';

/** A whole policy or form key. */
export const KEY = new RegExp(`^${KEY_CHARS}$`);

/** A calendar date written YYYY-MM-DD (whether it exists: isCalendarDate). */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2027-01-31" → its UTC midnight in ms; NaN for anything that is not a real calendar date. */
export function calendarDateMs(date: string): number {
  if (!DATE.test(date)) return NaN;
  const t = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date ? t : NaN;
}

/** Whether `date` is YYYY-MM-DD and exists ("2027-02-30" does not). */
export const isCalendarDate = (date: string): boolean => !Number.isNaN(calendarDateMs(date));
