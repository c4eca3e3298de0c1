import type { ReceiptEvent } from '../../shared/contracts/content-api';
import type { Sha256 } from '../../shared/proof/merkle';
import {
  verifyReceiptFile,
  type ReceiptCheck,
  type ReceiptFile,
  type SealedProof,
  type TokenVerifier,
} from '../../shared/proof/receipt';

export type {
  PendingProof,
  ProofCheckpoint,
  ProofTimestamp,
  ReceiptCheck,
  ReceiptFile,
  ReceiptProof,
  SealedProof,
  TokenVerifier,
} from '../../shared/proof/receipt';

const webSha256: Sha256 = async (bytes) =>
  new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource));

/** The file a person keeps for one event of their receipt: the event, its hash, its proof. */
export const receiptFile = (event: ReceiptEvent, proof: SealedProof): ReceiptFile => ({
  format: 'policy-ledger-receipt/1',
  event: event.content,
  hash: event.hash,
  proof,
});

/**
 * Checks a receipt file offline, in the browser or in Node (Web Crypto): the
 * event against its hash, its place in the sealed checkpoint, the
 * checkpoint against its hash. Time-stamp tokens are checked only with a
 * `verifyToken` (the command-line verifier has one).
 */
export const verifyReceipt = (
  file: ReceiptFile,
  verifyToken?: TokenVerifier,
): Promise<ReceiptCheck> => verifyReceiptFile(file, webSha256, verifyToken);
