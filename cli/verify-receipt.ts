/**
 * npx policy-ledger-verify-receipt receipt.json [--trust tsa-ca.pem] [--json]
 *
 * Checks a Policy Ledger receipt offline, with no access to the operator's
 * database: the event against its hash, its Merkle audit path to the sealed
 * checkpoint, the checkpoint against its hash, and the RFC 3161 time-stamp
 * tokens on the checkpoint (signature and imprint; with --trust, also the
 * chain to that authority's CA). Exit code 0 when every check passes, 1 when
 * one fails, 2 when the files cannot be read.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { checkpointCanonical } from '../shared/proof/canonical';
import type { Sha256 } from '../shared/proof/merkle';
import { verifyReceiptFile, type ReceiptFile, type TokenVerifier } from '../shared/proof/receipt';
import { checkToken } from '../server/src/timestamping/token';

const nodeSha256: Sha256 = async (bytes) =>
  new Uint8Array(createHash('sha256').update(bytes).digest());

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const trustAt = argv.indexOf('--trust');
  const trustFile = trustAt >= 0 ? argv[trustAt + 1] : undefined;
  const file = argv.find((a, i) => !a.startsWith('--') && (trustAt < 0 || i !== trustAt + 1));
  if (!file || (trustAt >= 0 && !trustFile)) {
    process.stderr.write(
      'usage: policy-ledger-verify-receipt <receipt.json> [--trust tsa-ca.pem] [--json]\n',
    );
    return 2;
  }
  let trust: string | null = null;
  if (trustFile) {
    try {
      trust = readFileSync(trustFile, 'utf8');
    } catch (e) {
      process.stderr.write(`cannot read ${trustFile}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  let receipt: ReceiptFile;
  try {
    receipt = JSON.parse(readFileSync(file, 'utf8')) as ReceiptFile;
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  // Each token must stamp this checkpoint: its canonical JSON, whose SHA-256 is the checkpoint hash.
  const verifyToken: TokenVerifier = async (t) => {
    const { hash: _hash, ...content } = receipt.proof.checkpoint;
    const r = await checkToken(
      new Uint8Array(Buffer.from(t.token, 'base64')),
      new TextEncoder().encode(checkpointCanonical(content)),
      trust,
    );
    return { ok: r.ok, detail: r.detail };
  };
  const result = await verifyReceiptFile(receipt, nodeSha256, verifyToken);
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    for (const c of result.checks) {
      const mark = c.ok === true ? 'ok  ' : c.ok === false ? 'FAIL' : '--  ';
      process.stdout.write(`${mark} ${c.check}: ${c.detail}\n`);
    }
    process.stdout.write(
      result.ok ? 'The receipt checks out.\n' : 'The receipt does NOT check out.\n',
    );
  }
  return result.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(2);
  },
);
