/**
 * The admin panel's pure logic: durations, countdowns, date-time inputs in the
 * plugin's time zone, the release's earliest instant, From/To checks and
 * instants in audit details (admin/src/utils/), with react-intl's own
 * formatter and the plugin's kk, ru and en messages.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createIntl } from 'react-intl';

import { detailsText } from '../../admin/src/pages/tabs/audit/auditLabels';
import { countdownText, nextScheduledAt, scheduledAt } from '../../admin/src/utils/countdown';
import { checkEffectiveInput, earliestEffectiveAt } from '../../admin/src/utils/effectiveInput';
import {
  checkDateRange,
  formatAge,
  formatCalendarDate,
  isIsoInstant,
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
  it("reads a datetime-local value as wall-clock time in the given zone, not the browser's", () => {
    const browserZone = process.env.TZ;
    process.env.TZ = 'America/New_York'; // what the browser's zone would be: it must not matter
    try {
      const d = parseDateTimeLocal('2026-12-14T10:16', 'Asia/Almaty');
      assert.equal(d?.toISOString(), '2026-12-14T05:16:00.000Z');
      assert.equal(toDateTimeLocalValue(d as Date, 'Asia/Almaty'), '2026-12-14T10:16');
      // Almaty has no daylight saving: +5 h in summer too.
      assert.equal(
        parseDateTimeLocal('2026-07-01T00:00', 'Asia/Almaty')?.toISOString(),
        '2026-06-30T19:00:00.000Z',
      );
      assert.equal(
        parseDateTimeLocal('2026-12-14T10:16:30', 'UTC')?.toISOString(),
        '2026-12-14T10:16:30.000Z',
      );
    } finally {
      if (browserZone === undefined) delete process.env.TZ;
      else process.env.TZ = browserZone;
    }
  });

  it('follows daylight saving in a zone that has it (Europe/Berlin)', () => {
    const berlin = (value: string) => parseDateTimeLocal(value, 'Europe/Berlin')?.toISOString();
    assert.equal(berlin('2026-01-15T09:00'), '2026-01-15T08:00:00.000Z'); // CET, +1 h
    assert.equal(berlin('2026-07-15T09:00'), '2026-07-15T07:00:00.000Z'); // CEST, +2 h
    // 29 March 2026: 02:00 → 03:00. 02:30 does not exist: it is read as 03:30 CEST.
    assert.equal(berlin('2026-03-29T01:59'), '2026-03-29T00:59:00.000Z');
    assert.equal(berlin('2026-03-29T02:30'), '2026-03-29T01:30:00.000Z');
    assert.equal(berlin('2026-03-29T03:00'), '2026-03-29T01:00:00.000Z');
    // 25 October 2026: 03:00 → 02:00. 02:30 happens twice: the first one (CEST) is meant.
    assert.equal(berlin('2026-10-25T02:30'), '2026-10-25T00:30:00.000Z');
    assert.equal(berlin('2026-10-25T03:30'), '2026-10-25T02:30:00.000Z');
    // Back to the input: each instant as Berlin's wall clock showed it.
    assert.equal(
      toDateTimeLocalValue(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin'),
      '2026-10-25T02:30',
    );
    assert.equal(
      toDateTimeLocalValue(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin'),
      '2026-10-25T02:30',
    );
    assert.equal(
      toDateTimeLocalValue(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin'),
      '2026-03-29T03:30',
    );
  });

  it('refuses what is not a date and time', () => {
    for (const value of [
      '',
      '14.12.2026 09:30',
      '2026-02-30T10:00',
      '2026-12-14T24:00',
      '2026-12-14',
    ]) {
      assert.equal(parseDateTimeLocal(value, 'Asia/Almaty'), null, value);
    }
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

describe('admin: the release date checked against the earliest allowed instant', () => {
  const status = { releaseEffectiveAt: '2026-12-14T05:15:10.803Z' };

  it('moves the earliest on with the time since the status was read', () => {
    const at = Date.parse(status.releaseEffectiveAt);
    assert.equal(earliestEffectiveAt(status, 0), at);
    assert.equal(earliestEffectiveAt(status, 90_000), at + 90_000);
    assert.equal(earliestEffectiveAt(status, -5), at, 'a clock going back changes nothing');
    assert.equal(earliestEffectiveAt({ releaseEffectiveAt: null }, 0), null);
  });

  it('refuses a time before it in the plugin zone, and names the first minute allowed', () => {
    const earliest = earliestEffectiveAt(status, 0);
    // 05:15:10.803Z is 10:15:10 in Almaty: the first whole minute is 10:16.
    const first = checkEffectiveInput('', 'Asia/Almaty', earliest).firstAllowed as number;
    assert.equal(new Date(first).toISOString(), '2026-12-14T05:16:00.000Z');
    assert.deepEqual(checkEffectiveInput('', 'Asia/Almaty', earliest), {
      at: null,
      error: null,
      firstAllowed: first,
    });
    assert.equal(
      checkEffectiveInput('2026-12-14T10:15', 'Asia/Almaty', earliest).error,
      'too-early',
    );
    const ok = checkEffectiveInput('2026-12-14T10:16', 'Asia/Almaty', earliest);
    assert.deepEqual([ok.at?.toISOString(), ok.error], ['2026-12-14T05:16:00.000Z', null]);
    // The same wall-clock time in Berlin is 09:16Z: allowed there, for the same reason.
    assert.equal(checkEffectiveInput('2026-12-14T10:15', 'Europe/Berlin', earliest).error, null);
    assert.equal(
      checkEffectiveInput('2026-12-14T06:15', 'Europe/Berlin', earliest).error,
      'too-early',
    );
    assert.equal(checkEffectiveInput('tomorrow', 'Asia/Almaty', earliest).error, 'invalid');
    assert.equal(checkEffectiveInput('2020-01-01T00:00', 'Asia/Almaty', null).error, null);
  });
});

describe('admin: instants inside audit details', () => {
  it('recognises the ISO instants the server records, and nothing else', () => {
    assert.ok(isIsoInstant('2026-12-14T05:15:10.803Z'));
    assert.ok(isIsoInstant('2026-12-14T10:15:10+05:00'));
    for (const v of ['2026-12-14', '10:15', 'v2', 3, null, '2026-13-40T99:99:00Z']) {
      assert.equal(isIsoInstant(v), false, String(v));
    }
  });

  it('shows every instant in the plugin zone, named, also inside a nested value', () => {
    const { formatDate } = createIntl({ locale: 'en', timeZone: 'Asia/Almaty' });
    const details = {
      documentId: 'abc',
      effectiveAt: '2026-12-14T05:15:10.803Z',
      editionDate: '2026-12-14',
      filters: { policy: 'privacy', from: '2031-03-01T19:00:00.000Z' },
      reason: null,
    };
    assert.equal(
      detailsText(details, formatDate).replace(/\u202f/g, ' '),
      'documentId: abc, effectiveAt: 12/14/2026, 10:15:10 AM GMT+5, editionDate: 2026-12-14, ' +
        'filters: {policy: privacy, from: 03/02/2031, 12:00:00 AM GMT+5}',
    );
    // Without a formatter (the tooltip): as recorded.
    assert.match(detailsText(details), /effectiveAt: 2026-12-14T05:15:10\.803Z/);
  });
});
