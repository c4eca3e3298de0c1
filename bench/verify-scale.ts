/**
 * npm run bench:verify -- --db=postgres [--threads=N]   (DATABASE_NAME=<a database bench:scale filled>)
 *
 * Times verification on a ledger `npm run bench:scale` left behind, on a
 * quiet machine: the full verification of every event, audit entry and
 * checkpoint (hashes only), the consistency check of the reports apart, and
 * an incremental verification of one new sealing period of 10,000 events.
 */
import { performance } from 'node:perf_hooks';
import { boot, shutdown, testApp } from '../tests/helpers/strapi';
import { appendPeriod } from './scale';

const arg = (name: string, dflt: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;

async function timed<T>(label: string, fn: () => Promise<T>) {
  const t = performance.now();
  const result = await fn();
  const ms = performance.now() - t;
  console.log(`${label}: ${ms.toFixed(1)} ms`);
  return { label, ms: Math.round(ms * 10) / 10, result };
}

async function main() {
  const db = arg('db', process.env.DATABASE_CLIENT ?? 'postgres');
  process.env.DATABASE_CLIENT = db;
  await boot();
  const { strapi } = testApp();
  const verification = strapi.plugin('policy-ledger').service('verification');
  const events = Number(
    (await strapi.db.connection('policy_ledger_events').count({ n: '*' }).first())?.n,
  );
  console.log(`# ${db}: ${events.toLocaleString('en')} events`);
  const threads = process.argv.some((a) => a.startsWith('--threads='))
    ? Number(arg('threads', '1'))
    : undefined;
  const full = await timed(
    `full verification (hashes, Merkle roots, chain; threads: ${threads ?? 'default'})`,
    () => verification.verify('full', { consistency: false, threads }),
  );
  const consistency = await timed('consistency (counters full, 1,000 people sampled)', () =>
    strapi.plugin('policy-ledger').service('consistency').check('full'),
  );
  await appendPeriod(strapi.db.connection, db, 10_000);
  await strapi.plugin('policy-ledger').service('integrity').seal();
  const incremental = await timed('incremental verification of one period (10,000 events)', () =>
    verification.verify('incremental'),
  );
  const f = full.result as { ok: boolean; events: number };
  const i = incremental.result as { ok: boolean; mode: string; events: number };
  const c = consistency.result as { ok: boolean };
  console.log(
    `JSON ${JSON.stringify({ db, events, full: { ms: full.ms, ok: f.ok, events: f.events }, consistency: { ms: consistency.ms, ok: c.ok }, incremental: { ms: incremental.ms, ok: i.ok, mode: i.mode, events: i.events } })}`,
  );
  await shutdown();
}

main().catch((e) => {
  console.error(String((e as Error).stack ?? e).slice(0, 2000));
  process.exit(1);
});
