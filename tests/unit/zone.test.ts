import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derivedRows } from '../../server/src/db/append';
import { dayOf, lowerBound, startOfDay, upperBound } from '../../server/src/domain/zone';

describe('days in the plugin time zone (domain/zone.ts)', () => {
  it('starts an Almaty day at 19:00 UTC the day before', () => {
    assert.equal(startOfDay('2031-03-02', 'Asia/Almaty').toISOString(), '2031-03-01T19:00:00.000Z');
    assert.equal(lowerBound('2031-03-02', 'Asia/Almaty'), '2031-03-01T19:00:00.000Z');
    // `to` is inclusive: up to the next day's start, exclusive.
    assert.deepEqual(upperBound('2031-03-02', 'Asia/Almaty'), {
      at: '2031-03-02T19:00:00.000Z',
      inclusive: false,
    });
  });

  it('takes an instant as given', () => {
    assert.equal(
      lowerBound('2031-03-02T04:00:00+05:00', 'Asia/Almaty'),
      '2031-03-01T23:00:00.000Z',
    );
    assert.deepEqual(upperBound('2031-03-02T04:00:00Z', 'UTC'), {
      at: '2031-03-02T04:00:00.000Z',
      inclusive: true,
    });
  });

  it('follows daylight-saving changes and half-hour zones', () => {
    // Berlin: the 23-hour day in March and the 25-hour day in October.
    assert.equal(
      startOfDay('2026-03-29', 'Europe/Berlin').toISOString(),
      '2026-03-28T23:00:00.000Z',
    );
    assert.equal(
      startOfDay('2026-03-30', 'Europe/Berlin').toISOString(),
      '2026-03-29T22:00:00.000Z',
    );
    assert.equal(
      startOfDay('2026-10-26', 'Europe/Berlin').toISOString(),
      '2026-10-25T23:00:00.000Z',
    );
    assert.equal(
      startOfDay('2026-01-01', 'Asia/Kolkata').toISOString(),
      '2025-12-31T18:30:00.000Z',
    );
    assert.equal(
      startOfDay('2026-01-01', 'America/New_York').toISOString(),
      '2026-01-01T05:00:00.000Z',
    );
  });

  it('names the day of an instant, across month and year ends', () => {
    assert.equal(dayOf('2030-12-31T18:59:59.999Z', 'Asia/Almaty'), '2030-12-31');
    assert.equal(dayOf('2030-12-31T19:00:00.000Z', 'Asia/Almaty'), '2031-01-01');
    assert.equal(dayOf('2031-03-01T03:00:00.000Z', 'America/New_York'), '2031-02-28');
    assert.equal(dayOf('2031-03-01T03:00:00.000Z', 'UTC'), '2031-03-01');
  });

  it('puts an event before 05:00 in Almaty on its Almaty day in the counters', () => {
    const e = {
      subject: 's1',
      action: 'granted',
      policy_key: 'privacy',
      policy_version: 1,
      locale: 'kk',
      form_key: 'contact',
      occurred_at: '2031-03-01T20:30:00.000Z', // 01:30 on 2 March in Almaty
    };
    assert.equal(derivedRows([e], 0, 'Asia/Almaty').counters[0].day, '2031-03-02');
    assert.equal(derivedRows([e], 0).counters[0].day, '2031-03-01');
  });
});
