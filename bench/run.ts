/**
 * The benchmark, in one command:
 *
 *   npm run bench [-- --quick] [-- --only=koa,current-fast] [-- --db=sqlite|postgres]
 *   (= node --import tsx bench/run.ts …)
 *
 * Starts what it needs (the bench Strapi app, a bare Koa baseline, a fresh
 * PostgreSQL database), pinned to CPU 0, drives them with autocannon from this
 * process pinned to CPU 1, prints every figure next to its baseline measured
 * in the same run, and writes bench/RESULTS.md. See bench/README.md.
 */
import { startMailSink, type MailSink } from '../tests/helpers/smtp';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import knex from 'knex';
// @ts-expect-error -- plain ESM build script without types
import { buildPlugin } from '../scripts/build-plugin.mjs';
import {
  cpuBusy,
  cpuTimes,
  ask,
  killAllNow,
  processCpuSeconds,
  startChild,
  stopAll,
  stopChild,
  type Child,
} from './lib/children';
import {
  SCENARIOS,
  SCENARIO_HEADER,
  evaluateGoals,
  fmtInt,
  fmtMs,
  fmtPct,
  isScenario,
  markdownTable,
  scenarioRows,
  summarize,
  table,
  type Db,
  type Round,
  type ScenarioName,
  type ScenarioResult,
} from './lib/results';
import { profileSection, type ProfileSection } from './lib/cpu-profile';
import type { CpuProfile } from './lib/self-time';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const LOGS = path.join(OUT, 'logs');
const RESULTS_FILE = path.join(__dirname, 'RESULTS.md');
/** A smoke run (quick, or some scenarios only) never overwrites the recorded full run. */
const resultsFile = (flags: Flags) =>
  flags.argv.length === 0 ? RESULTS_FILE : path.join(OUT, 'RESULTS.partial.md');
const SERVER_CPU = '0';
const CLIENT_CPU = '1';
const CURRENT_PATH = '/api/policy-ledger/policies/privacy/current?locale=kk';
const SUBMIT_PATH = '/api/policy-ledger/forms/contact/submissions';
/** The demo's double opt-in form: each submission is held (202) and its link e-mailed. */
const DOI_PATH = '/api/policy-ledger/forms/newsletter/submissions';
const ARTICLES_PATH = '/api/articles';

// ---------------------------------------------------------------------------
// Flags

interface Flags {
  quick: boolean;
  only: ScenarioName[];
  dbs: Db[];
  argv: string[];
}

const USAGE = `usage: node --import tsx bench/run.ts [--quick] [--only=<scenario,…>] [--db=sqlite|postgres]
scenarios: ${SCENARIOS.join(', ')}`;

function parseFlags(argv: string[]): Flags {
  let quick = false;
  let only: ScenarioName[] = [...SCENARIOS];
  let dbs: Db[] = ['sqlite', 'postgres'];
  for (const arg of argv) {
    const [key, value] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, null];
    if (key === '--quick' && value === null) quick = true;
    else if (key === '--only' && value) {
      const names = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = names.filter((n) => !isScenario(n));
      if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')}\n${USAGE}`);
      only = SCENARIOS.filter((s) => names.includes(s));
    } else if (key === '--db' && value) {
      const names = value.split(',').map((s) => s.trim());
      if (!names.every((n): n is Db => n === 'sqlite' || n === 'postgres'))
        throw new Error(`--db takes sqlite, postgres or both\n${USAGE}`);
      dbs = (['sqlite', 'postgres'] as const).filter((d) => names.includes(d));
    } else if (key === '--help' || key === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return { quick, only, dbs, argv };
}

// ---------------------------------------------------------------------------
// Scenarios

interface Profile {
  warmupSeconds: number;
  rounds: number;
  seconds: number;
  /** The CPU-profiled round of submit-postgres, after every timed round (its own server). */
  cpuProfileSeconds: number;
}

const QUICK: Profile = { warmupSeconds: 2, rounds: 1, seconds: 5, cpuProfileSeconds: 3 };
const FULL: Profile = { warmupSeconds: 5, rounds: 3, seconds: 15, cpuProfileSeconds: 10 };

interface Target {
  name: ScenarioName;
  what: string;
  db: Db | null;
  connections: number;
  /** The process that serves it (its CPU time is measured). */
  server: Child;
  options: () => autocannon.Options;
  command: string;
  expect: number;
}

/** Distinct e-mails and titles across every request of the run. */
let seq = 0;

/** How many client addresses the `*-1000addr` scenarios send (X-Forwarded-For, round robin). */
const ADDRESSES = 1000;
const is1000 = (s: ScenarioName) => s.endsWith('-1000addr');
/** The n-th client address of the `*-1000addr` scenarios: 10.77.0.0 … 10.77.3.231, in turn. */
const clientAddress = (n: number) => {
  const i = n % ADDRESSES;
  return `10.77.${i >> 8}.${i & 255}`;
};

function submissionBody(n: number) {
  return {
    locale: 'kk',
    data: { name: 'Bench', email: `b${n}@example.com` },
    purposes: { processing: true, marketing: false },
    accepted: [{ policy: 'privacy', version: 1 }],
  };
}

function newsletterBody(n: number) {
  return {
    locale: 'kk',
    data: { email: `b${n}@example.com` },
    purposes: { marketing: true },
    accepted: [{ policy: 'privacy', version: 1 }],
  };
}

function getTarget(
  name: ScenarioName,
  what: string,
  server: Child,
  urlPath: string,
  db: Db | null,
): Target {
  const url = `http://127.0.0.1:${server.port}${urlPath}`;
  return {
    name,
    what,
    db,
    connections: 32,
    server,
    expect: 200,
    options: () => ({ url, connections: 32, pipelining: 1, timeout: 10 }),
    command: `autocannon -c 32 -p 1 -d <seconds> '${url}'`,
  };
}

function postTarget(
  name: ScenarioName,
  what: string,
  server: Child,
  urlPath: string,
  db: Db,
  body: (n: number) => unknown,
  expect = 201,
  /** Each request from its own client address (X-Forwarded-For: the server trusts its proxy), in turn. */
  addresses = false,
): Target {
  const url = `http://127.0.0.1:${server.port}${urlPath}`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  return {
    name,
    what,
    db,
    connections: 16,
    server,
    expect,
    options: () => ({
      url,
      connections: 16,
      pipelining: 1,
      timeout: 10,
      requests: [
        {
          method: 'POST',
          path: urlPath,
          headers,
          setupRequest: (req) => {
            const n = ++seq;
            return {
              ...req,
              headers: addresses ? { ...headers, 'x-forwarded-for': clientAddress(n) } : headers,
              body: JSON.stringify(body(n)),
            };
          },
        },
      ],
    }),
    command: `autocannon -c 16 -p 1 -d <seconds> -m POST -H 'content-type: application/json'${addresses ? " -H 'x-forwarded-for: <address>'" : ''} -b '${JSON.stringify(body(0)).replace(/\b([bt])0\b/g, '$1<n>')}' '${url}'  # programmatic: setupRequest gives every request its own <n>${addresses ? ` and the client address 10.77.x.y number <n> mod ${ADDRESSES}` : ''}`,
  };
}

// ---------------------------------------------------------------------------
// Measuring

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function measure(t: Target, seconds: number): Promise<Round> {
  const srv0 = processCpuSeconds(t.server.pid);
  const cli0 = process.cpuUsage();
  const sys0 = cpuTimes();
  const t0 = performance.now();
  const r = await cannon({ ...t.options(), duration: seconds });
  const wall = (performance.now() - t0) / 1000;
  const srv1 = processCpuSeconds(t.server.pid);
  const cli = process.cpuUsage(cli0);
  const busy = cpuBusy(sys0, cpuTimes());
  const statusCounts = Object.fromEntries(
    Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count]),
  );
  const completed = Object.values(statusCounts).reduce((a, b) => a + b, 0);
  const serverSeconds = srv0 !== null && srv1 !== null ? srv1 - srv0 : null;
  const serverCpu = serverSeconds === null ? null : serverSeconds / wall;
  const clientCpu = (cli.user + cli.system) / 1e6 / wall;
  const other = (core: string, ours: number | null) =>
    pinned && busy && ours !== null ? Math.max(0, busy[Number(core)] - ours) : null;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    completed,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCounts,
    serverCpu,
    clientCpu,
    serverUsPerReq:
      serverSeconds === null || completed === 0 ? null : (serverSeconds / completed) * 1e6,
    bytesPerReq: r.requests.average > 0 ? r.throughput.average / r.requests.average : 0,
    otherServerCore: other(SERVER_CPU, serverCpu),
    otherClientCore: other(CLIENT_CPU, clientCpu),
    seconds: wall,
  };
}

function roundLine(name: string, label: string, r: Round): string {
  const codes = Object.entries(r.statusCounts)
    .map(([k, v]) => `${fmtInt(v)}×${k}`)
    .join(' ');
  return (
    `  ${name.padEnd(22)} ${label.padEnd(9)} ${fmtInt(r.rps).padStart(7)} req/s  p50 ${fmtMs(r.p50).padStart(7)}  p99 ${fmtMs(r.p99).padStart(8)}` +
    `  non-2xx ${r.non2xx}${r.errors ? ` errors ${r.errors}` : ''}${r.timeouts ? ` timeouts ${r.timeouts}` : ''}` +
    `  [${codes}]  server CPU ${fmtPct(r.serverCpu)} (${r.serverUsPerReq === null ? '?' : fmtInt(r.serverUsPerReq)} µs/req)  client CPU ${fmtPct(r.clientCpu)}` +
    (r.otherServerCore === null
      ? ''
      : `  other CPU ${fmtPct(r.otherServerCore)} / ${fmtPct(r.otherClientCore)}`)
  );
}

/**
 * Runs a group of scenarios round-robin (warm-up before each one's first
 * round), so slow drift (a growing table, a warming JIT) spreads over all.
 */
async function runGroup(
  targets: Target[],
  profile: Profile,
  results: Map<ScenarioName, ScenarioResult>,
) {
  for (const t of targets) {
    results.set(t.name, {
      name: t.name,
      what: t.what,
      connections: t.connections,
      db: t.db,
      server: t.server.name,
      command: t.command,
      rounds: [],
      summary: null,
      error: null,
    });
  }
  for (let round = 0; round < profile.rounds; round++) {
    for (const t of targets) {
      const res = results.get(t.name)!;
      if (res.error) continue;
      try {
        if (round === 0) {
          const w = await measure(t, profile.warmupSeconds);
          console.log(roundLine(t.name, 'warm-up', w));
        }
        const r = await measure(t, profile.seconds);
        res.rounds.push(r);
        console.log(roundLine(t.name, `${round + 1}/${profile.rounds}`, r));
      } catch (e) {
        res.error = (e as Error).message;
        console.log(`  ${t.name}: FAILED ${res.error}`);
      }
    }
  }
  for (const t of targets) {
    const res = results.get(t.name)!;
    res.summary = summarize(res.rounds);
  }
}

// ---------------------------------------------------------------------------
// Processes and databases

const pgDatabases = new Set<string>();

function testDb(action: 'create' | 'drop', name: string) {
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'test-db.mjs'), action, 'postgres', name],
    { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' },
  );
}

function dropDatabases() {
  for (const name of [...pgDatabases]) {
    try {
      testDb('drop', name);
      pgDatabases.delete(name);
    } catch (e) {
      console.error(`could not drop PostgreSQL database ${name}: ${(e as Error).message}`);
    }
  }
}

const PG_PREFIX = 'policy_ledger_bench_';

/** Drops the databases of earlier runs that were killed before they could (their pid is gone). */
async function dropStaleDatabases(): Promise<void> {
  const db = knex({
    client: 'pg',
    connection: {
      host: process.env.DATABASE_HOST ?? '127.0.0.1',
      port: Number(process.env.DATABASE_PORT ?? 5432),
      user: process.env.DATABASE_USERNAME ?? 'postgres',
      password: process.env.DATABASE_PASSWORD ?? '',
      database: 'postgres',
    },
    pool: { min: 0, max: 1 },
  });
  try {
    const rows = (await db('pg_database')
      .select('datname')
      .where('datname', 'like', `${PG_PREFIX}%`)) as Array<{ datname: string }>;
    for (const { datname } of rows) {
      const pid = Number(/^policy_ledger_bench_(\d+)_/.exec(datname)?.[1]);
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {
        // no such process
      }
      if (pid && !alive) {
        testDb('drop', datname);
        console.log(`dropped ${datname}, left by an interrupted run`);
      }
    }
  } catch {
    // PostgreSQL unreachable: the postgres session will say so
  } finally {
    await db.destroy();
  }
}

let pinned = false;

/** Pins every thread of this process (autocannon) to CLIENT_CPU; children are started under `taskset -c SERVER_CPU`. */
function pinSelf(notes: string[]): void {
  if (os.cpus().length < 2) {
    notes.push(
      `only ${os.cpus().length} CPU: nothing pinned, client and servers share it (figures are not comparable with a 2-core run)`,
    );
    return;
  }
  try {
    execFileSync('taskset', ['-a', '-cp', CLIENT_CPU, String(process.pid)], { stdio: 'pipe' });
    pinned = true;
  } catch (e) {
    notes.push(
      `could not pin with taskset (${(e as Error).message.split('\n')[0]}): nothing pinned`,
    );
  }
}

const commands: Array<{ what: string; command: string }> = [];

async function startStrapi(
  name: string,
  db: Db,
  fastPath: boolean,
  dbName: string | null,
  extraEnv: Record<string, string> = {},
  extraArgs: string[] = [],
): Promise<Child> {
  const env: Record<string, string> = {
    DATABASE_CLIENT: db,
    POLICY_LEDGER_FAST_PATH: String(fastPath),
    // Abuse limits on (each submission counts per address and per person in
    // the database) but out of reach: every request comes from 127.0.0.1 (or,
    // in the *-1000addr scenarios, from 1,000 addresses in turn).
    POLICY_LEDGER_LIMIT_PER_ADDRESS: '1000000000',
    POLICY_LEDGER_LIMIT_PER_SUBJECT: '1000000000',
    // Double opt-in links go out through Strapi's email plugin to a local SMTP server.
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort()),
    ...extraEnv,
  };
  if (dbName) env.DATABASE_NAME = dbName;
  const child = await startChild({
    name,
    script: path.join(__dirname, 'server.ts'),
    args: ['--port=0', '--watch-stdin', ...extraArgs],
    env,
    cpus: pinned ? SERVER_CPU : null,
    logDir: LOGS,
    cwd: ROOT,
  });
  commands.push({ what: `server ${name}`, command: child.command });
  const info = Object.entries(child.info)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(`  ${name}: pid ${child.pid}, port ${child.port}, ${info}`);
  if (child.info.fast_path !== undefined && child.info.fast_path !== String(fastPath)) {
    throw new Error(
      `${name}: POLICY_LEDGER_FAST_PATH=${fastPath} but the plugin reports fast_path=${child.info.fast_path}`,
    );
  }
  return child;
}

async function request(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: Buffer; type: string }> {
  const res = await fetch(url, init);
  return {
    status: res.status,
    body: Buffer.from(await res.arrayBuffer()),
    type: res.headers.get('content-type') ?? '',
  };
}

/** One request before the load: the scenario must answer what it is expected to. */
async function preflight(t: Target): Promise<void> {
  const o = t.options();
  const req = o.requests?.[0];
  const built = req?.setupRequest ? req.setupRequest({ ...req }, {}) : null;
  const res = await request(
    o.url,
    built
      ? { method: built.method, headers: built.headers, body: built.body as string }
      : undefined,
  );
  if (res.status !== t.expect) {
    throw new Error(
      `preflight ${t.name}: ${res.status} instead of ${t.expect}: ${res.body.toString('utf8').slice(0, 300)}`,
    );
  }
}

// ---------------------------------------------------------------------------
// Sessions: one server each, fresh database each

interface SessionContext {
  profile: Profile;
  flags: Flags;
  results: Map<ScenarioName, ScenarioResult>;
  notes: string[];
  servers: Record<string, Record<string, string>>;
  /** The profiled round of submit-postgres, if it ran. */
  cpuProfile: CpuProfileResult | null;
}

interface CpuProfileResult {
  server: string;
  seconds: number;
  round: Round | null;
  file: string | null;
  section: ProfileSection | null;
  /** Whether the plugin's functions are named by their source (its build unchanged during the round). */
  mapped: boolean;
  error: string | null;
}

function fail(
  ctx: SessionContext,
  names: ScenarioName[],
  db: Db | null,
  server: string,
  error: string,
) {
  for (const name of names) {
    ctx.results.set(name, {
      name,
      what: WHAT[name],
      connections: 0,
      db,
      server,
      command: '',
      rounds: [],
      summary: null,
      error,
    });
  }
}

const WHAT: Record<ScenarioName, string> = {
  koa: 'bare Koa serving the same bytes as current-fast (the ceiling)',
  'current-fast': `GET ${CURRENT_PATH} (fast path on)`,
  'current-route': `GET ${CURRENT_PATH} (POLICY_LEDGER_FAST_PATH=false: the Strapi route)`,
  'stock-findone': `GET ${ARTICLES_PATH}/<documentId> as Public (stock findOne)`,
  'submit-sqlite': `POST ${SUBMIT_PATH}, distinct e-mails (SQLite; durability full: synchronous=FULL, group commit)`,
  'submit-sqlite-normal': `POST ${SUBMIT_PATH}, distinct e-mails (SQLite; durability host: the demo's synchronous=NORMAL)`,
  'submit-sqlite-nolimits': `POST ${SUBMIT_PATH}, distinct e-mails (SQLite; POLICY_LEDGER_LIMITS=false: no abuse limits, as before 0.8)`,
  'submit-postgres-nolimits': `POST ${SUBMIT_PATH}, distinct e-mails (PostgreSQL; POLICY_LEDGER_LIMITS=false: no abuse limits, as before 0.8)`,
  'submit-sqlite-1000addr': `POST ${SUBMIT_PATH}, distinct e-mails, from ${ADDRESSES.toLocaleString('en')} client addresses in turn (X-Forwarded-For, proxy trusted) (SQLite)`,
  'submit-sqlite-nolimits-1000addr': `POST ${SUBMIT_PATH}, distinct e-mails, from ${ADDRESSES.toLocaleString('en')} client addresses in turn (X-Forwarded-For, proxy trusted) (SQLite; POLICY_LEDGER_LIMITS=false)`,
  'submit-postgres-1000addr': `POST ${SUBMIT_PATH}, distinct e-mails, from ${ADDRESSES.toLocaleString('en')} client addresses in turn (X-Forwarded-For, proxy trusted) (PostgreSQL)`,
  'submit-postgres-nolimits-1000addr': `POST ${SUBMIT_PATH}, distinct e-mails, from ${ADDRESSES.toLocaleString('en')} client addresses in turn (X-Forwarded-For, proxy trusted) (PostgreSQL; POLICY_LEDGER_LIMITS=false)`,
  'stock-create-sqlite': `POST ${ARTICLES_PATH} as Public (stock create, SQLite)`,
  'submit-postgres': `POST ${SUBMIT_PATH}, distinct e-mails (PostgreSQL)`,
  'submit-doi-sqlite': `POST ${DOI_PATH}, distinct e-mails (SQLite): double opt-in, 202, the link e-mailed over SMTP`,
  'submit-doi-postgres': `POST ${DOI_PATH}, distinct e-mails (PostgreSQL): double opt-in, 202, the link e-mailed over SMTP`,
  'stock-create-postgres': `POST ${ARTICLES_PATH} as Public (stock create, PostgreSQL)`,
};

let pgCounter = 0;

/** A fresh PostgreSQL database for one server, dropped at its end (or at exit). */
function createPgDatabase(): string {
  const dbName = `${PG_PREFIX}${process.pid}_${++pgCounter}`;
  try {
    testDb('create', dbName);
    pgDatabases.add(dbName);
  } catch (e) {
    throw new Error(
      `cannot create the PostgreSQL database ${dbName}: ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`,
    );
  }
  return dbName;
}

async function session(
  ctx: SessionContext,
  db: Db,
  fastPath: boolean,
  reads: ScenarioName[],
  writes: ScenarioName[],
  extraEnv: Record<string, string> = {},
) {
  const all = [...reads, ...writes];
  if (all.length === 0) return;
  const name = `strapi-${db}${fastPath ? '' : '-route'}${extraEnv.POLICY_LEDGER_DURABILITY === 'host' ? '-normal' : ''}${extraEnv.POLICY_LEDGER_LIMITS === 'false' ? '-nolimits' : ''}`;
  console.log(`\n== ${name}: ${all.join(', ')}`);
  let dbName: string | null = null;
  let server: Child | null = null;
  let koa: Child | null = null;
  try {
    if (db === 'postgres') dbName = createPgDatabase();
    server = await startStrapi(name, db, fastPath, dbName, extraEnv);
    ctx.servers[name] = { ...server.info, pid: String(server.pid) };
    const base = `http://127.0.0.1:${server.port}`;

    if (reads.length) {
      const targets: Target[] = [];
      for (const s of reads) {
        try {
          if (s === 'koa') {
            const cur = await request(base + CURRENT_PATH);
            if (cur.status !== 200) throw new Error(`GET ${CURRENT_PATH} answered ${cur.status}`);
            const bodyFile = path.join(OUT, 'koa-body.bin');
            fs.writeFileSync(bodyFile, cur.body);
            koa = await startChild({
              name: 'koa-baseline',
              script: path.join(__dirname, 'koa-baseline.ts'),
              args: [
                `--body=${path.relative(ROOT, bodyFile)}`,
                `--type=${cur.type}`,
                '--port=0',
                '--watch-stdin',
              ],
              cpus: pinned ? SERVER_CPU : null,
              logDir: LOGS,
              cwd: ROOT,
            });
            commands.push({ what: 'server koa-baseline', command: koa.command });
            console.log(
              `  koa-baseline: pid ${koa.pid}, port ${koa.port}, ${cur.body.length} bytes of ${cur.type}`,
            );
            const echo = await request(`http://127.0.0.1:${koa.port}${CURRENT_PATH}`);
            if (!echo.body.equals(cur.body) || echo.type !== cur.type)
              throw new Error('the Koa baseline does not serve the captured response');
            targets.push(getTarget('koa', WHAT.koa, koa, CURRENT_PATH, null));
          } else if (s === 'current-fast' || s === 'current-route') {
            targets.push(getTarget(s, WHAT[s], server, CURRENT_PATH, db));
          } else if (s === 'stock-findone') {
            const list = await request(base + ARTICLES_PATH);
            const documentId = (
              JSON.parse(list.body.toString('utf8')) as { data?: Array<{ documentId: string }> }
            ).data?.[0]?.documentId;
            if (list.status !== 200 || !documentId)
              throw new Error(`GET ${ARTICLES_PATH} answered ${list.status} without an article`);
            targets.push(getTarget(s, WHAT[s], server, `${ARTICLES_PATH}/${documentId}`, db));
          }
          await preflight(targets[targets.length - 1]);
        } catch (e) {
          fail(ctx, [s], db, name, (e as Error).message);
          console.log(`  ${s}: FAILED ${(e as Error).message}`);
        }
      }
      await runGroup(
        targets.filter((t) => !ctx.results.get(t.name)?.error),
        ctx.profile,
        ctx.results,
      );
      if (koa) {
        await stopChild(koa.proc);
        koa = null;
      }
    }

    if (writes.length) {
      const targets: Target[] = [];
      for (const s of writes) {
        const t = s.startsWith('submit-doi-')
          ? postTarget(s, WHAT[s], server, DOI_PATH, db, newsletterBody, 202)
          : s.startsWith('submit-')
            ? postTarget(s, WHAT[s], server, SUBMIT_PATH, db, submissionBody, 201, is1000(s))
            : postTarget(s, WHAT[s], server, ARTICLES_PATH, db, (n) => ({
                data: { title: `t${n}`, body: 'x' },
              }));
        try {
          // Without a trusted proxy every request would still count against 127.0.0.1.
          if (is1000(s) && server.info.trust_proxy !== 'true')
            throw new Error(
              `${name} does not trust its proxy (trust_proxy=${server.info.trust_proxy}): X-Forwarded-For would be ignored`,
            );
          await preflight(t);
          targets.push(t);
        } catch (e) {
          fail(ctx, [s], db, name, (e as Error).message);
          console.log(`  ${s}: FAILED ${(e as Error).message}`);
        }
      }
      await runGroup(targets, ctx.profile, ctx.results);
    }
  } catch (e) {
    const message = (e as Error).message;
    console.log(`  ${name}: FAILED ${message}`);
    fail(
      ctx,
      all.filter((s) => !ctx.results.get(s)?.summary),
      db,
      name,
      message.split('\n')[0],
    );
    ctx.notes.push(`${name}: ${message.split('\n')[0]}`);
  } finally {
    if (koa) await stopChild(koa.proc);
    if (server) await stopChild(server.proc);
    if (dbName) dropDatabases();
  }
}

/**
 * One more round of submit-postgres, on its own server and fresh database
 * after every timed round (so the profiler slows none of them), with V8's
 * CPU profiler on for exactly the round (after a warm-up): where a
 * submission's server CPU goes, by package and by function.
 */
async function cpuProfileRound(ctx: SessionContext): Promise<void> {
  const name = 'strapi-postgres-profile';
  const seconds = ctx.profile.cpuProfileSeconds;
  console.log(
    `\n== ${name}: submit-postgres under V8's CPU profiler (${seconds} s after a ${ctx.profile.warmupSeconds} s warm-up; not timed)`,
  );
  const result: CpuProfileResult = {
    server: name,
    seconds,
    round: null,
    file: null,
    section: null,
    mapped: false,
    error: null,
  };
  ctx.cpuProfile = result;
  let server: Child | null = null;
  let dbName: string | null = null;
  try {
    dbName = createPgDatabase();
    const built = distStamp();
    server = await startStrapi(name, 'postgres', true, dbName, {}, ['--profile-control']);
    ctx.servers[name] = { ...server.info, pid: String(server.pid) };
    const t = postTarget(
      'submit-postgres',
      WHAT['submit-postgres'],
      server,
      SUBMIT_PATH,
      'postgres',
      submissionBody,
    );
    await preflight(t);
    console.log(roundLine(t.name, 'warm-up', await measure(t, ctx.profile.warmupSeconds)));
    // Its own folder: bench:integrity empties bench/out/profiles/.
    const file = path.join(OUT, 'cpu-profile', 'submit-postgres.cpuprofile');
    await ask(server, 'profile-start', /^PROFILING$/, /^PROFILE-ERROR /);
    const round = await measure(t, seconds);
    await ask(server, `profile-stop ${file}`, /^PROFILED /, /^PROFILE-ERROR /);
    console.log(roundLine(t.name, 'profiled', round));
    result.round = round;
    result.file = file;
    // The plugin's frames are named through the source map of dist/server, unless something
    // rebuilt it since the server loaded it (another build on the machine).
    const sameBuild = distStamp() === built;
    result.mapped = sameBuild;
    if (!sameBuild)
      ctx.notes.push(
        'CPU profile: dist/server was rebuilt during the profiled round: its functions are named by their place in the build, not mapped to their source',
      );
    const cpu = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
    result.section = profileSection(cpu, {
      root: ROOT,
      responses: round.completed,
      mapSources: sameBuild,
    });
    console.log(result.section.text);
    const refused = round.non2xx + round.errors + round.timeouts;
    if (refused > round.completed / 100)
      ctx.notes.push(
        `CPU profile: ${fmtInt(refused)} of ${fmtInt(round.completed)} submissions were not 2xx (or failed): the profile is not only of submissions`,
      );
  } catch (e) {
    result.error = (e as Error).message.split('\n')[0];
    console.log(`  ${name}: FAILED ${result.error}`);
    ctx.notes.push(`${name}: ${result.error}`);
  } finally {
    if (server) await stopChild(server.proc);
    if (dbName) dropDatabases();
  }
}

/** When dist/server/index.js was last written (and its size), to tell a rebuild. */
function distStamp(): string {
  try {
    const st = fs.statSync(path.join(ROOT, 'dist', 'server', 'index.js'));
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'none';
  }
}

function profileMarkdown(p: CpuProfileResult): string[] {
  const md = ["## Where a submission's server CPU goes (submit-postgres, profiled)", ''];
  if (!p.section || !p.round) {
    md.push(`Not profiled: ${p.error ?? 'no profile'}.`, '');
    return md;
  }
  const r = p.round;
  md.push(
    `One more round of \`submit-postgres\` after every timed round, on its own server (\`${p.server}\`: the settings of \`strapi-postgres\`, a fresh database) with V8's CPU profiler (1 ms sampling) on for the ${p.seconds} s of the round only, after a warm-up; none of the figures above was measured under the profiler, which slows the server: read shares, not absolute figures.`,
    `The round: ${fmtInt(r.rps)} req/s, p99 ${fmtMs(r.p99)}, ${fmtInt(r.completed)} responses (non-2xx ${fmtInt(r.non2xx)}), server CPU ${r.serverUsPerReq === null ? '?' : fmtInt(r.serverUsPerReq)} µs per response. ${p.mapped ? "The plugin's functions are named by their TypeScript source (its build's source map)." : 'dist/server was rebuilt during the round: its functions are named by their place in the build.'} Whole profile: \`${path.relative(ROOT, p.file!)}\` (Chrome DevTools → Performance, or VS Code).`,
    '',
    ...p.section.markdown,
    '',
  );
  return md;
}

// ---------------------------------------------------------------------------
// Report

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '?';
  }
}

interface Machine {
  nproc: string;
  cpu: string;
  node: string;
  os: string;
  memory: string;
  date: string;
  git: string;
  strapi: string;
  affinity: string;
  load: string;
}

function machineInfo(nproc: string): Machine {
  const cpu = os.cpus()[0]?.model ?? '?';
  const dirty = sh('git', ['-C', ROOT, 'status', '--porcelain'])
    ? ' (with uncommitted changes)'
    : '';
  let strapi = '?';
  try {
    strapi = (
      JSON.parse(
        fs.readFileSync(
          path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'package.json'),
          'utf8',
        ),
      ) as { version: string }
    ).version;
  } catch {
    // unknown
  }
  return {
    nproc,
    cpu,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    date: new Date().toISOString(),
    git: `${sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'])}${dirty}`,
    strapi,
    affinity: sh('taskset', ['-cp', String(process.pid)]),
    load: '?',
  };
}

function writeResults(
  flags: Flags,
  profile: Profile,
  machine: Machine,
  ctx: SessionContext,
  elapsed: number,
) {
  const goals = evaluateGoals(ctx.results);
  const argv = flags.argv.join(' ');
  const md: string[] = [];
  md.push('# Policy Ledger — benchmark results', '');
  md.push(
    `Written by \`npm run bench${argv ? ` -- ${argv}` : ''}\` (= \`node --import tsx bench/run.ts${argv ? ` ${argv}` : ''}\`) on ${machine.date}, in ${Math.round(elapsed)} s.`,
  );
  md.push(
    `Mode: ${flags.quick ? 'quick' : 'full'} — warm-up ${profile.warmupSeconds} s, then ${profile.rounds} round(s) of ${profile.seconds} s per scenario; figures are medians over rounds (req/s = autocannon's \`requests.average\`).`,
  );
  md.push(
    'Ratios divide figures measured in this same run. See bench/README.md for what each scenario is.',
    '',
  );
  md.push('## Goals', '');
  md.push(
    markdownTable(
      ['goal', 'measured', 'status', '', 'same ratio, other measure'],
      goals.map((g) => [
        g.goal,
        g.measured,
        g.status === 'met' ? '✅ met' : g.status === 'missed' ? '❌ missed' : '— not measured',
        g.detail,
        g.other,
      ]),
    ),
    '',
    "A ratio goal is judged on req/s, or, marked *by CPU/response*, on the server's CPU time per response (denominator µs / numerator µs: it depends less on what else the machine was doing); the last column gives the same ratio by the other measure, for information. *limits on / off* compares a server with the abuse limits on (out of reach) and one without: from one client address (every count on one row) and from 1,000 (X-Forwarded-For, as behind a proxy). p99: autocannon's, median over rounds.",
    '',
  );
  md.push('## Scenarios', '');
  md.push(markdownTable(SCENARIO_HEADER, scenarioRows(ctx.results)), '');
  md.push(
    "`server CPU`: CPU time of the server process (every thread) / wall time — 100% = its one pinned core busy. `client CPU`: the same for autocannon; near 100% means the client, not the server, set the pace. `server µs/req`: server CPU time per response. `other CPU`: what other processes used of the server's core / of the client's core during the rounds (/proc/stat user + system + steal time, minus ours; interrupts excluded) — PostgreSQL is not pinned and counts here; anything else there means the machine was shared and req/s are depressed.",
    '',
  );
  md.push('### Rounds', '');
  const roundRows: string[][] = [];
  for (const name of SCENARIOS) {
    const r = ctx.results.get(name);
    if (!r) continue;
    r.rounds.forEach((x, i) =>
      roundRows.push([
        name,
        String(i + 1),
        fmtInt(x.rps),
        fmtMs(x.p50),
        fmtMs(x.p99),
        fmtInt(x.completed),
        String(x.non2xx),
        fmtPct(x.serverCpu),
        fmtPct(x.clientCpu),
        x.otherServerCore === null
          ? '?'
          : `${fmtPct(x.otherServerCore)} / ${fmtPct(x.otherClientCore)}`,
        x.seconds.toFixed(1),
      ]),
    );
  }
  md.push(
    markdownTable(
      [
        'scenario',
        'round',
        'req/s',
        'p50',
        'p99',
        'responses',
        'non-2xx',
        'server CPU',
        'client CPU',
        'other CPU',
        'seconds',
      ],
      roundRows,
    ),
    '',
  );
  if (ctx.cpuProfile) md.push(...profileMarkdown(ctx.cpuProfile));
  md.push('## Machine', '');
  md.push(
    markdownTable(
      ['', ''],
      [
        ['nproc', machine.nproc],
        ['CPU', machine.cpu],
        ['memory', machine.memory],
        ['OS', machine.os],
        ['node', machine.node],
        ['Strapi', machine.strapi],
        ['commit', machine.git],
        ['date', machine.date],
        ['load average', machine.load],
        [
          'pinning',
          pinned
            ? `servers: \`taskset -c ${SERVER_CPU}\`; autocannon (this process): \`taskset -a -cp ${CLIENT_CPU}\` → ${machine.affinity}`
            : 'none',
        ],
        ...Object.entries(ctx.servers).map(([name, info]) => [
          name,
          Object.entries(info)
            .map(([k, v]) => `${k}=${v}`)
            .join(', '),
        ]),
      ],
    ),
    '',
  );
  md.push(
    '## Commands',
    '',
    '```sh',
    `npm run bench${argv ? ` -- ${argv}` : ''}`,
    `# = node --import tsx bench/run.ts${argv ? ` ${argv}` : ''}, which ran:`,
  );
  md.push(`taskset -a -cp ${CLIENT_CPU} <run.ts pid>`);
  for (const c of commands) md.push(`# ${c.what}`, c.command);
  for (const name of SCENARIOS) {
    const r = ctx.results.get(name);
    if (r?.command)
      md.push(`# ${name}: ${r.what}`, r.command.replace('<seconds>', String(profile.seconds)));
  }
  md.push('```', '');
  if (ctx.notes.length) md.push('## Notes', '', ...ctx.notes.map((n) => `- ${n}`), '');
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(resultsFile(flags), md.join('\n'));
  return goals;
}

// ---------------------------------------------------------------------------

let sink: MailSink | null = null;
const smtpPort = () => {
  if (!sink) throw new Error('the SMTP server is not started');
  return sink.port;
};

async function main() {
  sink = await startMailSink({ keep: false });
  const started = performance.now();
  const flags = parseFlags(process.argv.slice(2));
  const profile = flags.quick ? QUICK : FULL;
  const nproc = sh('nproc', []); // before pinning: nproc counts the CPUs this process may use
  const loadBefore = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const ctx: SessionContext = {
    profile,
    flags,
    results: new Map(),
    notes: [],
    servers: {},
    cpuProfile: null,
  };

  pinSelf(ctx.notes);
  fs.mkdirSync(LOGS, { recursive: true });
  console.log(
    `policy-ledger bench: ${flags.quick ? 'quick' : 'full'} (warm-up ${profile.warmupSeconds} s, ${profile.rounds} × ${profile.seconds} s), scenarios ${flags.only.join(', ')}, db ${flags.dbs.join(', ')}`,
  );
  console.log(
    pinned ? `pinned: servers on CPU ${SERVER_CPU}, autocannon on CPU ${CLIENT_CPU}` : 'not pinned',
  );
  await buildPlugin();
  if (flags.dbs.includes('postgres')) await dropStaleDatabases();

  const selected = new Set(flags.only);
  const pick = (names: ScenarioName[]) => names.filter((n) => selected.has(n));
  const skipped = flags.only.filter(
    (s) =>
      (/-sqlite\b/.test(s) && !flags.dbs.includes('sqlite')) ||
      (/-postgres\b/.test(s) && !flags.dbs.includes('postgres')),
  );
  if (skipped.length)
    ctx.notes.push(`skipped (--db=${flags.dbs.join(',')}): ${skipped.join(', ')}`);
  // Reads are database-independent (cached): they run on the first database selected.
  const readDb = flags.dbs[0];
  if (flags.dbs.length === 1 && readDb === 'postgres')
    ctx.notes.push('read scenarios ran on PostgreSQL (--db=postgres)');

  for (const db of flags.dbs) {
    const reads = db === readDb ? pick(['koa', 'current-fast', 'stock-findone']) : [];
    const writes = pick(
      db === 'sqlite'
        ? ['submit-sqlite', 'submit-sqlite-1000addr', 'submit-doi-sqlite', 'stock-create-sqlite']
        : [
            'submit-postgres',
            'submit-postgres-1000addr',
            'submit-doi-postgres',
            'stock-create-postgres',
          ],
    );
    await session(ctx, db, true, reads, writes);
    if (db === 'sqlite')
      await session(ctx, db, true, [], pick(['submit-sqlite-normal']), {
        POLICY_LEDGER_DURABILITY: 'host',
      });
    await session(
      ctx,
      db,
      true,
      [],
      pick([`submit-${db}-nolimits`, `submit-${db}-nolimits-1000addr`]),
      { POLICY_LEDGER_LIMITS: 'false' },
    );
    if (db === readDb) await session(ctx, db, false, pick(['current-route']), []);
  }
  // Where a submission's CPU goes: one more round under the profiler, its own server, after every timed round.
  if (selected.has('submit-postgres') && flags.dbs.includes('postgres')) await cpuProfileRound(ctx);
  if (sink?.received())
    ctx.notes.push(
      `the local SMTP server received ${sink.received().toLocaleString('en')} confirmation e-mails during the run (double opt-in scenarios)`,
    );

  for (const r of ctx.results.values()) {
    const s = r.summary;
    if (s && s.clientCpu > 0.9)
      ctx.notes.push(
        `${r.name}: autocannon used ${fmtPct(s.clientCpu)} of its core — the client may have set the pace; the figure is a lower bound`,
      );
    if (s && s.otherServerCore !== null && s.otherServerCore > 0.1 && !r.name.includes('-postgres'))
      ctx.notes.push(
        `${r.name}: other processes (or the hypervisor: steal) took ${fmtPct(s.otherServerCore)} of the server's core during the rounds: the machine was shared, req/s are depressed`,
      );
    else if (s && s.serverCpu !== null && s.serverCpu < 0.8)
      ctx.notes.push(
        `${r.name}: the server used only ${fmtPct(s.serverCpu)} of its core (waiting on the database or the client)`,
      );
    if (s && s.otherClientCore !== null && s.otherClientCore > 0.1)
      ctx.notes.push(
        `${r.name}: other processes used ${fmtPct(s.otherClientCore)} of autocannon's core during the rounds`,
      );
  }

  const machine = machineInfo(nproc);
  machine.load = `${loadBefore} at start, ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at the end (1/5/15 min)`;
  const goals = writeResults(flags, profile, machine, ctx, (performance.now() - started) / 1000);

  console.log('\n' + table(SCENARIO_HEADER, scenarioRows(ctx.results)));
  console.log(
    '\n' +
      table(
        ['goal', 'measured', 'status', '', 'other measure'],
        goals.map((g) => [g.goal, g.measured, g.status.toUpperCase(), g.detail, g.other]),
      ),
  );
  if (ctx.notes.length) console.log('\nnotes:\n' + ctx.notes.map((n) => `- ${n}`).join('\n'));
  console.log(
    `\nnproc ${machine.nproc}, node ${machine.node}, ${machine.date}; ${Math.round((performance.now() - started) / 1000)} s. Wrote ${path.relative(ROOT, resultsFile(flags))}.`,
  );
}

let cleaning = false;
async function cleanup(code: number) {
  if (cleaning) return;
  cleaning = true;
  await stopAll(3000);
  dropDatabases();
  process.exit(code);
}

process.on('exit', killAllNow);
process.on('SIGINT', () => {
  console.error('\ninterrupted: stopping the servers');
  void cleanup(130);
});
process.on('SIGTERM', () => void cleanup(143));

main().then(
  () => cleanup(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    void cleanup(1);
  },
);
