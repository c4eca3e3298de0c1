import { calendarDateMs } from './patterns';

/**
 * Deadlines of data-subject requests: a number of calendar or working days
 * after the day a request was received. Dates are calendar dates
 * ("YYYY-MM-DD") in the plugin's time zone; the arithmetic is on UTC
 * midnights, so no daylight-saving shift can move a day.
 *
 * - Working days: the day of receipt does not count; each following day that
 *   is neither a weekend day nor a holiday counts; the due date is the Nth.
 * - Calendar days: the due date is receipt + N days, moved forward to the next
 *   working day when it falls on a weekend day or a holiday (the usual rule
 *   for a time limit ending on a day off).
 */

export type DayCount = 'calendar' | 'working';

export interface DeadlineRule {
  days: number;
  count: DayCount;
}

export interface WorkCalendar {
  /** Days of the week off, 0 = Sunday … 6 = Saturday. */
  weekend: readonly number[];
  /** Public holidays, "YYYY-MM-DD". */
  holidays: ReadonlySet<string> | readonly string[];
}

const DAY = 86_400_000;

/** "2027-01-31" → its UTC midnight; throws on anything that is not a real calendar date. */
export function parseDate(date: string): number {
  const t = calendarDateMs(date);
  if (Number.isNaN(t)) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  return t;
}

const dateOf = (t: number) => new Date(t).toISOString().slice(0, 10);

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  const holidays = cal.holidays instanceof Set ? cal.holidays : new Set(cal.holidays);
  return !cal.weekend.includes(new Date(parseDate(date)).getUTCDay()) && !holidays.has(date);
}

/** The day a request received on `received` is due under `rule`. */
export function dueDate(received: string, rule: DeadlineRule, cal: WorkCalendar): string {
  if (!Number.isInteger(rule.days) || rule.days < 0) {
    throw new RangeError(`a deadline is a whole number of days, not ${rule.days}`);
  }
  const holidays = new Set(cal.holidays);
  const work = { weekend: cal.weekend, holidays };
  let t = parseDate(received);
  if (rule.count === 'calendar') {
    t += rule.days * DAY;
    while (!isWorkingDay(dateOf(t), work)) t += DAY;
    return dateOf(t);
  }
  if (cal.weekend.length >= 7) throw new RangeError('a week with no working day');
  for (let left = rule.days; left > 0;) {
    t += DAY;
    if (isWorkingDay(dateOf(t), work)) left--;
  }
  return dateOf(t);
}

/** Whole days from `today` to `due` (negative: overdue). */
export const daysLeft = (today: string, due: string): number =>
  Math.round((parseDate(due) - parseDate(today)) / DAY);

export type DeadlineState = 'overdue' | 'due-soon' | 'on-time';

/** Overdue after the due date; due soon from `soonDays` before it. */
export function deadlineState(today: string, due: string, soonDays: number): DeadlineState {
  const left = daysLeft(today, due);
  return left < 0 ? 'overdue' : left <= soonDays ? 'due-soon' : 'on-time';
}

/** The calendar date of an instant in an IANA time zone ("Asia/Almaty"). */
export function dateInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
