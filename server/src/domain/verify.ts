import type { CheckpointRecord, EventContent, VerifyMismatch } from '../../../shared/contracts';
import { checkpointHash, eventHash } from './canonical';
import { merkleRoot } from './merkle';

const n = (v: unknown) => Number(v);

/** Checks the chain of checkpoints: each matches its own hash, chains to and follows the previous one. */
function checkChain(checkpoints: readonly CheckpointRecord[], note: (m: VerifyMismatch) => void) {
  let prev: CheckpointRecord | null = null;
  for (const cp of checkpoints) {
    const expected = checkpointHash({
      seqFrom: n(cp.seq_from),
      seqTo: n(cp.seq_to),
      count: n(cp.event_count),
      root: cp.root,
      prevHash: cp.prev_hash,
      sealedAt: cp.sealed_at,
    });
    const at = { kind: 'checkpoint' as const, checkpoint: cp.id };
    if (expected !== cp.hash) {
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
    prev = cp;
  }
}

/**
 * Verification of the ledger, pure: given the checkpoints, feed it every
 * event in seq order; it checks each event against its own hash and each
 * checkpoint's Merkle root against the events of its range, and keeps the
 * first mismatch. The caller reads the events in batches.
 */
export function ledgerVerifier(checkpoints: readonly CheckpointRecord[]) {
  let firstMismatch: VerifyMismatch | null = null;
  const note = (m: VerifyMismatch) => {
    firstMismatch ??= m;
  };
  checkChain(checkpoints, note);

  let events = 0;
  let cpIndex = 0;
  let rangeHashes: string[] = [];
  const closeRange = (cp: CheckpointRecord) => {
    if (rangeHashes.length !== n(cp.event_count) || merkleRoot(rangeHashes) !== cp.root) {
      note({
        kind: 'checkpoint',
        checkpoint: cp.id,
        reason:
          `the events of seq ${cp.seq_from}–${cp.seq_to} do not match checkpoint ${cp.id} ` +
          `(${rangeHashes.length} events found, ${cp.event_count} sealed): an event was deleted, inserted, reordered or altered`,
      });
    }
    rangeHashes = [];
  };

  return {
    /** The next event: its seq, id, stored hash and (read lazily) its content. */
    event(seq: number, eventId: string, hash: string, content: () => EventContent) {
      events++;
      while (cpIndex < checkpoints.length && seq > n(checkpoints[cpIndex].seq_to)) {
        closeRange(checkpoints[cpIndex++]);
      }
      let computed: string | null;
      try {
        computed = eventHash(content());
      } catch {
        computed = null; // an unreadable row: altered
      }
      if (computed !== hash) {
        note({
          kind: 'event',
          seq,
          eventId,
          reason: `event ${eventId} (seq ${seq}) does not match its hash: it was altered`,
        });
      }
      if (cpIndex < checkpoints.length && seq >= n(checkpoints[cpIndex].seq_from))
        rangeHashes.push(hash);
    },

    /** After the last event: closes the remaining checkpoints and says whether everything matched. */
    finish() {
      while (cpIndex < checkpoints.length) closeRange(checkpoints[cpIndex++]);
      return {
        ok: firstMismatch === null,
        events,
        firstMismatch: firstMismatch as VerifyMismatch | null,
      };
    },
  };
}
