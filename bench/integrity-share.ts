/**
 * What share of a submission's server CPU the integrity work takes.
 *
 *   npm run bench:integrity -- [--db=postgres|sqlite] [--seconds=20]
 *
 * Starts the bench server (bench/server.ts) under `node --cpu-prof`, pinned
 * to CPU 0, posts submissions at it with autocannon from CPU 1 (16
 * connections, every request its own e-mail, as `submit-*` in bench/run.ts),
 * stops it, and reads the V8 CPU profile: of the CPU time the server spent
 * (idle excluded, garbage collection included), how much was inside
 *   - integrity: `eventHash` (the event's canonical form and SHA-256) and
 *     `evidenceOf` (the evidence record's canonical form and SHA-256);
 *   - pseudonyms: `subjectRef` (HMAC-SHA-256 of the e-mail; privacy, not
 *     integrity, shown for comparison).
 * Without that work a submission would cost (1 − share) of its CPU, so the
 * throughput it costs is at most share / (1 − share) (less where the server
 * waits for the database). Merkle sealing runs in the sealing job, not in
 * requests; its cost per event is measured by bench/scale.ts (verification).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { startChild, stopChild } from './lib/children';
import { selfTimes } from './lib/self-time';

const ROOT = path.resolve(__dirname, '..');
const arg = (name: string, dflt: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const DB = arg('db', 'postgres');
const SECONDS = Number(arg('seconds', '20'));
/** Where the self-time table goes (Markdown). */
const OUT_FILE = arg('out', path.join('bench', 'out', `profile-${DB}.md`));
const TOP = 25;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Microseconds of samples whose stack includes one of each group's functions, and the busy total, during the load. */
export function shareOf(profile: Profile, groups: Record<string, string[]>, window: string) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inGroup = new Map<number, Set<string>>(); // node id → groups on its stack (memoized)
  const groupsOf = (id: number): Set<string> => {
    const hit = inGroup.get(id);
    if (hit) return hit;
    const p = parent.get(id);
    const set = new Set(p === undefined ? [] : groupsOf(p));
    const fn = byId.get(id)!.callFrame.functionName;
    for (const [g, names] of Object.entries(groups)) if (names.includes(fn)) set.add(g);
    inGroup.set(id, set);
    return set;
  };
  // Only the load window: from the first sample in `window` to the last (boot and shutdown left out).
  const inWindow = profile.samples.map((id) => groupsOf(id).has(window));
  const first = inWindow.indexOf(true);
  const last = inWindow.lastIndexOf(true);
  let busy = 0;
  let wall = 0;
  const us: Record<string, number> = Object.fromEntries(Object.keys(groups).map((g) => [g, 0]));
  profile.samples.forEach((id, i) => {
    if (i < first || i > last) return;
    const dt = profile.timeDeltas[i] ?? 0;
    wall += dt;
    if (byId.get(id)!.callFrame.functionName === '(idle)') return;
    busy += dt;
    for (const g of groupsOf(id)) us[g] += dt;
  });
  return { busy, wall, us, first, last };
}

async function main() {
  const profDir = path.join(ROOT, 'bench', 'out', 'profiles');
  fs.rmSync(profDir, { recursive: true, force: true });
  fs.mkdirSync(profDir, { recursive: true });
  execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/build-plugin.mjs'], { cwd: ROOT, stdio: 'inherit' });

  const env: Record<string, string> = {
    DATABASE_CLIENT: DB,
    NODE_ENV: 'production',
    // Abuse limits on but out of reach, as in bench/run.ts: every request comes from 127.0.0.1.
    POLICY_LEDGER_LIMIT_PER_ADDRESS: '1000000000',
    POLICY_LEDGER_LIMIT_PER_SUBJECT: '1000000000',
  };
  const dbName = `policy_ledger_share_${process.pid}`;
  if (DB === 'postgres') {
    execFileSync(process.execPath, ['scripts/test-db.mjs', 'create', 'postgres', dbName], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    env.DATABASE_NAME = dbName;
  }
  const server = await startChild({
    name: `share-${DB}`,
    script: path.join(ROOT, 'bench', 'server.ts'),
    args: ['--port=0', '--watch-stdin'],
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
    env,
    cpus: '0',
    logDir: path.join(ROOT, 'bench', 'out', 'logs'),
    cwd: ROOT,
  });
  let seq = 0;
  const body = () =>
    JSON.stringify({
      locale: 'kk',
      data: { name: 'Bench', email: `s${++seq}@example.com` },
      purposes: { processing: true, marketing: false },
      accepted: [{ policy: 'privacy', version: 1 }],
    });
  const urlPath = '/api/policy-ledger/forms/contact/submissions';
  let result: autocannon.Result;
  try {
    result = await new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(
        {
          url: `http://127.0.0.1:${server.port}${urlPath}`,
          connections: 16,
          duration: SECONDS,
          requests: [
            {
              method: 'POST',
              path: urlPath,
              headers: { 'content-type': 'application/json' },
              setupRequest: (req) => ({ ...req, body: body() }),
            },
          ],
        },
        (e, r) => (e ? reject(e) : resolve(r)),
      ),
    );
  } finally {
    await stopChild(server.proc, 20_000);
    if (DB === 'postgres')
      execFileSync(process.execPath, ['scripts/test-db.mjs', 'drop', 'postgres', dbName], {
        cwd: ROOT,
        stdio: 'pipe',
      });
  }
  const file = fs
    .readdirSync(profDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(profDir, f))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  if (!file) throw new Error(`no CPU profile in ${profDir}`);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const { busy, wall, us, first, last } = shareOf(
    profile,
    { integrity: ['eventHash', 'evidenceOf'], pseudonyms: ['subjectRef'], write: ['writeLedger'] },
    'write',
  );
  const n = result.requests.total;
  const non2xx = result.non2xx;
  if (non2xx > n / 100)
    throw new Error(
      `${non2xx} of ${n} submissions were refused (not 2xx): the profile would not be of submissions`,
    );
  const pct = (x: number) => `${((x / busy) * 100).toFixed(2)}%`;
  console.log(
    `# ${DB}: ${n.toLocaleString('en')} submissions in ${SECONDS} s (${Math.round(result.requests.average).toLocaleString('en')} req/s, non-2xx ${non2xx}) — profile ${path.relative(ROOT, file)}`,
  );
  console.log(
    `server CPU during the load: ${(busy / 1e6).toFixed(2)} s of ${(wall / 1e6).toFixed(2)} s (${((busy / wall) * 100).toFixed(0)}% busy), ${(busy / n).toFixed(0)} µs per submission`,
  );
  for (const [g, t] of Object.entries(us))
    console.log(
      `${g.padEnd(11)} ${(t / 1e6).toFixed(3)} s = ${pct(t)} of server CPU, ${(t / n).toFixed(1)} µs per submission`,
    );
  const share = us.integrity / busy;
  console.log(
    `integrity: at most ${((share / (1 - share)) * 100).toFixed(2)}% of submission throughput (goal ≤ 10%)`,
  );
  writeSelfTimes(profile, first, last, n, {
    head: `${n.toLocaleString('en')} submissions (${DB}) in ${SECONDS} s, ${Math.round(result.requests.average).toLocaleString('en')} req/s, non-2xx ${non2xx}; server CPU ${(busy / n).toFixed(0)} µs per submission`,
  });
}

/** The functions a submission spends its server CPU in, by self time: printed and written to OUT_FILE. */
function writeSelfTimes(
  profile: Profile,
  first: number,
  last: number,
  n: number,
  o: { head: string },
) {
  const { busy, rows, areas } = selfTimes(profile, (i) => i >= first && i <= last, ROOT);
  const byArea = [
    '| where | self µs per submission | share of server CPU |',
    '|---|---|---|',
    ...areas
      .slice(0, 12)
      .map((r) => `| ${r.fn} | ${(r.us / n).toFixed(1)} | ${((r.us / busy) * 100).toFixed(1)}% |`),
  ];
  const table = [
    '| # | function (where) | self µs per submission | share of server CPU |',
    '|---|---|---|---|',
    ...rows
      .slice(0, TOP)
      .map(
        (r, i) =>
          `| ${i + 1} | \`${r.fn.replace(/\|/g, '\\|')}\` | ${(r.us / n).toFixed(1)} | ${((r.us / busy) * 100).toFixed(1)}% |`,
      ),
  ];
  const text = [
    `# Where a submission's server CPU goes (${DB})`,
    '',
    `Written by \`npm run bench:integrity -- --db=${DB} --seconds=${SECONDS}\` on ${new Date().toISOString()}: ${o.head}.`,
    'The server runs under `node --cpu-prof` (pinned to CPU 0, autocannon on CPU 1, 16 connections, every request its own e-mail); the table is V8 self time (the function running, not its callees) over the load, idle left out, top ' +
      TOP +
      ' of ' +
      rows.length +
      ' functions. Profiling slows the server: read shares, not absolute figures.',
    '',
    '## By where the code lives',
    '',
    ...byArea,
    '',
    '## By function',
    '',
    ...table,
    '',
  ].join('\n');
  fs.mkdirSync(path.dirname(path.resolve(ROOT, OUT_FILE)), { recursive: true });
  fs.writeFileSync(path.resolve(ROOT, OUT_FILE), text);
  console.log(`\n${byArea.join('\n')}\n\n${table.join('\n')}\n\nwritten to ${OUT_FILE}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
