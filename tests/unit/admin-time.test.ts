/**
 * The admin panel's pure logic: durations, countdowns, date inputs and
 * From/To checks (admin/src/utils/), with react-intl's own formatter and the
 * plugin's kk, ru and en messages.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createIntl } from 'react-intl';

import { countdownText, nextScheduledAt, scheduledAt } from '../../admin/src/utils/countdown';
import {
  checkDateRange,
  formatAge,
  formatCalendarDate,
  parseCalendarDate,
  parseDateTimeLocal,
  splitDuration,
  toDateTimeLocalValue,
} from '../../admin/src/utils/time';
import en from '../../admin/src/translations/en.json';
import kk from '../../admin/src/translations/kk.json';
import ru from '../../admin/src/translations/ru.json';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** The messages as registerTrads registers them: prefixed with the plugin id. */
const intl = (locale: string, messages: Record<string, string>) =>
  createIntl({
    locale,
    messages: Object.fromEntries(
      Object.entries(messages).map(([k, v]) => [`policy-ledger.${k}`, v]),
    ),
  });

describe('admin: durations and countdowns', () => {
  it('splits a duration into days, hours and minutes, rounding the minutes up', () => {
    assert.deepEqual(splitDuration(7 * DAY), { days: 7, hours: 0, minutes: 0 });
    assert.deepEqual(splitDuration(6 * DAY + 23 * HOUR + 1), { days: 6, hours: 23, minutes: 1 });
    assert.deepEqual(splitDuration(59 * 1000), { days: 0, hours: 0, minutes: 1 });
    assert.deepEqual(splitDuration(-5), { days: 0, hours: 0, minutes: 0 });
  });

  it('says how long until an edition takes effect, in each of the plugin languages', () => {
    const { formatMessage } = intl('en', en);
    assert.equal(countdownText(6 * DAY + 23 * HOUR, formatMessage), 'takes effect in 6 d 23 h');
    assert.equal(countdownText(5 * HOUR + 12 * MIN, formatMessage), 'takes effect in 5 h 12 min');
    assert.equal(countdownText(30 * 1000, formatMessage), 'takes effect in 1 min');
    assert.equal(countdownText(0, formatMessage), 'takes effect now');
    for (const [locale, messages] of [
      ['kk', kk],
      ['ru', ru],
    ] as const) {
      const text = countdownText(2 * DAY, intl(locale, messages).formatMessage);
      assert.notEqual(text, 'takes effect in 2 d 0 h', `${locale} is translated`);
      assert.match(text, /2/);
    }
  });

  it('finds the next scheduled edition, ignoring every other state', () => {
    const at = (iso: string) => new Date(iso).getTime();
    const editions = [
      { state: 'in-force' as const, effectiveAt: '2026-01-01T00:00:00.000Z' },
      { state: 'scheduled' as const, effectiveAt: '2026-12-20T00:00:00.000Z' },
      { state: 'scheduled' as const, effectiveAt: '2026-12-14T00:00:00.000Z' },
      { state: 'cancelled' as const, effectiveAt: '2026-12-10T00:00:00.000Z' },
    ];
    assert.equal(nextScheduledAt(editions), at('2026-12-14T00:00:00.000Z'));
    assert.equal(scheduledAt(editions[3]), null);
    assert.equal(nextScheduledAt([]), null);
  });

  it('says how long something waited', () => {
    assert.deepEqual([45, 720, 3 * 3600, 2 * 86400].map(formatAge), [
      '45 s',
      '12 min',
      '3 h',
      '2 d',
    ]);
  });
});

describe('admin: dates typed into inputs', () => {
  it('reads a datetime-local value as wall-clock time and writes it back the same', () => {
    const d = parseDateTimeLocal('2026-12-14T09:30');
    assert.ok(d);
    assert.equal(toDateTimeLocalValue(d), '2026-12-14T09:30');
    assert.equal(parseDateTimeLocal('14.12.2026 09:30'), null);
    assert.equal(parseDateTimeLocal(''), null);
  });

  it('keeps a calendar date on its day, whatever the zone', () => {
    assert.equal(parseCalendarDate('2026-12-07')?.toISOString(), '2026-12-07T00:00:00.000Z');
    assert.equal(parseCalendarDate('07.12.2026'), null);
    const { formatDate } = createIntl({ locale: 'en', timeZone: 'Pacific/Kiritimati' });
    assert.equal(formatCalendarDate(formatDate, '2026-12-07'), 'Dec 7, 2026');
  });

  it('checks a From/To pair: both optional, each a date, the end not before the start', () => {
    assert.deepEqual(checkDateRange('', ''), { from: null, to: null, valid: true });
    assert.deepEqual(checkDateRange('2026-12-01', '2026-12-07'), {
      from: null,
      to: null,
      valid: true,
    });
    assert.deepEqual(checkDateRange('2026-12-07', '2026-12-01'), {
      from: null,
      to: 'before-start',
      valid: false,
    });
    assert.deepEqual(checkDateRange('soon', '2026-12-01'), {
      from: 'invalid',
      to: null,
      valid: false,
    });
  });
});
