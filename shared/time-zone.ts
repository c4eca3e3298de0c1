/**
 * Wall-clock times in an IANA time zone and the instants they name, with Intl only (no Node or
 * DOM APIs): the server's days in the plugin's zone (server/src/domain/zone.ts) and the admin's
 * date-time inputs (admin/src/utils/time.ts) share it.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in milliseconds (Almaty: +5 h; Berlin: +1 h or +2 h). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "YYYY-MM-DDTHH:mm[:ss]" read as if it were UTC (ms); null when it is no real date and time. */
function wallMs(value: string): number | null {
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 2031-02-30 over to 2 March and 24:00 to the next day: such a value is not valid.
  const same =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === mi;
  return Number.isNaN(ms) || !same ? null : ms;
}

/**
 * The instant a wall-clock time "YYYY-MM-DDTHH:mm[:ss]" (what `<input type="datetime-local">`
 * holds) names in the zone; null for anything else. Where the clocks skip forward (02:30 on the
 * last Sunday of March in Europe/Berlin) the time is moved on by the gap (03:30); where they fall
 * back (02:30 twice in October) the earlier one is meant — Temporal's "compatible" choice.
 */
export function instantOfWallClock(value: string, timeZone: string): Date | null {
  const wall = wallMs(value);
  if (wall === null) return null;
  // The offsets a day either side: before and after any change of offset around this time.
  const before = wall - zoneOffsetMs(wall - DAY, timeZone);
  const after = wall - zoneOffsetMs(wall + DAY, timeZone);
  const fits = (t: number) => t + zoneOffsetMs(t, timeZone) === wall;
  if (fits(before) && fits(after)) return new Date(Math.min(before, after));
  if (fits(after)) return new Date(after);
  // It fits with the earlier offset, or it falls in a gap: the earlier offset moves it forward.
  return new Date(before);
}

/** The wall-clock time of an instant in the zone, to the minute: "YYYY-MM-DDTHH:mm". */
export function wallClockOf(instant: Date | number, timeZone: string): string {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(t + zoneOffsetMs(t, timeZone)).toISOString().slice(0, 16);
}

/** The first whole minute at or after an instant (ms): the earliest a to-the-minute input can name. */
export const ceilToMinute = (ms: number): number => Math.ceil(ms / MINUTE) * MINUTE;
