/**
 * npm run ledger:verify — verifies the consent ledger of the database the
 * environment (.env) points at: every event hash, every checkpoint's Merkle
 * root and the checkpoint chain. Exits 0 when it matches, 1 on a mismatch
 * (naming the first one), 2 when it cannot run. `--incremental`: from the
 * last verified checkpoint only.
 */
import path from 'node:path';
import { createStrapi } from '@strapi/strapi';
// @ts-expect-error -- plain ESM build script without types
import { buildPlugin, transpile } from './build-plugin.mjs';

const ROOT = path.resolve(__dirname, '..');

async function main(): Promise<number> {
  const buildDir = path.join(ROOT, '.tmp', 'cli-build');
  await buildPlugin();
  await transpile(path.join(ROOT, 'config'), path.join(buildDir, 'config'));
  await transpile(path.join(ROOT, 'src'), path.join(buildDir, 'src'));
  // A read-only run: no demo seeding, no scheduled jobs.
  process.env.POLICY_LEDGER_DEMO = 'false';
  process.env.POLICY_LEDGER_JOBS = 'false';
  const strapi = createStrapi({
    appDir: ROOT,
    distDir: buildDir,
    autoReload: false,
    serveAdminPanel: false,
  });
  strapi.log.level = 'error';
  await strapi.load();
  try {
    const mode = process.argv.includes('--incremental') ? 'incremental' : 'full';
    const result = await strapi.plugin('policy-ledger').service('verification').verify(mode);
    const out = process.argv.includes('--json') ? JSON.stringify(result) : summary(result);
    console.log(out);
    return result.ok ? 0 : 1;
  } finally {
    await strapi.destroy();
  }
}

function summary(r: {
  ok: boolean;
  events: number;
  checkpoints: number;
  firstMismatch: { reason: string } | null;
  latestCheckpoint: { hash: string; seqTo: number } | null;
}) {
  const head = `${r.events} events, ${r.checkpoints} checkpoints`;
  const latest = r.latestCheckpoint
    ? `latest checkpoint ${r.latestCheckpoint.hash} (up to seq ${r.latestCheckpoint.seqTo})`
    : 'no checkpoint yet';
  return r.ok
    ? `ledger OK: ${head}; ${latest}`
    : `LEDGER MISMATCH: ${r.firstMismatch?.reason}\n${head}; ${latest}`;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`ledger:verify could not run: ${(err as Error).stack ?? err}`);
    process.exit(2);
  },
);
