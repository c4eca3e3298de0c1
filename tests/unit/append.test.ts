import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derivedRows } from '../../server/src/db/append';

const ev = (over: Partial<Parameters<typeof derivedRows>[0][number]> = {}) => ({
  subject: 's1',
  action: 'granted',
  policy_key: 'privacy',
  policy_version: 1,
  locale: 'kk',
  form_key: 'contact',
  occurred_at: '2026-11-22T10:00:00.000Z',
  ...over,
});

describe('derivedRows (counters and subject state moved by an append)', () => {
  it('counts events per bucket, shard included', () => {
    const { counters } = derivedRows([ev(), ev({ subject: 's2' }), ev({ action: 'denied' })], 3);
    assert.deepEqual(
      counters.map((c) => [c.bucket, c.n]),
      [
        ['privacy|1|kk|contact|2026-11-22|denied|3', 1],
        ['privacy|1|kk|contact|2026-11-22|granted|3', 2],
      ],
    );
    assert.equal(counters[0].shard, 3);
    assert.equal(counters[0].day, '2026-11-22');
  });

  it('keeps an empty string for no locale and no form (a unique key cannot hold NULL alike everywhere)', () => {
    const { counters } = derivedRows([ev({ locale: null, form_key: null, action: 'implied' })], 0);
    assert.equal(counters[0].bucket, 'privacy|1|||2026-11-22|implied|0');
    assert.equal(counters[0].locale, '');
    assert.equal(counters[0].form_key, '');
  });

  it('keeps the highest accepted version per person and policy, from granted and implied events only', () => {
    const { states } = derivedRows(
      [
        ev({ policy_version: 2 }),
        ev({ policy_version: 3, action: 'implied' }),
        ev({ policy_version: 4, action: 'denied' }),
        ev({ policy_version: 5, action: 'withdrawn' }),
        ev({ subject: 's0', policy_key: 'cookies' }),
      ],
      0,
    );
    assert.deepEqual(states, [
      { subject: 's0', policy_key: 'cookies', accepted_version: 1 },
      { subject: 's1', policy_key: 'privacy', accepted_version: 3 },
    ]);
  });

  it('moves nothing for no events', () =>
    assert.deepEqual(derivedRows([], 0), { counters: [], states: [] }));
});
