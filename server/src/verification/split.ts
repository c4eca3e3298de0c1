import type { CheckpointRecord } from '../../../shared/contracts';
import { auditRangeOf, type VerifiedPoint } from '../domain/verify';

/** One share of a verification: its checkpoints, where it starts, and where its reads end. */
export interface Share {
  checkpoints: readonly CheckpointRecord[];
  point: VerifiedPoint | null;
  /** The last event and audit entry to read; null for the last share (everything after). */
  eventsTo: number | null;
  auditTo: number | null;
}

const n = (v: unknown) => Number(v);

/**
 * Splits a verification into at most `parts` shares of consecutive
 * checkpoints with about as many events each. Each share starts from the
 * last checkpoint of the one before, as an incremental verification would,
 * so together they check exactly what one verification would: every link
 * of the chain, every range and every item once. The last share also reads
 * what no checkpoint seals yet.
 */
export function splitVerification(
  checkpoints: readonly CheckpointRecord[],
  start: VerifiedPoint | null,
  parts: number,
): Share[] {
  const count = Math.max(1, Math.min(Math.floor(parts), checkpoints.length));
  if (count === 1) return [{ checkpoints, point: start, eventsTo: null, auditTo: null }];
  const total = checkpoints.reduce((sum, cp) => sum + n(cp.event_count), 0);
  const shares: Share[] = [];
  let point = start;
  let auditEnd = start?.auditTo ?? 0;
  let from = 0;
  let sealed = 0;
  for (let i = 0; i < checkpoints.length; i++) {
    sealed += n(checkpoints[i].event_count);
    auditEnd = auditRangeOf(checkpoints[i])?.to ?? auditEnd;
    const last = i === checkpoints.length - 1;
    const boundary = sealed >= (total * (shares.length + 1)) / count;
    if (!last && (!boundary || shares.length === count - 1)) continue;
    const cp = checkpoints[i];
    shares.push({
      checkpoints: checkpoints.slice(from, i + 1),
      point,
      eventsTo: last ? null : n(cp.seq_to),
      auditTo: last ? null : auditEnd,
    });
    point = {
      checkpointId: cp.id,
      checkpointHash: cp.hash,
      seqTo: n(cp.seq_to),
      auditTo: auditEnd,
    };
    from = i + 1;
  }
  return shares;
}
