import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dateInZone,
  daysLeft,
  deadlineState,
  dueDate,
  isWorkingDay,
  parseDate,
} from '../../server/src/domain/deadlines';

// Saturday and Sunday off; a few Kazakh public holidays of 2027.
const KZ = {
  weekend: [6, 0],
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-07',
    '2027-03-08',
    '2027-03-21',
    '2027-03-22',
    '2027-03-23',
  ],
};
const working = (days: number) => ({ days, count: 'working' as const });
const calendar = (days: number) => ({ days, count: 'calendar' as const });

describe('deadlines: working days', () => {
  it('skips the day of receipt, weekends and holidays', () => {
    // Thu 2027-03-04 + 3 working days: Fri 5, (Sat, Sun), (Mon 8 = 8 March), Tue 9, Wed 10.
    assert.equal(dueDate('2027-03-04', working(3), KZ), '2027-03-10');
    // Received on a Saturday: Mon, Tue, Wed.
    assert.equal(dueDate('2027-01-09', working(3), KZ), '2027-01-13');
  });

  it('crosses month and year ends and a run of holidays', () => {
    // Wed 2026-12-30 + 2: Thu 31, (Fri 1 Jan, Sat 2, Sun 3), Mon 4.
    assert.equal(dueDate('2026-12-30', working(2), KZ), '2027-01-04');
    // Nauryz: Fri 2027-03-19 + 1 → (Sat 20, Sun 21, Mon 22, Tue 23) Wed 24.
    assert.equal(dueDate('2027-03-19', working(1), KZ), '2027-03-24');
    // February in a non-leap year: Fri 2027-02-26 + 2 → Mon 1 Mar, Tue 2 Mar.
    assert.equal(dueDate('2027-02-26', working(2), KZ), '2027-03-02');
  });

  it('counts zero days as the day itself', () => {
    assert.equal(dueDate('2027-03-06', working(0), KZ), '2027-03-06');
  });
});

describe('deadlines: calendar days', () => {
  it('adds days across month ends, leap years included', () => {
    assert.equal(dueDate('2027-01-31', calendar(30), KZ), '2027-03-02');
    assert.equal(dueDate('2028-02-15', calendar(14), KZ), '2028-02-29');
  });

  it('moves a due date on a weekend or holiday to the next working day', () => {
    // 2027-02-06 + 30 = Mon 8 March (holiday) → Tue 9 March.
    assert.equal(dueDate('2027-02-06', calendar(30), KZ), '2027-03-09');
    // 2027-01-03 + 30 = Tue 2 Feb: a working day, unchanged.
    assert.equal(dueDate('2027-01-03', calendar(30), KZ), '2027-02-02');
    // Lands on Saturday 2027-01-09 → Monday 11.
    assert.equal(dueDate('2026-12-10', calendar(30), KZ), '2027-01-11');
  });
});

describe('deadlines: states and dates', () => {
  it('says overdue, due soon or on time', () => {
    assert.equal(daysLeft('2027-03-01', '2027-03-04'), 3);
    assert.equal(deadlineState('2027-03-05', '2027-03-04', 2), 'overdue');
    assert.equal(deadlineState('2027-03-04', '2027-03-04', 2), 'due-soon');
    assert.equal(deadlineState('2027-03-02', '2027-03-04', 2), 'due-soon');
    assert.equal(deadlineState('2027-03-01', '2027-03-04', 2), 'on-time');
  });

  it('takes the day in the plugin’s zone, not UTC', () => {
    // 21:30 UTC on 31 Dec is already 1 January in Almaty (UTC+5).
    const instant = new Date('2026-12-31T21:30:00Z');
    assert.equal(dateInZone(instant, 'Asia/Almaty'), '2027-01-01');
    assert.equal(dateInZone(instant, 'UTC'), '2026-12-31');
  });

  it('refuses dates that do not exist and weeks without working days', () => {
    assert.throws(() => parseDate('2027-02-29'), /not a calendar date/);
    assert.throws(() => parseDate('2027-2-1'), /not a calendar date/);
    assert.throws(() =>
      dueDate('2027-01-04', working(1), { weekend: [0, 1, 2, 3, 4, 5, 6], holidays: [] }),
    );
    assert.equal(isWorkingDay('2027-03-08', KZ), false);
    assert.equal(isWorkingDay('2027-03-09', KZ), true);
  });
});
