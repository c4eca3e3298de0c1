import type { CheckpointRecord, EventContent, VerifyMismatch } from '../../../shared/contracts';
import { auditHash, type AuditContent } from './audit';
import { checkpointHash, eventHash, type CheckpointContent } from './canonical';
import { merkleRoot } from './merkle';

const n = (v: unknown) => Number(v);

/** The audit range a checkpoint seals, or undefined when it seals none. */
export function auditRangeOf(cp: CheckpointRecord): CheckpointContent['audit'] {
  if (cp.audit_count === null || cp.audit_count === undefined || n(cp.audit_count) === 0) {
    return undefined;
  }
  return {
    from: n(cp.audit_from),
    to: n(cp.audit_to),
    count: n(cp.audit_count),
    root: cp.audit_root as string,
  };
}

/** What a checkpoint's hash covers, read back from its row. */
export function checkpointContentOf(cp: CheckpointRecord): CheckpointContent {
  return {
    seqFrom: n(cp.seq_from),
    seqTo: n(cp.seq_to),
    count: n(cp.event_count),
    root: cp.root,
    prevHash: cp.prev_hash,
    sealedAt: cp.sealed_at,
    audit: auditRangeOf(cp),
  };
}

/** Where an earlier verification ended: the last checkpoint it checked. */
export interface VerifiedPoint {
  checkpointId: number;
  checkpointHash: string;
  seqTo: number;
  auditTo: number;
}

/**
 * Checks the chain of checkpoints: each matches its own hash, chains to the
 * previous one, and its event range and audit range start where the
 * previous ones ended — from the genesis, or from a verified point.
 */
function checkChain(
  checkpoints: readonly CheckpointRecord[],
  note: (m: VerifyMismatch) => void,
  start?: VerifiedPoint,
) {
  let prev: Pick<CheckpointRecord, 'id' | 'hash' | 'seq_to'> | null = start
    ? { id: start.checkpointId, hash: start.checkpointHash, seq_to: start.seqTo }
    : null;
  let auditEnd = start?.auditTo ?? 0;
  for (const cp of checkpoints) {
    const at = { kind: 'checkpoint' as const, checkpoint: cp.id };
    if (checkpointHash(checkpointContentOf(cp)) !== cp.hash) {
      note({
        ...at,
        reason: `checkpoint ${cp.id} (seq ${cp.seq_from}–${cp.seq_to}) does not match its own hash`,
      });
    }
    if ((prev?.hash ?? null) !== cp.prev_hash) {
      note({ ...at, reason: `checkpoint ${cp.id} does not chain to the previous checkpoint` });
    }
    if (prev && n(cp.seq_from) !== n(prev.seq_to) + 1) {
      note({
        ...at,
        reason: `checkpoint ${cp.id} does not start where checkpoint ${prev.id} ended`,
      });
    }
    const audit = auditRangeOf(cp);
    if (audit) {
      if (audit.from !== auditEnd + 1) {
        note({
          ...at,
          reason: `checkpoint ${cp.id} seals audit entries ${audit.from}–${audit.to}, but the previous sealed ones ended at ${auditEnd}`,
        });
      }
      auditEnd = audit.to;
    }
    prev = cp;
  }
}

interface Range {
  checkpoint: number;
  from: number;
  to: number;
  count: number;
  root: string;
}

/**
 * Items (events or audit entries) fed in seq order against the checkpoint
 * ranges that seal them: each range's Merkle root must match the hashes of
 * the items in it, in order.
 */
function rangeChecker(
  ranges: readonly Range[],
  mismatch: (r: Range, found: number) => VerifyMismatch,
  note: (m: VerifyMismatch) => void,
) {
  let index = 0;
  let hashes: string[] = [];
  const close = (r: Range) => {
    if (hashes.length !== r.count || merkleRoot(hashes) !== r.root)
      note(mismatch(r, hashes.length));
    hashes = [];
  };
  return {
    item(seq: number, hash: string) {
      while (index < ranges.length && seq > ranges[index].to) close(ranges[index++]);
      if (index < ranges.length && seq >= ranges[index].from) hashes.push(hash);
    },
    finish() {
      while (index < ranges.length) close(ranges[index++]);
    },
  };
}

function safeHash<T>(hashOf: (c: T) => string, content: () => T): string | null {
  try {
    return hashOf(content());
  } catch {
    return null; // an unreadable row: altered
  }
}

/**
 * Verification of the ledger, pure: given the checkpoints, feed it every
 * event in seq order, then every audit entry in seq order; it checks each
 * against its own hash and each checkpoint's Merkle roots against the items
 * of its ranges, and keeps the first mismatch. The caller reads in batches.
 * From a verified point: the checkpoints after it, and the events and
 * audit entries after its ranges.
 */
export function ledgerVerifier(checkpoints: readonly CheckpointRecord[], start?: VerifiedPoint) {
  let firstMismatch: VerifyMismatch | null = null;
  const note = (m: VerifyMismatch) => {
    firstMismatch ??= m;
  };
  checkChain(checkpoints, note, start);

  const eventRanges = checkpoints.map((cp) => ({
    checkpoint: cp.id,
    from: n(cp.seq_from),
    to: n(cp.seq_to),
    count: n(cp.event_count),
    root: cp.root,
  }));
  const auditRanges = checkpoints.flatMap((cp) => {
    const a = auditRangeOf(cp);
    return a ? [{ checkpoint: cp.id, ...a }] : [];
  });
  const eventsSealed = rangeChecker(
    eventRanges,
    (r, found) => ({
      kind: 'checkpoint',
      checkpoint: r.checkpoint,
      reason:
        `the events of seq ${r.from}–${r.to} do not match checkpoint ${r.checkpoint} ` +
        `(${found} events found, ${r.count} sealed): an event was deleted, inserted, reordered or altered`,
    }),
    note,
  );
  const auditSealed = rangeChecker(
    auditRanges,
    (r, found) => ({
      kind: 'audit',
      checkpoint: r.checkpoint,
      reason:
        `the audit entries ${r.from}–${r.to} do not match checkpoint ${r.checkpoint} ` +
        `(${found} found, ${r.count} sealed): an audit entry was deleted, inserted, reordered or altered`,
    }),
    note,
  );
  let events = 0;
  let auditEntries = 0;

  return {
    /** The next event: its seq, id, stored hash and (read lazily) its content. */
    event(seq: number, eventId: string, hash: string, content: () => EventContent) {
      events++;
      if (safeHash(eventHash, content) !== hash) {
        note({
          kind: 'event',
          seq,
          eventId,
          reason: `event ${eventId} (seq ${seq}) does not match its hash: it was altered`,
        });
      }
      eventsSealed.item(seq, hash);
    },

    /** The next audit entry (after the last event): its seq, stored hash and content. */
    audit(seq: number, hash: string, content: () => AuditContent) {
      if (auditEntries === 0) eventsSealed.finish();
      auditEntries++;
      if (safeHash(auditHash, content) !== hash) {
        note({
          kind: 'audit',
          auditSeq: seq,
          reason: `audit entry ${seq} does not match its hash: it was altered`,
        });
      }
      auditSealed.item(seq, hash);
    },

    /** After the last item: closes the remaining ranges and says whether everything matched. */
    finish() {
      eventsSealed.finish();
      auditSealed.finish();
      return {
        ok: firstMismatch === null,
        events,
        auditEntries,
        firstMismatch: firstMismatch as VerifyMismatch | null,
      };
    },
  };
}
