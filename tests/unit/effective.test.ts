import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';

import {
  addDays,
  computeEffectiveAt,
  utcDate,
  editionState,
  pickCurrent,
  releaseOutlook,
  type ReleasedTimes,
  nextChange,
  type EditionTimes,
} from '../../server/src/domain/effective';
import { ControllableClock, DAY_MS } from '../../server/src/domain/clock';

const d = (iso: string): Date => new Date(iso);

interface Ed extends EditionTimes {
  id: string;
}

function released(
  id: string,
  version: number,
  releasedAt: string,
  effectiveAt: string,
  cancelledAt: string | null = null,
): Ed {
  return {
    id,
    version,
    releasedAt: d(releasedAt),
    effectiveAt: d(effectiveAt),
    cancelledAt: cancelledAt ? d(cancelledAt) : null,
  };
}

function draft(id: string): Ed {
  return { id, version: null, releasedAt: null, effectiveAt: null, cancelledAt: null };
}

describe('DAY_MS', () => {
  it('is exactly 24 hours in milliseconds', () => {
    assert.equal(DAY_MS, 86_400_000);
  });
});

describe('addDays', () => {
  it('crosses the end of January (Jan 28 + 7 → Feb 4)', () => {
    assert.equal(
      addDays(d('2026-01-28T10:00:00.000Z'), 7).toISOString(),
      '2026-02-04T10:00:00.000Z',
    );
  });

  it('crosses the end of February in a leap year (Feb 25 2028 + 7 → Mar 3)', () => {
    assert.equal(
      addDays(d('2028-02-25T00:00:00.000Z'), 7).toISOString(),
      '2028-03-03T00:00:00.000Z',
    );
  });

  it('counts Feb 29 in a leap year but not in a common year', () => {
    assert.equal(
      addDays(d('2028-02-28T12:00:00.000Z'), 1).toISOString(),
      '2028-02-29T12:00:00.000Z',
    );
    assert.equal(
      addDays(d('2027-02-28T12:00:00.000Z'), 1).toISOString(),
      '2027-03-01T12:00:00.000Z',
    );
  });

  it('crosses the end of the year (Dec 29 + 7 → Jan 5 of the next year)', () => {
    assert.equal(
      addDays(d('2026-12-29T08:15:00.000Z'), 7).toISOString(),
      '2027-01-05T08:15:00.000Z',
    );
  });

  it('adds exactly 7 × 24 h across a European DST switch (UTC time of day kept)', () => {
    const start = d('2026-03-25T23:30:00.000Z');
    const result = addDays(start, 7);
    assert.equal(result.toISOString(), '2026-04-01T23:30:00.000Z');
    assert.equal(result.getTime() - start.getTime(), 7 * 24 * 60 * 60 * 1000);
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Europe/Berlin', 'America/New_York', 'Asia/Almaty', 'UTC']) {
        process.env.TZ = tz;
        assert.equal(
          addDays(d('2026-03-25T23:30:00.000Z'), 7).toISOString(),
          '2026-04-01T23:30:00.000Z',
          tz,
        );
        assert.equal(
          addDays(d('2026-10-20T01:30:00.000Z'), 7).toISOString(),
          '2026-10-27T01:30:00.000Z',
          tz,
        );
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('keeps milliseconds', () => {
    assert.equal(
      addDays(d('2026-05-01T12:34:56.789Z'), 3).toISOString(),
      '2026-05-04T12:34:56.789Z',
    );
  });

  it('returns an equal instant for 0 days, as a new Date (input not mutated)', () => {
    const start = d('2026-01-01T00:00:00.000Z');
    const result = addDays(start, 0);
    assert.equal(result.getTime(), start.getTime());
    assert.notEqual(result, start);
    addDays(start, 10);
    assert.equal(start.toISOString(), '2026-01-01T00:00:00.000Z');
  });

  it('rejects negative day counts', () => {
    assert.throws(() => addDays(d('2026-01-01T00:00:00Z'), -1), RangeError);
    assert.throws(() => addDays(d('2026-01-01T00:00:00Z'), -7), RangeError);
  });

  it('rejects non-integer day counts', () => {
    for (const bad of [0.5, 1.5, 7.000001, NaN, Infinity, -Infinity]) {
      assert.throws(() => addDays(d('2026-01-01T00:00:00Z'), bad), RangeError, String(bad));
    }
  });
});

describe('computeEffectiveAt', () => {
  const releasedAt = d('2026-01-28T09:00:00.000Z');

  it('defaults to releasedAt + delayDays', () => {
    const r = computeEffectiveAt({ releasedAt, delayDays: 7 });
    assert.deepEqual(r, { ok: true, effectiveAt: d('2026-02-04T09:00:00.000Z') });
  });

  it('treats a null requested instant like no request', () => {
    const r = computeEffectiveAt({
      releasedAt,
      delayDays: 7,
      requested: null,
      previousEffectiveAt: null,
    });
    assert.deepEqual(r, { ok: true, effectiveAt: d('2026-02-04T09:00:00.000Z') });
  });

  it('with delay 0 takes effect immediately at the release instant', () => {
    const r = computeEffectiveAt({ releasedAt, delayDays: 0 });
    assert.equal(r.ok, true);
    assert.equal(r.ok && r.effectiveAt.getTime(), releasedAt.getTime());
  });

  it('keeps a requested instant later than the minimum', () => {
    const requested = d('2026-03-01T00:00:00.000Z');
    const r = computeEffectiveAt({ releasedAt, delayDays: 7, requested });
    assert.deepEqual(r, { ok: true, effectiveAt: requested });
  });

  it('accepts a requested instant exactly at the minimum', () => {
    const r = computeEffectiveAt({
      releasedAt,
      delayDays: 7,
      requested: d('2026-02-04T09:00:00.000Z'),
    });
    assert.deepEqual(r, { ok: true, effectiveAt: d('2026-02-04T09:00:00.000Z') });
  });

  it("refuses a requested instant earlier than the minimum with 'before-minimum' and the minimum", () => {
    const r = computeEffectiveAt({
      releasedAt,
      delayDays: 7,
      requested: d('2026-02-04T08:59:59.999Z'),
    });
    assert.deepEqual(r, {
      ok: false,
      reason: 'before-minimum',
      minimum: d('2026-02-04T09:00:00.000Z'),
    });
  });

  it("refuses a requested instant before the release itself with 'before-minimum'", () => {
    const r = computeEffectiveAt({
      releasedAt,
      delayDays: 0,
      requested: d('2026-01-01T00:00:00.000Z'),
    });
    assert.deepEqual(r, { ok: false, reason: 'before-minimum', minimum: releasedAt });
  });

  it("refuses an instant before the previous edition's effectiveAt with 'before-previous'", () => {
    const previousEffectiveAt = d('2026-03-15T00:00:00.000Z');
    const r = computeEffectiveAt({
      releasedAt,
      delayDays: 7,
      requested: d('2026-03-01T00:00:00.000Z'),
      previousEffectiveAt,
    });
    assert.deepEqual(r, { ok: false, reason: 'before-previous', minimum: previousEffectiveAt });
  });

  it("refuses the default instant too when it falls before the previous edition's effectiveAt", () => {
    const previousEffectiveAt = d('2026-06-01T00:00:00.000Z');
    const r = computeEffectiveAt({ releasedAt, delayDays: 7, previousEffectiveAt });
    assert.deepEqual(r, { ok: false, reason: 'before-previous', minimum: previousEffectiveAt });
  });

  it("accepts an instant equal to or after the previous edition's effectiveAt", () => {
    const previousEffectiveAt = d('2026-03-15T00:00:00.000Z');
    assert.deepEqual(
      computeEffectiveAt({
        releasedAt,
        delayDays: 7,
        requested: previousEffectiveAt,
        previousEffectiveAt,
      }),
      { ok: true, effectiveAt: previousEffectiveAt },
    );
    assert.deepEqual(
      computeEffectiveAt({
        releasedAt,
        delayDays: 7,
        previousEffectiveAt: d('2026-01-01T00:00:00.000Z'),
      }),
      { ok: true, effectiveAt: d('2026-02-04T09:00:00.000Z') },
    );
  });

  it("reports 'before-minimum' first when both constraints are violated", () => {
    const r = computeEffectiveAt({
      releasedAt,
      delayDays: 7,
      requested: d('2026-01-30T00:00:00.000Z'),
      previousEffectiveAt: d('2026-05-01T00:00:00.000Z'),
    });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'before-minimum');
    assert.equal(!r.ok && r.minimum.toISOString(), '2026-02-04T09:00:00.000Z');
  });

  it('rejects an invalid delay', () => {
    assert.throws(() => computeEffectiveAt({ releasedAt, delayDays: -1 }), RangeError);
    assert.throws(() => computeEffectiveAt({ releasedAt, delayDays: 2.5 }), RangeError);
  });
});

describe('utcDate', () => {
  it('returns the UTC calendar date as YYYY-MM-DD', () => {
    assert.equal(utcDate(d('2026-02-04T09:00:00.000Z')), '2026-02-04');
  });

  it('uses the UTC date, not the local one, near midnight', () => {
    // 02:00 in Almaty (UTC+5) on Jan 1 is still Dec 31 in UTC.
    assert.equal(utcDate(d('2026-01-01T02:00:00+05:00')), '2025-12-31');
    // 23:30 in New York (UTC-5) on Mar 31 is already Apr 1 in UTC.
    assert.equal(utcDate(d('2026-03-31T23:30:00-05:00')), '2026-04-01');
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of [
        'Asia/Almaty',
        'America/New_York',
        'Pacific/Kiritimati',
        'Pacific/Pago_Pago',
      ]) {
        process.env.TZ = tz;
        assert.equal(utcDate(d('2026-01-01T02:00:00+05:00')), '2025-12-31', tz);
        assert.equal(utcDate(d('2026-03-31T23:30:00-05:00')), '2026-04-01', tz);
        assert.equal(utcDate(d('2026-07-15T00:00:00.000Z')), '2026-07-15', tz);
        assert.equal(utcDate(d('2026-07-15T23:59:59.999Z')), '2026-07-15', tz);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('handles the first and last millisecond of a day', () => {
    assert.equal(utcDate(d('2028-02-29T00:00:00.000Z')), '2028-02-29');
    assert.equal(utcDate(d('2028-02-29T23:59:59.999Z')), '2028-02-29');
  });
});

describe('editionState', () => {
  const now = d('2026-06-01T12:00:00.000Z');

  it('is draft without a release', () => {
    assert.equal(editionState(draft('d'), now, null), 'draft');
    assert.equal(editionState(draft('d'), now, 3), 'draft');
  });

  it('is draft when any of version/releasedAt/effectiveAt is missing', () => {
    const full = released('x', 2, '2026-05-01T00:00:00Z', '2026-05-08T00:00:00Z');
    assert.equal(editionState({ ...full, version: null }, now, null), 'draft');
    assert.equal(editionState({ ...full, releasedAt: null }, now, null), 'draft');
    assert.equal(editionState({ ...full, effectiveAt: null }, now, null), 'draft');
  });

  it('is scheduled when released but effectiveAt is after now', () => {
    const e = released('s', 3, '2026-05-30T00:00:00Z', '2026-06-06T00:00:00Z');
    assert.equal(editionState(e, now, 2), 'scheduled');
    assert.equal(editionState(e, now, null), 'scheduled');
  });

  it('is in force when it is the current version', () => {
    const e = released('f', 2, '2026-05-01T00:00:00Z', '2026-05-08T00:00:00Z');
    assert.equal(editionState(e, now, 2), 'in-force');
  });

  it('is in force exactly at its effectiveAt (boundary)', () => {
    const e = released('f', 2, '2026-05-25T12:00:00Z', '2026-06-01T12:00:00.000Z');
    assert.equal(editionState(e, now, 2), 'in-force');
    assert.equal(editionState(e, new Date(now.getTime() - 1), 1), 'scheduled');
  });

  it('is superseded when a higher version is current', () => {
    const e = released('old', 1, '2026-01-01T00:00:00Z', '2026-01-08T00:00:00Z');
    assert.equal(editionState(e, now, 2), 'superseded');
  });

  it('is cancelled whenever cancelledAt is set, whatever the other dates', () => {
    const scheduled = released(
      'c',
      3,
      '2026-05-30T00:00:00Z',
      '2026-06-06T00:00:00Z',
      '2026-05-31T00:00:00Z',
    );
    assert.equal(editionState(scheduled, now, 2), 'cancelled');
    const past = released(
      'c2',
      1,
      '2026-01-01T00:00:00Z',
      '2026-01-08T00:00:00Z',
      '2026-01-02T00:00:00Z',
    );
    assert.equal(editionState(past, now, 2), 'cancelled');
    assert.equal(
      editionState({ ...draft('c3'), cancelledAt: d('2026-01-01T00:00:00Z') }, now, null),
      'cancelled',
    );
  });
});

describe('pickCurrent', () => {
  const v1 = released('v1', 1, '2026-01-01T00:00:00Z', '2026-01-08T00:00:00Z');
  const v2 = released('v2', 2, '2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z');
  const v3 = released('v3', 3, '2026-05-01T00:00:00Z', '2026-05-08T00:00:00Z');
  const v4 = released('v4', 4, '2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z');

  it('returns nothing for no editions', () => {
    assert.deepEqual(pickCurrent([], d('2026-01-01T00:00:00Z')), { current: null, upcoming: null });
  });

  it('picks the highest version whose effectiveAt is ≤ now', () => {
    const { current, upcoming } = pickCurrent([v1, v2, v3, v4], d('2026-05-20T00:00:00Z'));
    assert.equal(current?.id, 'v3');
    assert.equal(upcoming?.id, 'v4');
  });

  it('does not depend on the order of the input', () => {
    const { current, upcoming } = pickCurrent([v4, v2, v3, v1], d('2026-05-20T00:00:00Z'));
    assert.equal(current?.id, 'v3');
    assert.equal(upcoming?.id, 'v4');
  });

  it('returns the same object it was given (generic type kept)', () => {
    const { current } = pickCurrent([v1], d('2026-02-01T00:00:00Z'));
    assert.equal(current, v1);
  });

  it('counts an edition as in force exactly at its effectiveAt', () => {
    const atBoundary = pickCurrent([v1, v2], d('2026-03-08T00:00:00.000Z'));
    assert.equal(atBoundary.current?.id, 'v2');
    assert.equal(atBoundary.upcoming, null);
    const justBefore = pickCurrent([v1, v2], d('2026-03-07T23:59:59.999Z'));
    assert.equal(justBefore.current?.id, 'v1');
    assert.equal(justBefore.upcoming?.id, 'v2');
  });

  it('has no current before the first edition takes effect, only an upcoming one', () => {
    const { current, upcoming } = pickCurrent([v1, v2], d('2026-01-02T00:00:00Z'));
    assert.equal(current, null);
    assert.equal(upcoming?.id, 'v1');
  });

  it('ignores cancelled editions (a cancelled higher version does not take over)', () => {
    const v3c = released(
      'v3c',
      3,
      '2026-05-01T00:00:00Z',
      '2026-05-08T00:00:00Z',
      '2026-05-02T00:00:00Z',
    );
    const { current, upcoming } = pickCurrent([v1, v2, v3c], d('2026-05-20T00:00:00Z'));
    assert.equal(current?.id, 'v2');
    assert.equal(upcoming, null);
  });

  it('ignores a cancelled scheduled edition as upcoming', () => {
    const v3c = released(
      'v3c',
      3,
      '2026-05-01T00:00:00Z',
      '2026-05-08T00:00:00Z',
      '2026-05-02T00:00:00Z',
    );
    const { current, upcoming } = pickCurrent([v1, v2, v3c, v4], d('2026-05-03T00:00:00Z'));
    assert.equal(current?.id, 'v2');
    assert.equal(upcoming?.id, 'v4');
  });

  it('ignores drafts and partially filled editions', () => {
    const half: Ed = {
      id: 'half',
      version: 9,
      releasedAt: null,
      effectiveAt: d('2026-01-01T00:00:00Z'),
      cancelledAt: null,
    };
    const noVersion: Ed = {
      id: 'nov',
      version: null,
      releasedAt: d('2026-01-01T00:00:00Z'),
      effectiveAt: d('2026-01-01T00:00:00Z'),
      cancelledAt: null,
    };
    const { current, upcoming } = pickCurrent(
      [draft('d1'), half, noVersion, v1],
      d('2026-02-01T00:00:00Z'),
    );
    assert.equal(current?.id, 'v1');
    assert.equal(upcoming, null);
    assert.deepEqual(pickCurrent([draft('d1'), half, noVersion], d('2026-02-01T00:00:00Z')), {
      current: null,
      upcoming: null,
    });
  });

  it('picks the lowest later version not yet in effect as upcoming', () => {
    const { current, upcoming } = pickCurrent([v4, v3, v2, v1], d('2026-03-10T00:00:00Z'));
    assert.equal(current?.id, 'v2');
    assert.equal(upcoming?.id, 'v3');
  });

  it('has no upcoming edition when the latest one is in force', () => {
    const { current, upcoming } = pickCurrent([v1, v2, v3, v4], d('2027-01-01T00:00:00Z'));
    assert.equal(current?.id, 'v4');
    assert.equal(upcoming, null);
  });
});

describe('nextChange', () => {
  const v1 = released('v1', 1, '2026-01-01T00:00:00Z', '2026-01-08T00:00:00Z');
  const v2 = released('v2', 2, '2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z');
  const v3 = released('v3', 3, '2026-05-01T00:00:00Z', '2026-05-08T00:00:00Z');

  it('is the earliest effectiveAt strictly after now', () => {
    assert.equal(
      nextChange([v3, v1, v2], d('2026-01-10T00:00:00Z'))?.toISOString(),
      '2026-03-08T00:00:00.000Z',
    );
    assert.equal(
      nextChange([v1, v2, v3], d('2025-12-01T00:00:00Z'))?.toISOString(),
      '2026-01-08T00:00:00.000Z',
    );
  });

  it('is null when nothing changes any more', () => {
    assert.equal(nextChange([v1, v2, v3], d('2026-06-01T00:00:00Z')), null);
    assert.equal(nextChange([], d('2026-06-01T00:00:00Z')), null);
  });

  it('does not return an effectiveAt equal to now (already in force)', () => {
    assert.equal(
      nextChange([v1, v2, v3], d('2026-03-08T00:00:00.000Z'))?.toISOString(),
      '2026-05-08T00:00:00.000Z',
    );
  });

  it('ignores cancelled editions and drafts', () => {
    const v2c = released(
      'v2c',
      2,
      '2026-03-01T00:00:00Z',
      '2026-03-08T00:00:00Z',
      '2026-03-02T00:00:00Z',
    );
    const unreleased: Ed = {
      id: 'u',
      version: null,
      releasedAt: null,
      effectiveAt: d('2026-02-01T00:00:00Z'),
      cancelledAt: null,
    };
    assert.equal(
      nextChange([v1, unreleased, v2c, v3], d('2026-01-10T00:00:00Z'))?.toISOString(),
      '2026-05-08T00:00:00.000Z',
    );
    assert.equal(nextChange([unreleased, draft('d')], d('2026-01-10T00:00:00Z')), null);
  });
});

describe('ControllableClock', () => {
  const clock = new ControllableClock();
  afterEach(() => clock.reset());

  it('follows the system clock by default', () => {
    const before = Date.now();
    const t = clock.now().getTime();
    const after = Date.now();
    assert.ok(t >= before && t <= after, `${t} not within [${before}, ${after}]`);
  });

  it('set() freezes it at the given instant (Date or string)', async () => {
    clock.set('2026-02-04T09:00:00.000Z');
    assert.equal(clock.now().toISOString(), '2026-02-04T09:00:00.000Z');
    await new Promise((r) => setTimeout(r, 15));
    assert.equal(clock.now().toISOString(), '2026-02-04T09:00:00.000Z');
    clock.set(d('2030-01-01T00:00:00.000Z'));
    assert.equal(clock.now().toISOString(), '2030-01-01T00:00:00.000Z');
  });

  it('returns a fresh Date each time (callers cannot move it by mutation)', () => {
    clock.set('2026-02-04T09:00:00.000Z');
    const a = clock.now();
    a.setTime(0);
    assert.equal(clock.now().toISOString(), '2026-02-04T09:00:00.000Z');
  });

  it('advance() moves a frozen clock forward and backward', () => {
    clock.set('2026-01-28T10:00:00.000Z');
    clock.advance(7 * DAY_MS);
    assert.equal(clock.now().toISOString(), '2026-02-04T10:00:00.000Z');
    clock.advance(-DAY_MS);
    assert.equal(clock.now().toISOString(), '2026-02-03T10:00:00.000Z');
  });

  it('advance() offsets a running clock from the system time', () => {
    clock.advance(10 * DAY_MS);
    const expected = Date.now() + 10 * DAY_MS;
    const diff = Math.abs(clock.now().getTime() - expected);
    assert.ok(diff < 1000, `offset off by ${diff} ms`);
  });

  it('reset() returns to the system clock, dropping freeze and offset', () => {
    clock.advance(5 * DAY_MS);
    clock.set('2000-01-01T00:00:00.000Z');
    clock.advance(DAY_MS);
    clock.reset();
    const diff = Math.abs(clock.now().getTime() - Date.now());
    assert.ok(diff < 1000, `clock still off by ${diff} ms after reset`);
  });

  it('now is usable as a detached function (e.g. passed as a callback)', () => {
    clock.set('2026-02-04T09:00:00.000Z');
    const now = clock.now;
    assert.equal(now().toISOString(), '2026-02-04T09:00:00.000Z');
  });
});

describe('releaseOutlook', () => {
  const now = new Date('2027-05-01T12:00:00.000Z');
  const at = (iso: string) => new Date(iso);
  it('names the scheduled edition a release now would cut short, and when this one takes effect', () => {
    const out = releaseOutlook(
      [
        { version: 1, effectiveAt: at('2027-04-01T00:00:00.000Z'), cancelledAt: null },
        { version: 2, effectiveAt: at('2027-05-06T12:00:00.000Z'), cancelledAt: null },
      ],
      now,
      7,
    );
    assert.deepEqual(out, {
      releaseEffectiveAt: '2027-05-08T12:00:00.000Z',
      scheduledOver: { version: 2, effectiveAt: '2027-05-06T12:00:00.000Z' },
      identicalTo: null,
    });
  });

  it('waits for a later scheduled edition, and ignores cancelled ones', () => {
    const out = releaseOutlook(
      [
        { version: 2, effectiveAt: at('2027-06-01T00:00:00.000Z'), cancelledAt: null },
        { version: 3, effectiveAt: at('2027-07-01T00:00:00.000Z'), cancelledAt: now },
      ],
      now,
      0,
    );
    assert.equal(out.releaseEffectiveAt, '2027-06-01T00:00:00.000Z');
    assert.equal(out.scheduledOver?.version, 2);
    assert.deepEqual(releaseOutlook([], now, 7), {
      releaseEffectiveAt: '2027-05-08T12:00:00.000Z',
      scheduledOver: null,
      identicalTo: null,
    });
  });

  it('names the edition in force whose text the draft repeats in every locale', () => {
    const texts = { kk: { contentHash: 'a' }, ru: { contentHash: 'b' } };
    const released: ReleasedTimes[] = [
      { version: 1, effectiveAt: at('2027-03-01T00:00:00.000Z'), cancelledAt: null, texts },
      {
        version: 2,
        effectiveAt: at('2027-04-01T00:00:00.000Z'),
        cancelledAt: null,
        texts: { kk: { contentHash: 'c' }, ru: { contentHash: 'd' } },
      },
    ];
    const outlook = (draft: Record<string, string>, list = released) =>
      releaseOutlook(list, now, 7, draft).identicalTo;
    assert.deepEqual(outlook({ kk: 'c', ru: 'd' }), { version: 2 });
    // The same text as an edition no longer in force, one locale changed, one missing, one more.
    assert.equal(outlook({ kk: 'a', ru: 'b' }), null);
    assert.equal(outlook({ kk: 'c', ru: 'x' }), null);
    assert.equal(outlook({ kk: 'c' }), null);
    assert.equal(outlook({ kk: 'c', ru: 'd', en: 'e' }), null);
    assert.equal(outlook({}), null);
    // Scheduled, not yet in force: v1 is in force; a cancelled edition is never in force.
    const scheduled = [
      released[0],
      { ...released[1], effectiveAt: at('2027-06-01T00:00:00.000Z') },
    ];
    assert.equal(outlook({ kk: 'c', ru: 'd' }, scheduled), null);
    assert.deepEqual(outlook({ kk: 'a', ru: 'b' }, scheduled), { version: 1 });
    const cancelled = [released[0], { ...released[1], cancelledAt: now }];
    assert.deepEqual(outlook({ kk: 'a', ru: 'b' }, cancelled), { version: 1 });
    assert.equal(outlook({ kk: 'c', ru: 'd' }, cancelled), null);
  });
});
