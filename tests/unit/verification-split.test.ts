import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckpointRecord } from '../../shared/contracts';
import { splitVerification } from '../../server/src/verification/split';

/** Checkpoints of `counts` events each, every third one also sealing two audit entries. */
function checkpoints(counts: number[]): CheckpointRecord[] {
  let seq = 0;
  let audit = 0;
  return counts.map((count, i) => {
    const sealsAudit = i % 3 === 0;
    const row: CheckpointRecord = {
      id: i + 1,
      seq_from: seq + 1,
      seq_to: seq + count,
      event_count: count,
      root: 'r',
      prev_hash: i ? `h${i}` : null,
      hash: `h${i + 1}`,
      sealed_at: '2031-01-01T00:00:00.000Z',
      audit_from: audit + 1,
      audit_to: sealsAudit ? audit + 2 : null,
      audit_count: sealsAudit ? 2 : 0,
      audit_root: sealsAudit ? 'a' : null,
    };
    seq += count;
    if (sealsAudit) audit += 2;
    return row;
  });
}

describe('splitting a verification into shares', () => {
  it('keeps one share, reading everything, when asked for one or given one checkpoint', () => {
    const cps = checkpoints([10, 10, 10]);
    assert.deepEqual(splitVerification(cps, null, 1), [
      { checkpoints: cps, point: null, eventsTo: null, auditTo: null },
    ]);
    assert.equal(splitVerification(cps.slice(0, 1), null, 4).length, 1);
    assert.equal(splitVerification([], null, 4).length, 1);
  });

  it('covers every checkpoint once, in order, each share starting where the one before ended', () => {
    const cps = checkpoints([10, 10, 10, 10, 10, 10, 10, 3]);
    const shares = splitVerification(cps, null, 3);
    assert.equal(shares.length, 3);
    assert.deepEqual(
      shares.flatMap((s) => s.checkpoints.map((c) => c.id)),
      cps.map((c) => c.id),
    );
    assert.equal(shares[0].point, null);
    for (let i = 1; i < shares.length; i++) {
      const before = shares[i - 1].checkpoints.at(-1)!;
      assert.deepEqual(shares[i].point, {
        checkpointId: before.id,
        checkpointHash: before.hash,
        seqTo: before.seq_to,
        auditTo: shares[i - 1].auditTo,
      });
      assert.equal(shares[i - 1].eventsTo, before.seq_to);
    }
    assert.equal(shares.at(-1)!.eventsTo, null, 'the last share reads what is not sealed yet');
    assert.equal(shares.at(-1)!.auditTo, null);
  });

  it('splits by events, not by checkpoints, and carries the audit end across shares without audit', () => {
    const cps = checkpoints([90, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const shares = splitVerification(cps, null, 2);
    assert.deepEqual(
      shares.map((s) => s.checkpoints.length),
      [1, 10],
    );
    assert.equal(shares[0].auditTo, 2, 'checkpoint 1 sealed audit entries 1–2');
    const fromPoint = splitVerification(cps.slice(1), shares[1].point, 2);
    assert.equal(fromPoint[0].point, shares[1].point, 'an incremental run starts at its point');
    assert.equal(fromPoint[0].checkpoints[0].id, 2);
    assert.deepEqual(
      fromPoint[0].checkpoints.map((c) => c.id),
      [2, 3, 4, 5, 6],
    );
    assert.equal(fromPoint[0].auditTo, 4, 'checkpoint 4 sealed entries 3–4; 5 and 6 none');
    const onlyUnsealedAudit = splitVerification(cps.slice(1, 3), shares[1].point, 2);
    assert.equal(
      onlyUnsealedAudit[0].auditTo,
      2,
      'no audit in the share: it ends where it started',
    );
  });
});
