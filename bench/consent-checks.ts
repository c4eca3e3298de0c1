/**
 * npm run bench:checks -- --db=postgres [--people=N]   (DATABASE_NAME=<a database bench:scale filled>)
 *
 * Times the consent check the app's own code calls
 * (`strapi.plugin('policy-ledger').service('consents')`) on the ledger
 * `npm run bench:scale` left: person n of that ledger is `id:s<n>`.
 * - `check` for one person: 5,000 checks one after the other (after 5,000
 *   untimed ones, reported apart), people drawn at random (most have events,
 *   some none), purpose "marketing"; p50, p99, max;
 *   then the same with `policy: 'privacy'` (the edition in force also checked);
 * - `checkMany` for 100,000 people (`id:s0` … `id:s99999`, batches of 1,000).
 * First, the states a check reads are folded from the sealed ledger as the
 * sealing job does after each seal (consents/state-catch-up.ts), timed: on a
 * ledger bench:scale wrote, nothing is folded yet.
 */
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { boot, shutdown, testApp } from '../tests/helpers/strapi';
import { foldCheckStates } from '../server/src/consents/state-catch-up';
import { BENCH_SUBJECT_SECRET } from './lib/subject-secret';

const arg = (name: string, dflt: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;

interface Checks {
  check(q: { subject: string; purpose: string; policy?: string }): Promise<{ allowed: boolean }>;
  checkMany(q: {
    subjects: Iterable<string>;
    purpose: string;
  }): AsyncGenerator<{ allowed: boolean }>;
}

/**
 * Calls before any timing: for several seconds after boot, JIT compilation
 * and the start-up work of Strapi itself put milliseconds into the tail of
 * every call, a round trip `SELECT 1` included (p99 1.5–1.9 ms in the first
 * 5,000, 0.3 ms after, on a small ledger).
 */
const WARM = 5000;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const db = arg('db', process.env.DATABASE_CLIENT ?? 'postgres');
  process.env.DATABASE_CLIENT = db;
  // One subject secret for bench:scale and bench:checks: the same people on both sides.
  process.env.POLICY_LEDGER_SUBJECT_SECRET ??= BENCH_SUBJECT_SECRET;
  await boot();
  const { strapi } = testApp();
  const knex = strapi.db.connection;
  const events = Number((await knex('policy_ledger_events').count({ n: '*' }).first())?.n);
  // bench:scale draws people from 0 … (events sized for) / 3.
  const people = Number(arg('people', String(Math.max(1, Math.floor(events / 3)))));
  console.log(
    `# ${db}: ${events.toLocaleString('en')} events, people drawn from id:s0 … id:s${people - 1}`,
  );
  const foldStart = performance.now();
  const { folded } = await foldCheckStates(strapi, { maxEvents: Number.MAX_SAFE_INTEGER });
  const foldMs = performance.now() - foldStart;
  console.log(
    `fold of the check states: ${folded.toLocaleString('en')} events in ${(foldMs / 1000).toFixed(1)} s`,
  );
  const consents = strapi.plugin('policy-ledger').service('consents') as unknown as Checks;
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;

  const results: Record<string, number> = {};
  // The floor under any check: one round trip to the database on the same pool, nothing read.
  {
    const ms: number[] = [];
    for (let i = 0; i < WARM + 5000; i++) {
      const t = performance.now();
      await knex.raw('SELECT 1');
      if (i >= WARM) ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    console.log(
      `round trip (SELECT 1): p50 ${pct(ms, 50).toFixed(3)} ms, p99 ${pct(ms, 99).toFixed(3)} ms`,
    );
    results['round trip SELECT 1 p50'] = Math.round(pct(ms, 50) * 1000) / 1000;
    results['round trip SELECT 1 p99'] = Math.round(pct(ms, 99) * 1000) / 1000;
  }
  if (folded > 0)
    results['fold of the check states (events/s)'] = Math.round(folded / (foldMs / 1000));
  for (const policy of [undefined, 'privacy']) {
    const label = policy ? 'check (marketing, policy privacy)' : 'check (marketing)';
    // Warm-up: connections, statement plans, compiled code. The first checks
    // after boot are reported apart: a long-running app's checks are the later ones.
    const cold: number[] = [];
    for (let i = 0; i < WARM; i++) {
      const t = performance.now();
      await consents.check({
        subject: `id:s${Math.floor(rnd() * people)}`,
        purpose: 'marketing',
        policy,
      });
      cold.push(performance.now() - t);
    }
    cold.sort((a, b) => a - b);
    console.log(
      `${policy ? 'with policy, ' : ''}the first ${WARM.toLocaleString('en')} checks (warm-up): p50 ${pct(cold, 50).toFixed(3)} ms, p99 ${pct(cold, 99).toFixed(3)} ms`,
    );
    const ms: number[] = [];
    const spans: Array<[number, number]> = [];
    let allowed = 0;
    const gcs: Array<{ startTime: number; duration: number }> = [];
    const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
    for (let i = 0; i < 5000; i++) {
      const subject = `id:s${Math.floor(rnd() * people)}`;
      const t = performance.now();
      const r = await consents.check({ subject, purpose: 'marketing', policy });
      const end = performance.now();
      ms.push(end - t);
      spans.push([t, end]);
      if (r.allowed) allowed++;
    }
    await new Promise((r) => setImmediate(r));
    observer.disconnect();
    // The slowest 1% of checks: how many had a garbage collection pause of the process inside them.
    const slow = spans
      .map(([a, b]) => ({ a, b, d: b - a }))
      .sort((x, y) => y.d - x.d)
      .slice(0, 50);
    const withGc = slow.filter(({ a, b }) =>
      gcs.some((g) => g.startTime < b && g.startTime + g.duration > a),
    ).length;
    ms.sort((a, b) => a - b);
    const [p50, p99, max] = [pct(ms, 50), pct(ms, 99), ms[ms.length - 1]];
    console.log(
      `${label}: p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, max ${max.toFixed(3)} ms (${allowed} of 5,000 allowed; ${gcs.length} GC pauses, ${withGc} of the 50 slowest checks had one)`,
    );
    results[`${label} p50`] = Math.round(p50 * 1000) / 1000;
    results[`${label} p99`] = Math.round(p99 * 1000) / 1000;
  }

  const n = 100_000;
  function* list() {
    for (let i = 0; i < n; i++) yield `id:s${i}`;
  }
  const t = performance.now();
  let count = 0;
  let allowed = 0;
  for await (const r of consents.checkMany({ subjects: list(), purpose: 'marketing' })) {
    count++;
    if (r.allowed) allowed++;
  }
  const bulk = performance.now() - t;
  console.log(
    `checkMany of ${count.toLocaleString('en')} people: ${(bulk / 1000).toFixed(2)} s (${allowed.toLocaleString('en')} allowed)`,
  );
  results['checkMany 100,000 people (s)'] = Math.round(bulk) / 1000;
  console.log(`JSON ${JSON.stringify({ db, events, results })}`);
  await shutdown();
}

main().catch((e) => {
  console.error(String((e as Error).stack ?? e).slice(0, 2000));
  process.exit(1);
});
