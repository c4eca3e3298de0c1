import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  expiredCount,
  foldPeople,
  personKey,
  type PeopleEvent,
} from '../../server/src/domain/people-counts';
import { foldStanding, type Standing } from '../../server/src/domain/standing';

const ev = (over: Partial<PeopleEvent>): PeopleEvent => ({
  subject: 'a',
  policy: 'privacy',
  action: 'granted',
  version: 1,
  locale: 'kk',
  purposes: { processing: true, marketing: true },
  ...over,
});
const asObject = (m: Map<string, number>) => Object.fromEntries([...m.entries()].sort());

describe('people counts (domain/people-counts.ts)', () => {
  it('counts a person once however many times they accept', () => {
    const { deltas } = foldPeople(new Map(), [ev({}), ev({}), ev({ version: 2 })]);
    assert.deepEqual(asObject(deltas), {
      'privacy|edition|2': 1,
      'privacy|person|': 1,
      'privacy|purpose|marketing': 1,
      'privacy|purpose|processing': 1,
    });
  });

  it('moves a known person between editions and purposes', () => {
    const before: Standing = foldStanding([ev({})]);
    const known = new Map([[personKey('a', 'privacy'), before]]);
    const { deltas, standings } = foldPeople(known, [
      ev({ action: 'implied', version: 2, purposes: {} }),
      ev({ action: 'withdrawn', version: 2, purposes: { marketing: false } }),
    ]);
    assert.deepEqual(asObject(deltas), {
      'privacy|edition|1': -1,
      'privacy|edition|2': 1,
      'privacy|purpose|marketing': -1,
    });
    assert.deepEqual(standings.get(personKey('a', 'privacy'))?.purposes, {
      processing: true,
      marketing: false,
    });
  });

  it('counts a standing denial, and stops counting it after a later acceptance', () => {
    const first = foldPeople(new Map(), [
      ev({ subject: 'b', action: 'denied', version: 2, purposes: { marketing: false } }),
    ]);
    assert.deepEqual(asObject(first.deltas), {
      'privacy|declining|': 1,
      'privacy|person|': 1,
    });
    const again = foldPeople(first.standings, [ev({ subject: 'b', version: 2 })]);
    assert.deepEqual(asObject(again.deltas), {
      'privacy|declining|': -1,
      'privacy|edition|2': 1,
      'privacy|purpose|marketing': 1,
      'privacy|purpose|processing': 1,
    });
  });

  it('keeps people of different policies apart, and folding in two steps equals one', () => {
    const events = [
      ev({}),
      ev({ policy: 'cookies', purposes: { analytics: true } }),
      ev({ subject: 'c', version: 2 }),
      ev({ action: 'withdrawn', purposes: { processing: false } }),
      ev({ subject: 'c', action: 'denied', version: 3, purposes: {} }),
    ];
    const once = foldPeople(new Map(), events);
    const first = foldPeople(new Map(), events.slice(0, 2));
    const second = foldPeople(first.standings, events.slice(2));
    const sum = new Map(first.deltas);
    for (const [k, n] of second.deltas) sum.set(k, (sum.get(k) ?? 0) + n);
    for (const [k, n] of sum) if (n === 0) sum.delete(k);
    assert.deepEqual(asObject(sum), asObject(once.deltas));
    assert.equal(once.deltas.get('cookies|purpose|analytics'), 1);
    assert.equal(once.deltas.get('privacy|person|'), 2);
  });
});

describe('people whose grant has expired (domain/people-counts.ts granted rows)', () => {
  it('counts the day of each standing grant in the zone, and moves it with a new grant or a withdrawal', () => {
    const at = (iso: string, over: Partial<PeopleEvent>) => ev({ ...over, occurredAt: iso });
    // 23:30 on 10 January in Almaty is still 10 January there, 18:30 UTC.
    const first = foldPeople(
      new Map(),
      [at('2027-01-10T18:30:00.000Z', { purposes: { marketing: true, processing: true } })],
      'Asia/Almaty',
    );
    assert.equal(first.deltas.get('privacy|granted|marketing@2027-01-10'), 1);
    assert.equal(first.deltas.get('privacy|granted|processing@2027-01-10'), 1);
    const later = foldPeople(
      first.standings,
      [
        at('2027-03-01T05:00:00.000Z', {
          action: 'implied',
          version: 2,
          purposes: { marketing: true },
        }),
        at('2027-03-02T05:00:00.000Z', { purposes: { marketing: true } }),
        at('2027-03-03T05:00:00.000Z', { action: 'withdrawn', purposes: { processing: false } }),
      ],
      'Asia/Almaty',
    );
    assert.equal(later.deltas.get('privacy|granted|marketing@2027-01-10'), -1);
    assert.equal(
      later.deltas.get('privacy|granted|marketing@2027-03-02'),
      1,
      'the new grant, not the implied one',
    );
    assert.equal(later.deltas.get('privacy|granted|processing@2027-01-10'), -1);
  });

  it('sums the rows whose grant has expired on a day', () => {
    const rows = [
      { key: 'marketing@2026-01-01', n: 3 },
      { key: 'marketing@2026-01-02', n: 5 },
      { key: 'news@2026-01-01', n: 7 },
    ];
    assert.equal(expiredCount(rows, 'marketing', 365, '2027-01-01'), 3);
    assert.equal(expiredCount(rows, 'marketing', 365, '2027-01-02'), 8);
    assert.equal(expiredCount(rows, 'marketing', 365, '2026-12-31'), 0);
    assert.equal(expiredCount(rows, 'news', 1, '2026-01-02'), 7);
  });
});
