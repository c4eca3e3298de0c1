/**
 * A receipt a person can check without the operator's database: the event
 * as recorded, its hash, and its proof — the Merkle audit path to a sealed
 * checkpoint, the checkpoint (chained to its predecessor by hash) and the
 * time-stamp tokens on it. Pure: hashing is passed in (Web Crypto or
 * node:crypto); tokens are checked by whoever can (the command-line verifier).
 */
import type { EventContent, ProofTimestamp, SealedProof } from '../contracts';
import { checkpointCanonical, eventCanonical } from './canonical';
import { rootFromPath, toHex, type Sha256 } from './merkle';

export type {
  CheckpointContent,
  PendingProof,
  ProofCheckpoint,
  ProofTimestamp,
  ReceiptProof,
  SealedProof,
} from '../contracts';

/** What a person keeps and anyone can check: `npx policy-ledger-verify-receipt receipt.json`. */
export interface ReceiptFile {
  format: 'policy-ledger-receipt/1';
  event: EventContent;
  hash: string;
  proof: SealedProof;
}

export type ReceiptCheckName = 'event-hash' | 'inclusion' | 'checkpoint-hash' | 'timestamp';

export interface ReceiptCheck {
  /** Every check passed, the time-stamp tokens included when they could be checked. */
  ok: boolean;
  checks: Array<{ check: ReceiptCheckName; ok: boolean | null; detail: string }>;
}

/** Checks one token against the checkpoint hash it should stamp. */
export type TokenVerifier = (
  t: ProofTimestamp,
  checkpointHash: string,
) => Promise<{ ok: boolean; detail: string }>;

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Checks a receipt file offline: the event's hash from its content, its
 * place in the checkpoint's Merkle tree, the checkpoint's hash from its
 * content, and — with `verifyToken` — each time-stamp token.
 */
export async function verifyReceiptFile(
  file: ReceiptFile,
  sha256: Sha256,
  verifyToken?: TokenVerifier,
): Promise<ReceiptCheck> {
  const checks: ReceiptCheck['checks'] = [];
  const { proof } = file;
  if (file?.format !== 'policy-ledger-receipt/1' || proof?.status !== 'sealed') {
    return {
      ok: false,
      checks: [{ check: 'event-hash', ok: false, detail: 'not a sealed policy-ledger receipt' }],
    };
  }
  const computed = toHex(await sha256(utf8(eventCanonical(file.event))));
  const sameEvent = file.event.id === proof.event.id && file.hash === proof.event.hash;
  checks.push({
    check: 'event-hash',
    ok: computed === file.hash && sameEvent,
    detail:
      computed !== file.hash
        ? `the event does not match its hash (computed ${computed})`
        : sameEvent
          ? `event ${file.event.id} matches its hash ${computed}`
          : 'the proof is for another event',
  });
  const { hash: cpHash, ...content } = proof.checkpoint;
  const root = await rootFromPath(
    file.hash,
    proof.leafIndex,
    content.count,
    proof.auditPath,
    sha256,
  );
  checks.push({
    check: 'inclusion',
    ok: root !== null && root === content.root,
    detail:
      root === content.root
        ? `leaf ${proof.leafIndex} of ${content.count} leads to the checkpoint root ${content.root}`
        : 'the audit path does not lead from this event to the checkpoint root',
  });
  const cpComputed = toHex(await sha256(utf8(checkpointCanonical(content))));
  checks.push({
    check: 'checkpoint-hash',
    ok: cpComputed === cpHash,
    detail:
      cpComputed === cpHash
        ? `checkpoint of seq ${content.seqFrom}–${content.seqTo}, sealed ${content.sealedAt}, hash ${cpHash}, after ${content.prevHash ?? 'the first checkpoint'}`
        : `the checkpoint does not match its hash (computed ${cpComputed})`,
  });
  if (!proof.timestamps.length) {
    checks.push({
      check: 'timestamp',
      ok: null,
      detail: 'the checkpoint carries no time-stamp token',
    });
  } else if (!verifyToken) {
    checks.push({
      check: 'timestamp',
      ok: null,
      detail: `${proof.timestamps.length} time-stamp token(s) not checked here: run npx policy-ledger-verify-receipt`,
    });
  } else {
    for (const t of proof.timestamps) {
      const r = await verifyToken(t, cpHash);
      checks.push({ check: 'timestamp', ok: r.ok, detail: `${t.authority}: ${r.detail}` });
    }
  }
  return { ok: checks.every((c) => c.ok !== false), checks };
}
