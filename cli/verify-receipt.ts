/**
 * npx policy-ledger-verify-receipt receipt.json [--json]
 *
 * Checks a Policy Ledger receipt offline, with no access to the operator's
 * database: the event against its hash, its Merkle audit path to the sealed
 * checkpoint, the checkpoint against its hash, and the time-stamp tokens on
 * the checkpoint. Exit code 0 when every check passes, 1 when one fails,
 * 2 when the file cannot be read.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Sha256 } from '../shared/proof/merkle';
import { verifyReceiptFile, type ReceiptFile } from '../shared/proof/receipt';

const nodeSha256: Sha256 = async (bytes) =>
  new Uint8Array(createHash('sha256').update(bytes).digest());

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: policy-ledger-verify-receipt <receipt.json> [--json]\n');
    return 2;
  }
  let receipt: ReceiptFile;
  try {
    receipt = JSON.parse(readFileSync(file, 'utf8')) as ReceiptFile;
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const result = await verifyReceiptFile(receipt, nodeSha256);
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
