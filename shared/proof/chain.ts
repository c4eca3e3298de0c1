/**
 * Does the ledger today extend the one someone saw? Given a checkpoint they
 * kept (from a receipt, an evidence pack or a witness's last run) and the
 * chain the public log returns from it (GET /checkpoints/consistency), checks
 * offline that every checkpoint matches its hash, links to the one before by
 * `prevHash`, starts where it ended, and carries time-stamp tokens that stamp
 * that very hash. A checkpoint rewritten after it was stamped fails here even
 * when every hash after it was recomputed: its tokens stamp the old hash.
 * Pure: hashing and token checks are passed in, as for receipts.
 */
import type {
  CheckpointContent,
  ConsistencyProof,
  LogCheckpoint,
  ProofCheckpoint,
  ProofTimestamp,
} from '../contracts';
import { checkpointCanonical } from './canonical';
import { toHex, type Sha256 } from './merkle';

export type { ConsistencyProof, LogCheckpoint } from '../contracts';

/** Checks one token against the checkpoint (content and hash) it should stamp. */
export type CheckpointTokenVerifier = (
  t: ProofTimestamp,
  checkpoint: ProofCheckpoint,
) => Promise<{ ok: boolean; detail: string }>;

export type ChainCheckName = 'kept' | 'checkpoint-hash' | 'link' | 'timestamp';

export interface ChainCheck {
  check: ChainCheckName;
  /** null: nothing to decide (no tokens, or tokens not checked here). */
  ok: boolean | null;
  detail: string;
}

export interface ChainResult {
  ok: boolean;
  checks: ChainCheck[];
  /** The id of the first checkpoint that does not extend what was kept; null when all do. */
  forkAt: number | null;
  /** The newest checkpoint of the chain (what a witness keeps next). */
  head: LogCheckpoint;
}

/** What a checkpoint's hash covers, and nothing else (a log entry also has an id and tokens). */
export function checkpointContent(c: CheckpointContent): CheckpointContent {
  return {
    seqFrom: c.seqFrom,
    seqTo: c.seqTo,
    count: c.count,
    root: c.root,
    prevHash: c.prevHash,
    sealedAt: c.sealedAt,
    ...(c.audit ? { audit: c.audit } : {}),
  };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The SHA-256 of a checkpoint's canonical content, hex. */
export async function hashOfCheckpoint(c: CheckpointContent, sha256: Sha256): Promise<string> {
  return toHex(await sha256(utf8(checkpointCanonical(checkpointContent(c)))));
}

const sameContent = (a: CheckpointContent, b: CheckpointContent) =>
  checkpointCanonical(checkpointContent(a)) === checkpointCanonical(checkpointContent(b));

/**
 * Checks that `proof` extends the checkpoint `kept`. One line per kind of
 * check (not per checkpoint): the first failure names its checkpoint.
 */
export async function verifyConsistency(
  kept: ProofCheckpoint & { id?: number },
  proof: ConsistencyProof,
  sha256: Sha256,
  verifyToken?: CheckpointTokenVerifier,
): Promise<ChainResult> {
  const checks: ChainCheck[] = [];
  let forkAt: number | null = null;
  const fail = (check: ChainCheckName, id: number, detail: string) => {
    forkAt ??= id;
    checks.push({ check, ok: false, detail });
  };
  const from = proof.from;
  const all = [from, ...proof.chain];
  const head = all[all.length - 1];

  // 1. The log still holds the kept checkpoint, unchanged, where it was.
  if (
    from.hash !== kept.hash ||
    !sameContent(from, kept) ||
    (kept.id !== undefined && kept.id !== from.id)
  ) {
    fail(
      'kept',
      from.id,
      `checkpoint ${from.id} is not the one kept (kept hash ${kept.hash}, the log now says ${from.hash}): the ledger's history up to it was rewritten`,
    );
  } else {
    checks.push({
      check: 'kept',
      ok: true,
      detail: `checkpoint ${from.id} (sealed ${from.sealedAt}) is the one kept, hash ${kept.hash}`,
    });
  }

  // 2. Each checkpoint matches its hash.
  let hashFailed = false;
  for (const c of all) {
    const computed = await hashOfCheckpoint(c, sha256);
    if (computed !== c.hash) {
      fail(
        'checkpoint-hash',
        c.id,
        `checkpoint ${c.id} does not match its hash (computed ${computed})`,
      );
      hashFailed = true;
      break;
    }
  }
  if (!hashFailed) {
    checks.push({
      check: 'checkpoint-hash',
      ok: true,
      detail: `${all.length} checkpoint(s), ${from.id} to ${head.id}, match their hashes`,
    });
  }

  // 3. Each links to the one before: previous hash, and ranges that start where the previous ended.
  let linkFailed = false;
  let auditEnd = from.audit?.to ?? null;
  for (let i = 1; i < all.length; i++) {
    const [prev, c] = [all[i - 1], all[i]];
    const why =
      c.prevHash !== prev.hash
        ? `its previous hash is ${c.prevHash}, not checkpoint ${prev.id}'s ${prev.hash}`
        : c.id <= prev.id
          ? `it comes after checkpoint ${prev.id} in the log but is numbered ${c.id}`
          : c.seqFrom !== prev.seqTo + 1
            ? `its events start at seq ${c.seqFrom}, not after checkpoint ${prev.id}'s ${prev.seqTo}`
            : c.audit && auditEnd !== null && c.audit.from !== auditEnd + 1
              ? `its audit entries start at ${c.audit.from}, not after ${auditEnd}`
              : null;
    if (why) {
      fail('link', c.id, `checkpoint ${c.id} does not extend checkpoint ${prev.id}: ${why}`);
      linkFailed = true;
      break;
    }
    if (c.audit) auditEnd = c.audit.to;
  }
  if (!linkFailed) {
    checks.push({
      check: 'link',
      ok: true,
      detail:
        all.length > 1
          ? `each of the ${all.length - 1} checkpoint(s) after ${from.id} extends the one before it, up to ${head.id}`
          : 'no checkpoint after the one kept yet',
    });
  }

  // 4. The time-stamp tokens stamp the hashes as they are.
  const stamped = all.filter((c) => c.timestamps.length);
  const unstamped = all.filter((c) => !c.timestamps.length).map((c) => c.id);
  if (!stamped.length) {
    checks.push({
      check: 'timestamp',
      ok: null,
      detail: 'no checkpoint of the chain carries a time-stamp token',
    });
  } else if (!verifyToken) {
    checks.push({
      check: 'timestamp',
      ok: null,
      detail: `${stamped.length} stamped checkpoint(s) not checked here: run policy-ledger-witness`,
    });
  } else {
    let tokens = 0;
    let tokenFailed = false;
    for (const c of stamped) {
      for (const t of c.timestamps) {
        const r = await verifyToken(t, c);
        tokens++;
        if (!r.ok) {
          fail(
            'timestamp',
            c.id,
            `checkpoint ${c.id}: the ${t.authority} token does not stamp it (${r.detail}): it was changed after it was stamped`,
          );
          tokenFailed = true;
          break;
        }
      }
      if (tokenFailed) break;
    }
    if (!tokenFailed) {
      checks.push({
        check: 'timestamp',
        ok: true,
        detail: `${tokens} token(s) on ${stamped.length} checkpoint(s) stamp them`,
      });
    }
  }
  if (stamped.length && unstamped.length) {
    const shown = unstamped.slice(0, 10).join(', ') + (unstamped.length > 10 ? ', …' : '');
    checks.push({
      check: 'timestamp',
      ok: null,
      detail: `${unstamped.length} checkpoint(s) carry no token yet (${shown}): only the hash chain vouches for them`,
    });
  }
  return { ok: checks.every((c) => c.ok !== false), checks, forkAt, head };
}
