// Runs the README's demo commands exactly as a newcomer types them, with no
// TypeScript loader in the environment (NODE_OPTIONS unset), each on a new
// SQLite file, and checks that the demo answers:
//
//   npm run develop                    (the README's "Try the demo")
//   npm run build && npm run start     (the production path)
//
// For each: wait for /_health, then GET the current policy in kk (200), submit
// the `contact` form (201 with a receipt) and the `newsletter` form (202,
// double opt-in), then stop the server with SIGINT and wait for it to exit.
// Every step has a time limit; on failure the server's log is printed.
//
//   node scripts/readme-commands.mjs      (CI runs it in a fresh clone; npm run test:readme)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECOND = 1000;

/** The environment a newcomer has: no loader; a new SQLite file and a free port of our choosing. */
function newcomerEnv(port, dbFile) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return {
    ...env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: dbFile,
    BROWSER: 'none',
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `npm run <script>` in its own process group, its output kept in `log`. */
function start(script, env, log) {
  const child = spawn('npm', ['run', script], { cwd: ROOT, env, detached: true });
  const keep = (chunk) => log.push(chunk.toString());
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return child;
}

/** Runs `npm run <script>` to its end within `limit` ms. */
async function runToEnd(script, env, log, limit) {
  const child = start(script, env, log);
  const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), limit);
  const { code, signal } = await child.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`npm run ${script} ended with ${signal ?? `exit code ${code}`}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(base, child, limit) {
  const until = Date.now() + limit;
  let exited = null;
  void child.exited.then((e) => (exited = e));
  while (Date.now() < until) {
    if (exited)
      throw new Error(`the server exited before it was healthy (${JSON.stringify(exited)})`);
    try {
      const res = await fetch(`${base}/_health`, { signal: AbortSignal.timeout(2 * SECOND) });
      if (res.status === 204) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`no healthy answer from ${base}/_health within ${limit / SECOND} s`);
}

async function request(base, method, url, body) {
  const res = await fetch(base + url, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15 * SECOND),
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // reported below
  }
  return { status: res.status, json, text };
}

function expect(ok, what, res) {
  if (!ok) throw new Error(`${what}: got ${res.status} ${res.text.slice(0, 500)}`);
}

/** The three requests the README's demo section promises. */
async function checkDemo(base, tag) {
  const current = await request(
    base,
    'GET',
    '/api/policy-ledger/policies/privacy/current?locale=kk',
  );
  expect(
    current.status === 200 && current.json?.data?.policy === 'privacy',
    'GET the current privacy policy in kk',
    current,
  );
  const contact = await request(base, 'POST', '/api/policy-ledger/forms/contact/submissions', {
    locale: 'ru',
    data: { name: 'Ana', email: `ana.${tag}@example.com` },
    purposes: { processing: true, marketing: false },
    accepted: [{ policy: 'privacy', version: current.json.data.version }],
  });
  expect(
    contact.status === 201 &&
      contact.json?.data?.status === 'recorded' &&
      contact.json.data.receipt?.events?.length > 0,
    'submit the contact form (recorded, with a receipt)',
    contact,
  );
  const newsletter = await request(
    base,
    'POST',
    '/api/policy-ledger/forms/newsletter/submissions',
    {
      locale: 'kk',
      data: { email: `bota.${tag}@example.com` },
      purposes: { marketing: true },
      accepted: [{ policy: 'privacy', version: current.json.data.version }],
    },
  );
  expect(
    newsletter.status === 202 && newsletter.json?.data?.status === 'pending',
    'submit the newsletter form (double opt-in: pending)',
    newsletter,
  );
  return 3;
}

async function stop(child, limit) {
  try {
    process.kill(-child.pid, 'SIGINT');
  } catch {
    return; // already gone
  }
  const timer = sleep(limit).then(() => 'timeout');
  if ((await Promise.race([child.exited, timer])) === 'timeout') {
    process.kill(-child.pid, 'SIGKILL');
    throw new Error(`the server did not stop within ${limit / SECOND} s of SIGINT`);
  }
}

const SCENARIOS = [
  { name: 'npm run develop', build: null, serve: 'develop', healthWithin: 300 * SECOND },
  {
    name: 'npm run build && npm run start',
    build: 'build',
    serve: 'start',
    healthWithin: 120 * SECOND,
  },
];

async function main() {
  let passed = 0;
  let failed = 0;
  for (const [i, s] of SCENARIOS.entries()) {
    const port = await freePort();
    const dbFile = path.join('.tmp', `readme-${process.pid}-${i}.db`);
    const env = newcomerEnv(port, dbFile);
    const base = `http://127.0.0.1:${port}`;
    const log = [];
    const started = Date.now();
    let child = null;
    try {
      console.log(`== ${s.name} (port ${port}, ${dbFile}, NODE_OPTIONS unset)`);
      if (s.build) await runToEnd(s.build, env, log, 600 * SECOND);
      child = start(s.serve, env, log);
      await waitForHealth(base, child, s.healthWithin);
      const checks = await checkDemo(base, `${process.pid}.${i}`);
      await stop(child, 30 * SECOND);
      child = null;
      passed += checks;
      console.log(
        `ok: ${s.name}: healthy, ${checks} requests answered as the README says, stopped (${Math.round((Date.now() - started) / SECOND)} s)`,
      );
    } catch (e) {
      failed += 1;
      console.error(`FAILED: ${s.name}: ${e.message}\n--- the server's log (last 200 lines) ---`);
      console.error(log.join('').split('\n').slice(-200).join('\n'));
      if (child) await stop(child, 10 * SECOND).catch(() => {});
    } finally {
      for (const suffix of [
        '',
        '-wal',
        '-shm',
        '-journal',
        '-limits',
        '-limits-wal',
        '-limits-shm',
      ])
        fs.rmSync(path.join(ROOT, dbFile + suffix), { force: true });
    }
  }
  console.log(`readme commands: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

await main();
