/**
 * npx -p strapi-plugin-policy-ledger policy-ledger-witness <site url> --state witness.json [--trust tsa-ca.pem] [--json]
 *
 * Watches a site's public checkpoint log (GET /api/policy-ledger/checkpoints…)
 * as a third party: the first run checks the whole chain from its first
 * checkpoint; each later run asks for the chain from the head it kept to
 * today's head and checks, offline, that every checkpoint matches its hash,
 * extends the one before and carries tokens that stamp it (with --trust, from
 * that authority). It keeps the hash of every checkpoint it saw, so when the
 * site's history was rewritten it names the first checkpoint that changed.
 * Exit code 0: the ledger extends what was seen (the state file moves to the
 * new head); 1: it does not (the state file is left as it was, as evidence);
 * 2: the site or the files cannot be read.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { LogCheckpoint } from '../shared/contracts';
import { checkpointContent, verifyConsistency, type ChainResult } from '../shared/proof/chain';
import {
  apiOf,
  logAfter,
  nodeSha256,
  option,
  valuePositions,
  tokenChecker,
  Unreadable,
  extendsKept,
} from './log-client';

const USAGE =
  'usage: policy-ledger-witness <site url> --state witness.json [--trust tsa-ca.pem] [--json]\n';

/** What the witness keeps between runs. */
interface WitnessState {
  format: 'policy-ledger-witness/1';
  site: string;
  /** The newest checkpoint seen, as the log showed it (without its tokens). */
  head: Omit<LogCheckpoint, 'timestamps'> | null;
  /** Every checkpoint seen: [id, hash], oldest first. */
  seen: Array<[number, string]>;
  checkedAt: string;
}

/** The first checkpoint the witness saw whose hash the log now gives differently (or no longer has). */
async function firstChanged(api: string, seen: Array<[number, string]>): Promise<string> {
  const now = new Map((await logAfter(api, 0)).map((c) => [c.id, c.hash]));
  for (const [id, hash] of seen) {
    const current = now.get(id);
    if (current !== hash) {
      return current === undefined
        ? `checkpoint ${id} (hash ${hash}) is gone from the log: history was cut or rewritten from there`
        : `checkpoint ${id} was rewritten: it had hash ${hash}, the log now gives ${current}`;
    }
  }
  return 'every checkpoint seen is still in the log, yet the head kept is not: the log answers inconsistently';
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const statePath = option(argv, '--state');
  const trustPath = option(argv, '--trust');
  const valued = valuePositions(argv, ['--state', '--trust']);
  const site = argv.find((a, i) => !a.startsWith('--') && !valued.has(i));
  if (!site || !statePath || (argv.includes('--trust') && !trustPath)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const api = apiOf(site);
  let trust: string | null = null;
  let state: WitnessState | null = null;
  try {
    if (trustPath) trust = readFileSync(trustPath, 'utf8');
    state = JSON.parse(readFileSync(statePath, 'utf8')) as WitnessState;
  } catch (e) {
    if (
      (e as NodeJS.ErrnoException).code !== 'ENOENT' ||
      !(e as NodeJS.ErrnoException).path?.endsWith(statePath)
    ) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
  }
  if (state && state.format !== 'policy-ledger-witness/1') {
    process.stderr.write(`${statePath} is not a policy-ledger witness state\n`);
    return 2;
  }

  const verifyToken = tokenChecker(trust);

  let result: ChainResult | null = null;
  let failure: string | null = null;
  let added: LogCheckpoint[] = [];
  if (!state?.head) {
    // First run: the whole log, from its first checkpoint.
    const all = await logAfter(api, 0);
    if (all.length) {
      const [first, ...rest] = all;
      result = await verifyConsistency(
        first,
        { from: first, chain: rest },
        nodeSha256,
        verifyToken,
      );
      if (first.prevHash !== null) {
        result.ok = false;
        result.forkAt ??= first.id;
        result.checks.unshift({
          check: 'link',
          ok: false,
          detail: `the log's first checkpoint (${first.id}) chains to ${first.prevHash}: earlier checkpoints are missing`,
        });
      }
      added = all;
    }
  } else {
    const got = await extendsKept(site, state.head, trust);
    if (!got.result || !got.proof) failure = await firstChanged(api, state.seen);
    else {
      result = got.result;
      if (result.checks.some((c) => c.check === 'kept' && c.ok === false))
        failure = await firstChanged(api, state.seen);
      added = got.proof.chain;
    }
  }

  const ok = failure === null && (result?.ok ?? true);
  const head = ok ? (result?.head ?? null) : null;
  if (ok) {
    const seen = [...(state?.seen ?? []), ...added.map((c): [number, string] => [c.id, c.hash])];
    const next: WitnessState = {
      format: 'policy-ledger-witness/1',
      site,
      head: head
        ? { id: head.id, hash: head.hash, ...checkpointContent(head) }
        : (state?.head ?? null),
      seen,
      checkedAt: new Date().toISOString(),
    };
    writeFileSync(`${statePath}.tmp`, `${JSON.stringify(next)}\n`);
    renameSync(`${statePath}.tmp`, statePath);
  }

  const checks = [
    ...(failure ? [{ check: 'kept', ok: false, detail: failure }] : []),
    ...(result?.checks ?? []),
  ];
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ok, site, forkAt: result?.forkAt ?? null, head: head?.id ?? state?.head?.id ?? null, added: added.length, checks }, null, 2)}\n`,
    );
  } else {
    for (const c of checks) {
      const mark = c.ok === true ? 'ok  ' : c.ok === false ? 'FAIL' : '--  ';
      process.stdout.write(`${mark} ${c.check}: ${c.detail}\n`);
    }
    const where = head ?? state?.head;
    process.stdout.write(
      ok
        ? where
          ? `OK ${site}: head ${where.id} ${where.hash}, ${added.length} new checkpoint(s)\n`
          : `OK ${site}: no checkpoint yet\n`
        : `FORK ${site}: the ledger does NOT extend what this witness saw (state kept in ${statePath})\n`,
    );
  }
  return ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(
      `${e instanceof Unreadable ? e.message : ((e as Error).stack ?? String(e))}\n`,
    );
    process.exit(2);
  },
);
