/**
 * The proof of a receipt (GET /api/policy-ledger/receipts/:id/proof): the
 * checkpoint an event was sealed into, its audit path and time-stamp tokens.
 * Types only; shared/proof/ checks them.
 */

export interface CheckpointContent {
  seqFrom: number;
  seqTo: number;
  count: number;
  root: string;
  prevHash: string | null;
  sealedAt: string;
  /** The audit entries this checkpoint seals; absent when it seals none (and on checkpoints older than the audit trail). */
  audit?: { from: number; to: number; count: number; root: string };
}

export interface ProofCheckpoint extends CheckpointContent {
  hash: string;
}

/** An RFC 3161 time-stamp token on a checkpoint's hash (DER, base64). */
export interface ProofTimestamp {
  authority: string;
  genTime: string;
  token: string;
}

/** GET /api/policy-ledger/receipts/:id/proof, once the event is sealed. */
export interface SealedProof {
  status: 'sealed';
  event: { id: string; hash: string };
  /** The event's position among the checkpoint's events (0-based); the tree has `checkpoint.count` leaves. */
  leafIndex: number;
  /** Sibling hashes from the leaf up (RFC 6962 audit path), hex. */
  auditPath: string[];
  checkpoint: ProofCheckpoint;
  timestamps: ProofTimestamp[];
}

/** The same, before the event is sealed. */
export interface PendingProof {
  status: 'pending';
  event: { id: string; hash: string };
  /** When the proof should be available (the sealing job runs every minute). */
  availableAfter: string;
}

export type ReceiptProof = SealedProof | PendingProof;

/**
 * One checkpoint as the public checkpoint log shows it
 * (GET /api/policy-ledger/checkpoints): its place in the log (`id`), what its
 * hash covers, the hash, and the time-stamp tokens on it.
 */
export interface LogCheckpoint extends ProofCheckpoint {
  id: number;
  timestamps: ProofTimestamp[];
}

/** GET /api/policy-ledger/checkpoints?after=&limit=: one page of the log, oldest first. */
export interface CheckpointPage {
  checkpoints: LogCheckpoint[];
  /** `after` for the next page; null on the last page (the log's head is its last checkpoint). */
  next: number | null;
}

/**
 * GET /api/policy-ledger/checkpoints/consistency?from=&to=: what shows that
 * the ledger at `to` extends the one at `from`: the checkpoint `from` names as
 * the log holds it now, and every checkpoint after it up to `to`, each with
 * its tokens. A verifier holding `from` checks every link and token itself.
 */
export interface ConsistencyProof {
  from: LogCheckpoint;
  /** The checkpoints after `from`, oldest first, the last one being `to` (empty when `to` is `from`). */
  chain: LogCheckpoint[];
}
