/**
 * What the command-line tools share to read a site's public checkpoint log
 * (GET /api/policy-ledger/checkpoints…) and check it offline: fetching,
 * SHA-256 and RFC 3161 token checks with node:crypto.
 */
import { createHash } from 'node:crypto';
import type { CheckpointPage, ConsistencyProof, LogCheckpoint } from '../shared/contracts';
import { checkpointCanonical } from '../shared/proof/canonical';
import {
  checkpointContent,
  verifyConsistency,
  type ChainResult,
  type CheckpointTokenVerifier,
} from '../shared/proof/chain';
import type { Sha256 } from '../shared/proof/merkle';
import type { ProofCheckpoint } from '../shared/contracts';
import { checkToken } from '../server/src/timestamping/token';

/** The site cannot be read (exit code 2), as opposed to a check that fails (1). */
export class Unreadable extends Error {}

export const nodeSha256: Sha256 = async (bytes) =>
  new Uint8Array(createHash('sha256').update(bytes).digest());

/** The value after `--name` on the command line. */
export function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** Where the values of the given options sit in `argv` (so that they are not taken for the file or the site). */
export function valuePositions(argv: string[], names: string[]): Set<number> {
  return new Set(
    names
      .map((n) => argv.indexOf(n))
      .filter((i) => i >= 0)
      .map((i) => i + 1),
  );
}

/** The plugin's public API of a site given by its root URL. */
export const apiOf = (site: string) => `${site.replace(/\/+$/, '')}/api/policy-ledger`;

/** `data` of a JSON answer; null on 404; Unreadable on anything else. */
export async function getJson<T>(
  url: string,
): Promise<{ status: number; data: T | null; error?: string }> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (e) {
    throw new Unreadable(`cannot reach ${url}: ${(e as Error).message}`);
  }
  const body = (await res.json().catch(() => null)) as {
    data?: T;
    error?: { message?: string };
  } | null;
  if (res.ok && body && 'data' in body) return { status: res.status, data: body.data as T };
  if (res.status === 404) return { status: 404, data: null, error: body?.error?.message };
  throw new Unreadable(
    `${url} answered ${res.status}${body?.error?.message ? `: ${body.error.message}` : ''}`,
  );
}

/** The whole log, page by page, after the checkpoint numbered `after` (0: from the first). */
export async function logAfter(api: string, after: number): Promise<LogCheckpoint[]> {
  const out: LogCheckpoint[] = [];
  let next: number | null = after;
  while (next !== null) {
    const url: string = `${api}/checkpoints?limit=1000${next ? `&after=${next}` : ''}`;
    const page: CheckpointPage | null = (await getJson<CheckpointPage>(url)).data;
    if (!page) throw new Unreadable('the checkpoint log answered 404');
    out.push(...page.checkpoints);
    next = page.next;
  }
  return out;
}

/** Checks tokens against a checkpoint's canonical content; with a CA (PEM), also the signer's chain. */
export const tokenChecker =
  (trustPem: string | null): CheckpointTokenVerifier =>
  async (t, cp) => {
    const r = await checkToken(
      new Uint8Array(Buffer.from(t.token, 'base64')),
      new TextEncoder().encode(checkpointCanonical(checkpointContent(cp))),
      trustPem,
    );
    return { ok: r.ok, detail: r.detail };
  };

/**
 * Is `kept` still part of the site's ledger, and does today's head extend
 * it? The site's consistency proof, checked offline; null when the site no
 * longer holds the checkpoint (404: its history was rewritten).
 */
export async function extendsKept(
  site: string,
  kept: ProofCheckpoint & { id?: number },
  trustPem: string | null,
): Promise<{ result: ChainResult | null; proof: ConsistencyProof | null; missing?: string }> {
  const got = await getJson<ConsistencyProof>(
    `${apiOf(site)}/checkpoints/consistency?from=${kept.hash}`,
  );
  if (!got.data) return { result: null, proof: null, missing: got.error };
  const result = await verifyConsistency(kept, got.data, nodeSha256, tokenChecker(trustPem));
  return { result, proof: got.data };
}
