/**
 * npx policy-ledger-verify-receipt receipt.json|pack.json [--trust tsa-ca.pem] [--site https://example.kz] [--json]
 *
 * Also checks an evidence pack (one person, from admin → People): every
 * entry, text, proof, the checkpoint chain and its tokens (shared/proof/pack.ts).
 *
 * Checks a Policy Ledger receipt offline, with no access to the operator's
 * database: the event against its hash, its Merkle audit path to the sealed
 * checkpoint, the checkpoint against its hash, and the RFC 3161 time-stamp
 * tokens on the checkpoint (signature and imprint; with --trust, also the
 * chain to that authority's CA). With --site, also asks the site's public
 * checkpoint log for the chain from the receipt's checkpoint to today's head
 * and checks that the ledger today still extends it (shared/proof/chain.ts).
 * Exit code 0 when every check passes, 1 when one fails, 2 when the files (or
 * the site) cannot be read.
 */
import { readFileSync } from 'node:fs';
import { verifyReceiptFile, type ReceiptFile, type TokenVerifier } from '../shared/proof/receipt';
import { extendsKept, nodeSha256, option, valuePositions, tokenChecker } from './log-client';
import type { EvidencePack } from '../shared/contracts';
import { verifyEvidencePack } from '../shared/proof/pack';

/** Each token must stamp the receipt's checkpoint (the same check as the witness's). */
const receiptTokens =
  (receipt: ReceiptFile, trust: string | null): TokenVerifier =>
  (t) =>
    tokenChecker(trust)(t, receipt.proof.checkpoint);

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const trustFile = option(argv, '--trust');
  const site = option(argv, '--site');
  const valued = valuePositions(argv, ['--trust', '--site']);
  const file = argv.find((a, i) => !a.startsWith('--') && !valued.has(i));
  if (!file || (argv.includes('--trust') && !trustFile) || (argv.includes('--site') && !site)) {
    process.stderr.write(
      'usage: policy-ledger-verify-receipt <receipt.json> [--trust tsa-ca.pem] [--site <url>] [--json]\n',
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
  let parsed: ReceiptFile | EvidencePack;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as ReceiptFile | EvidencePack;
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const isPack = parsed?.format === 'policy-ledger-evidence/1';
  const result: {
    ok: boolean;
    checks: Array<{ check: string; ok: boolean | null; detail: string }>;
  } = isPack
    ? await verifyEvidencePack(parsed as EvidencePack, nodeSha256, tokenChecker(trust))
    : await verifyReceiptFile(
        parsed as ReceiptFile,
        nodeSha256,
        receiptTokens(parsed as ReceiptFile, trust),
      );
  // The checkpoint the file was sealed up to: with --site, today's ledger must still extend it.
  const kept = isPack
    ? (() => {
        const c = (parsed as EvidencePack).checkpoints;
        return c ? (c.chain[c.chain.length - 1] ?? c.from) : null;
      })()
    : (parsed as ReceiptFile).proof?.status === 'sealed'
      ? (parsed as ReceiptFile).proof.checkpoint
      : null;
  if (site && kept) {
    // Still part of the same ledger today? The chain from that checkpoint to the site's head.
    const today = await extendsKept(site, kept, trust);
    if (!today.result) {
      result.checks.push({
        check: 'same-ledger',
        ok: false,
        detail: `${site} no longer holds the ${isPack ? "pack's last" : "receipt's"} checkpoint: ${today.missing ?? 'not found'}`,
      });
    } else {
      result.checks.push(
        ...today.result.checks.map((c) => ({ ...c, check: `same-ledger ${c.check}` })),
      );
      if (today.result.ok) {
        result.checks.push({
          check: 'same-ledger',
          ok: true,
          detail: `${site} today (head ${today.result.head.id}, sealed ${today.result.head.sealedAt}) still extends the ${isPack ? "pack's last" : "receipt's"} checkpoint`,
        });
      }
    }
    result.ok = result.checks.every((c) => c.ok !== false);
  }
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    for (const c of result.checks) {
      const mark = c.ok === true ? 'ok  ' : c.ok === false ? 'FAIL' : '--  ';
      process.stdout.write(`${mark} ${c.check}: ${c.detail}\n`);
    }
    process.stdout.write(
      `The ${isPack ? 'evidence pack' : 'receipt'} ${result.ok ? 'checks out' : 'does NOT check out'}.\n`,
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
