/**
 * Evidence packs (one person, one file): how each decision was verified,
 * stated the same way by the server that builds the pack and by whoever
 * checks it, and the offline check of a whole pack — every decision against
 * its hash, every text against the hash the decision recorded, every proof
 * against its checkpoint, every checkpoint on one chain to the head, and the
 * tokens on them. Pure: hashing and token checks are passed in.
 */
import type {
  DecisionVerification,
  EventContent,
  EvidencePack,
  ProofCheckpoint,
} from '../contracts';
import { eventCanonical } from './canonical';
import { hashOfCheckpoint, verifyConsistency, type CheckpointTokenVerifier } from './chain';
import { rootFromPath, toHex, type Sha256 } from './merkle';

export type { EvidencePack } from '../contracts';

/**
 * How a decision was verified, from the entry itself (its method and
 * strength are hashed into it) and, for continued use, the `notified` entry
 * of the same person, policy and edition that came before it.
 */
export function verificationOf(
  e: EventContent,
  notice: { id: string; occurredAt: string; hash: string } | null,
): DecisionVerification {
  if (e.method === 'continued-use' || e.action === 'implied') {
    return {
      kind: 'continued-use',
      detail: notice
        ? `deemed accepted by continued use after the notice of ${notice.occurredAt} (entry ${notice.id})`
        : 'deemed accepted by continued use; no notice to this person is recorded before it',
      notice,
    };
  }
  if (e.strength === 'confirmed')
    return { kind: 'confirmed', detail: 'confirmed through the link e-mailed to the person' };
  if (e.strength === 'unverified') {
    return {
      kind: 'unverified',
      detail: 'sent through a form or by a signed-in user; never confirmed by e-mail',
    };
  }
  return {
    kind: 'server',
    detail:
      e.method === 'admin'
        ? "recorded by the operator's administrator"
        : e.method === 'notice'
          ? 'a notice the operator sent'
          : "recorded by the operator's server (an API token), on its word",
  };
}

/** The latest `notified` entry before `e` on the same policy and edition, among `events` (seq order). */
export function noticeBefore<T extends { event: EventContent; hash: string }>(
  decisions: readonly T[],
  index: number,
): { id: string; occurredAt: string; hash: string } | null {
  const e = decisions[index].event;
  for (let i = index - 1; i >= 0; i--) {
    const n = decisions[i].event;
    if (n.action === 'notified' && n.policy === e.policy && n.version === e.version) {
      return { id: n.id, occurredAt: n.occurredAt, hash: decisions[i].hash };
    }
  }
  return null;
}

export type PackCheckName =
  | 'decision-hash'
  | 'verification'
  | 'text'
  | 'inclusion'
  | 'checkpoint-hash'
  | 'chain'
  | 'timestamp'
  | 'pending';

export interface PackCheck {
  check: PackCheckName | string;
  ok: boolean | null;
  detail: string;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Checks a whole evidence pack offline; one line per kind of check, the first failure named. */
export async function verifyEvidencePack(
  pack: EvidencePack,
  sha256: Sha256,
  verifyToken?: CheckpointTokenVerifier,
): Promise<{ ok: boolean; checks: PackCheck[] }> {
  const checks: PackCheck[] = [];
  const hex = async (s: string) => toHex(await sha256(utf8(s)));
  const pass = (check: PackCheckName, detail: string) => checks.push({ check, ok: true, detail });
  const fail = (check: PackCheckName, detail: string) => checks.push({ check, ok: false, detail });
  if (pack?.format !== 'policy-ledger-evidence/1' || !Array.isArray(pack.decisions)) {
    return {
      ok: false,
      checks: [{ check: 'decision-hash', ok: false, detail: 'not a policy-ledger evidence pack' }],
    };
  }
  const { decisions } = pack;

  // 1. Each decision is the entry its hash commits to.
  const badEvent = await (async () => {
    for (const d of decisions) if ((await hex(eventCanonical(d.event))) !== d.hash) return d;
    return null;
  })();
  if (badEvent)
    fail(
      'decision-hash',
      `entry ${badEvent.event.id} (seq ${badEvent.seq}) does not match its hash: it was altered`,
    );
  else
    pass(
      'decision-hash',
      `${decisions.length} entr${decisions.length === 1 ? 'y matches its hash' : 'ies match their hashes'}`,
    );

  // 2. How each was verified follows from the entries themselves.
  const misstated = decisions.findIndex(
    (d, i) => !same(d.verification, verificationOf(d.event, noticeBefore(decisions, i))),
  );
  if (misstated >= 0)
    fail(
      'verification',
      `entry ${decisions[misstated].event.id}: its stated verification is not what the entries show`,
    );
  else {
    const count = (k: string) => decisions.filter((d) => d.verification.kind === k).length;
    pass(
      'verification',
      `confirmed ${count('confirmed')}, unverified ${count('unverified')}, by the operator ${count('server')}, continued use ${count('continued-use')}`,
    );
  }

  // 3. Every text a decision was made on is in the pack, and is the text whose hash it recorded.
  let texts = 0;
  let textFailed = false;
  for (const d of decisions) {
    const { contentHash, policy, version, locale } = d.event;
    if (!contentHash || d.event.action === 'notified') continue;
    const t = pack.texts.find(
      (x) => x.policy === policy && x.version === version && x.locale === locale,
    );
    if (!t) {
      fail(
        'text',
        `entry ${d.event.id}: the text of ${policy} edition ${version} (${locale}) is not in the pack`,
      );
      textFailed = true;
      break;
    }
    if ((await hex(t.body)) !== contentHash) {
      fail(
        'text',
        `${policy} edition ${version} (${locale}): the text in the pack is not the one entry ${d.event.id} recorded (hash ${contentHash})`,
      );
      textFailed = true;
      break;
    }
    texts++;
  }
  if (!textFailed)
    pass(
      'text',
      `${texts} decision(s) made on ${pack.texts.length} text(s) in the pack, each the very text recorded`,
    );

  // 4. Each sealed entry is in its checkpoint, and the checkpoint is what its hash says.
  const sealed = decisions.filter((d) => d.proof.status === 'sealed');
  let proofFailed = false;
  const proofCheckpoints = new Map<string, ProofCheckpoint>();
  for (const d of sealed) {
    if (d.proof.status !== 'sealed') continue;
    const { checkpoint: cp, leafIndex, auditPath, event } = d.proof;
    const root = await rootFromPath(d.hash, leafIndex, cp.count, auditPath, sha256);
    if (event.id !== d.event.id || event.hash !== d.hash || root !== cp.root) {
      fail(
        'inclusion',
        `entry ${d.event.id}: its audit path does not lead to the root of the checkpoint that seals it`,
      );
      proofFailed = true;
      break;
    }
    if ((await hashOfCheckpoint(cp, sha256)) !== cp.hash) {
      fail(
        'checkpoint-hash',
        `the checkpoint sealing entry ${d.event.id} does not match its hash ${cp.hash}`,
      );
      proofFailed = true;
      break;
    }
    proofCheckpoints.set(cp.hash, cp);
  }
  if (!proofFailed && sealed.length)
    pass(
      'inclusion',
      `${sealed.length} sealed entr${sealed.length === 1 ? 'y is' : 'ies are'} in ${proofCheckpoints.size} checkpoint(s)`,
    );
  const pending = decisions.length - sealed.length;
  if (pending)
    checks.push({
      check: 'pending',
      ok: null,
      detail: `${pending} entr${pending === 1 ? 'y is' : 'ies are'} not sealed yet: no proof`,
    });

  // 5. Those checkpoints lie on one chain, from the oldest to the head, with their tokens.
  if (pack.checkpoints) {
    const chain = await verifyConsistency(
      pack.checkpoints.from,
      pack.checkpoints,
      sha256,
      verifyToken,
    );
    const onChain = new Set([pack.checkpoints.from, ...pack.checkpoints.chain].map((c) => c.hash));
    const off = [...proofCheckpoints.keys()].find((h) => !onChain.has(h));
    for (const c of chain.checks)
      if (c.check !== 'kept')
        checks.push({
          ...c,
          check: c.check === 'checkpoint-hash' || c.check === 'link' ? 'chain' : c.check,
        });
    if (off) fail('chain', `checkpoint ${off} (of a proof) is not on the pack's checkpoint chain`);
    else if (chain.ok)
      pass(
        'chain',
        `every proof's checkpoint is on the chain to the head ${chain.head.id} (sealed ${chain.head.sealedAt})`,
      );
  } else if (proofCheckpoints.size) {
    fail('chain', 'the pack has proofs but no checkpoint chain');
  }
  return { ok: checks.every((c) => c.ok !== false), checks };
}
