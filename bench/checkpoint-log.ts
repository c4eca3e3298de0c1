/**
 * npm run bench:log -- --db=postgres   (DATABASE_NAME=<a database bench:scale filled>)
 *
 * Times the public checkpoint log and the evidence pack on the ledger
 * `npm run bench:scale` left (with `--checkpoint-size=100 --heavy=1000`:
 * 100,000 checkpoints for 10M events, and one person with 1,000 entries):
 * - a page of the log (`GET /checkpoints?after=<random>&limit=100`), over
 *   HTTP, 2,000 requests after 500 untimed: p50, p99;
 * - the consistency proof from the first checkpoint to the head
 *   (`GET /checkpoints/consistency?from=`), over HTTP: median of 5, with
 *   the number of checkpoints and the bytes;
 * - the evidence pack of one person of that ledger (`id:heavy`, else the
 *   `id:s<n>` with the most events among the first 1,000): over HTTP as the
 *   admin downloads it, and through the service; median of 5.
 */
import { performance } from 'node:perf_hooks';
import { boot, shutdown, testApp } from '../tests/helpers/strapi';
import { BENCH_SUBJECT_SECRET } from './lib/subject-secret';
import { pseudonymOf } from '../server/src/utils/subjects';
import type { EvidencePack } from '../shared/contracts';
import { verifyEvidencePack } from '../shared/proof/pack';
import { nodeSha256 } from '../cli/log-client';

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  process.env.POLICY_LEDGER_SUBJECT_SECRET ??= BENCH_SUBJECT_SECRET;
  await boot();
  const { strapi, url, adminToken } = testApp();
  const knex = strapi.db.connection;
  const ids = (await knex('policy_ledger_checkpoints')
    .select('id', 'hash')
    .orderBy('id')) as Array<{
    id: number;
    hash: string;
  }>;
  const events = Number((await knex('policy_ledger_events').count({ n: '*' }).first())?.n);
  console.log(
    `# ${events.toLocaleString('en')} events, ${ids.length.toLocaleString('en')} checkpoints`,
  );
  const results: Record<string, number> = {};

  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const page = async () => {
    const after = ids[Math.floor(rnd() * ids.length)].id;
    const res = await fetch(`${url}/api/policy-ledger/checkpoints?after=${after}&limit=100`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`page: ${res.status}`);
  };
  for (let i = 0; i < 500; i++) await page();
  const ms: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    await page();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `log page (limit 100): p50 ${pct(ms, 50).toFixed(2)} ms, p99 ${pct(ms, 99).toFixed(2)} ms`,
  );
  results['log page p50 (ms)'] = Number(pct(ms, 50).toFixed(2));
  results['log page p99 (ms)'] = Number(pct(ms, 99).toFixed(2));

  const proofRuns: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const res = await fetch(`${url}/api/policy-ledger/checkpoints/consistency?from=${ids[0].hash}`);
    bytes = (await res.arrayBuffer()).byteLength;
    proofRuns.push(performance.now() - t);
  }
  console.log(
    `consistency proof over ${ids.length} checkpoints: ${median(proofRuns).toFixed(0)} ms (${(bytes / 1e6).toFixed(1)} MB)`,
  );
  results[`consistency proof, ${ids.length} checkpoints (ms)`] = Math.round(median(proofRuns));

  // `id:heavy` (bench:scale --heavy=N), else the person with the most events among id:s0 … id:s999.
  const people = ['id:heavy', ...Array.from({ length: 1000 }, (_, i) => `id:s${i}`)];
  const counts = (await knex('policy_ledger_events')
    .select('subject')
    .count({ n: '*' })
    .whereIn(
      'subject',
      people.map((p) => pseudonymOf(strapi, p)),
    )
    .groupBy('subject')) as Array<{ subject: string; n: number | string }>;
  const top = counts.sort((a, b) => Number(b.n) - Number(a.n))[0];
  const who = people.find((p) => pseudonymOf(strapi, p) === top.subject) as string;
  const packs = strapi.plugin('policy-ledger').service('evidence-packs') as unknown as {
    pack(identifier: string): Promise<EvidencePack>;
  };
  const packRuns: number[] = [];
  let decisions = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    decisions = (await packs.pack(who)).decisions.length;
    packRuns.push(performance.now() - t);
  }
  console.log(`evidence pack of ${who} (${decisions} entries): ${median(packRuns).toFixed(0)} ms`);
  results[`evidence pack, ${decisions} entries, service (ms)`] = Math.round(median(packRuns));

  // As the admin downloads it, then checked as policy-ledger-verify-receipt checks it.
  const httpRuns: number[] = [];
  let pack: EvidencePack | null = null;
  let packBytes = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const res = await fetch(
      `${url}/policy-ledger/subjects/evidence-pack?identifier=${encodeURIComponent(who)}`,
      { headers: { authorization: `Bearer ${adminToken}` } },
    );
    const text = await res.text();
    httpRuns.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`evidence pack: ${res.status} ${text.slice(0, 300)}`);
    packBytes = text.length;
    pack = JSON.parse(text) as EvidencePack;
  }
  console.log(
    `evidence pack over HTTP: ${median(httpRuns).toFixed(0)} ms (${(packBytes / 1e6).toFixed(1)} MB, ${pack?.checkpoints?.chain.length ?? 0} checkpoints in its chain)`,
  );
  results[`evidence pack, ${decisions} entries, HTTP (ms)`] = Math.round(median(httpRuns));
  const tv = performance.now();
  const verdict = await verifyEvidencePack(pack as EvidencePack, nodeSha256);
  const verifyMs = performance.now() - tv;
  // The generated entries name edition texts the demo does not hold (contentHash 'aaa…'):
  // every other check must pass.
  const failed = verdict.checks.filter((c) => c.ok === false && c.check !== 'text');
  if (failed.length) throw new Error(`the pack does not verify: ${JSON.stringify(failed)}`);
  console.log(`evidence pack verified offline: ${verifyMs.toFixed(0)} ms`);
  results['evidence pack, offline verification (ms)'] = Math.round(verifyMs);
  console.log(`JSON ${JSON.stringify({ events, checkpoints: ids.length, results })}`);
  await shutdown();
}

main().catch((e) => {
  console.error(String((e as Error).stack ?? e).slice(0, 2000));
  process.exit(1);
});
