import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sealHealth } from '../../server/src/domain/seal-health';

const now = new Date('2030-05-01T12:00:00.000Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const base = {
  now,
  jobsEnabled: true,
  sealLagSeconds: 30,
  periodSeconds: 60,
  unsealed: 0,
  oldestUnsealedAt: null,
};

describe('sealHealth', () => {
  it('is ok with nothing to seal, or with events younger than lag + two periods + a minute', () => {
    assert.equal(sealHealth(base).status, 'ok');
    const h = sealHealth({ ...base, unsealed: 3, oldestUnsealedAt: ago(210) });
    assert.equal(h.overdueAfterSeconds, 210);
    assert.equal(h.oldestUnsealedAgeSeconds, 210);
    assert.equal(h.status, 'ok');
  });

  it('is behind once the oldest unsealed event is overdue, whether or not this instance seals', () => {
    assert.equal(sealHealth({ ...base, unsealed: 1, oldestUnsealedAt: ago(211) }).status, 'behind');
    assert.equal(
      sealHealth({ ...base, jobsEnabled: false, unsealed: 1, oldestUnsealedAt: ago(3600) }).status,
      'behind',
    );
  });

  it('is off when this instance does not seal and nothing is overdue', () => {
    const h = sealHealth({ ...base, jobsEnabled: false, unsealed: 2, oldestUnsealedAt: ago(5) });
    assert.equal(h.status, 'off');
    assert.equal(h.unsealed, 2);
    assert.equal(h.oldestUnsealedAt, ago(5).toISOString());
  });

  it('scales the allowance with the period of the seal rule', () => {
    const hourly = sealHealth({
      ...base,
      periodSeconds: 3600,
      unsealed: 1,
      oldestUnsealedAt: ago(3000),
    });
    assert.equal(hourly.overdueAfterSeconds, 30 + 7200 + 60);
    assert.equal(hourly.status, 'ok');
  });
});
