import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckpointRecord } from '../../shared/contracts';
import { auditHash, type AuditContent } from '../../server/src/domain/audit';
import { checkpointHash } from '../../server/src/domain/canonical';
import { merkleRoot } from '../../server/src/domain/merkle';
import { checkpointContentOf, ledgerVerifier } from '../../server/src/domain/verify';

const entry = (i: number): AuditContent => ({
  id: `entry-${i}`,
  occurredAt: `2031-03-0${i}T10:00:00.000Z`,
  actorType: 'admin',
  actorId: '1',
  actorName: 'admin@example.kz',
  action: 'edition.released',
  target: `privacy v${i}`,
  details: { documentId: `doc${i}` },
});

/** A checkpoint row sealing audit entries from..to (and no events), chained to `prev`. */
function auditCheckpoint(id: number, from: number, hashes: string[], prev: string | null) {
  const row: CheckpointRecord = {
    id,
    seq_from: 1,
    seq_to: 0,
    event_count: 0,
    root: merkleRoot([]),
    prev_hash: prev,
    hash: '',
    sealed_at: '2031-03-09T00:00:00.000Z',
    audit_from: from,
    audit_to: from + hashes.length - 1,
    audit_count: hashes.length,
    audit_root: merkleRoot(hashes),
  };
  row.hash = checkpointHash(checkpointContentOf(row));
  return row;
}

const run = (cps: CheckpointRecord[], entries: AuditContent[], hashes = entries.map(auditHash)) => {
  const v = ledgerVerifier(cps);
  entries.forEach((e, i) => v.audit(i + 1, hashes[i], () => e));
  return v.finish();
};

describe('ledgerVerifier with audit entries (domain/verify.ts)', () => {
  const entries = [1, 2, 3].map(entry);
  const hashes = entries.map(auditHash);
  const cp1 = auditCheckpoint(1, 1, hashes.slice(0, 2), null);
  const cp2 = auditCheckpoint(2, 3, hashes.slice(2), cp1.hash);

  it('verifies sealed and unsealed entries', () => {
    const r = run([cp1, cp2], entries);
    assert.deepEqual([r.ok, r.auditEntries, r.firstMismatch], [true, 3, null]);
    assert.equal(run([cp1], entries).ok, true, 'entry 3 not sealed yet');
  });

  it('leaves the hash of a checkpoint without audit entries as it was', () => {
    const { audit: _none, ...withoutAudit } = checkpointContentOf({
      ...cp1,
      audit_from: 5,
      audit_to: null,
      audit_count: 0,
      audit_root: null,
    });
    assert.equal(
      checkpointHash(checkpointContentOf({ ...cp1, audit_count: 0 })),
      checkpointHash(withoutAudit),
    );
  });

  it('names an altered entry by its seq', () => {
    const altered = entries.map((e, i) => (i === 1 ? { ...e, actorName: 'x@example.kz' } : e));
    const r = run([cp1, cp2], altered, hashes);
    assert.equal(r.ok, false);
    assert.deepEqual(
      { kind: r.firstMismatch?.kind, seq: r.firstMismatch?.auditSeq },
      { kind: 'audit', seq: 2 },
    );
  });

  it('names the checkpoint when an entry is re-hashed, deleted, or the range is moved', () => {
    const forged = entries.map((e, i) => (i === 0 ? { ...e, target: 'cookies v1' } : e));
    let r = run([cp1, cp2], forged);
    assert.deepEqual([r.firstMismatch?.kind, r.firstMismatch?.checkpoint], ['audit', 1]);
    r = run([cp1, cp2], entries.slice(1), hashes.slice(1));
    assert.equal(r.ok, false);
    const gap = auditCheckpoint(2, 4, hashes.slice(2), cp1.hash);
    r = run([cp1, gap], entries);
    assert.equal(r.ok, false);
    assert.match(r.firstMismatch?.reason ?? '', /previous sealed ones ended at 2/);
  });
});
