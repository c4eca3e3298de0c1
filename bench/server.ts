/**
 * Boots the bench host app (bench/app) with the plugin and serves it:
 *
 *   node --import tsx bench/server.ts [--port=N]
 *
 * Prints `INFO key=value` lines (database, SQLite journal mode, fast path)
 * and then `READY <port>` on stdout once it listens. Exits on SIGTERM/SIGINT and,
 * with --watch-stdin (bench/run.ts passes it), when stdin closes, so that it
 * never outlives the run. A SQLite file is deleted on exit.
 *
 * With --profile-control, V8's CPU profiler is driven from stdin, so that a
 * profile covers exactly a load and not the boot: a line `profile-start`
 * starts it (answer `PROFILING`), `profile-stop <file>` stops it and writes
 * the profile, as `node --cpu-prof` would, to <file> (answer `PROFILED <file>`).
 *
 * Environment:
 * - DATABASE_CLIENT: sqlite (default; a fresh file under bench/out/) or
 *   postgres (DATABASE_NAME and friends name an existing, empty database);
 * - PORT (or --port): 0 = any free port;
 * - POLICY_LEDGER_FAST_PATH: true (default) or false, read by the plugin;
 * - BENCH_LOG_LEVEL: Strapi's log level (default error);
 * - BENCH_TRUST_PROXY: true (default) or false, Strapi's `server.proxy.koa`
 *   (bench/app/config/server.ts): the client address is X-Forwarded-For's.
 *
 * The plugin itself is loaded from dist/server: build it first
 * (`npm run build:plugin`; bench/run.ts does).
 */
// First: keeps the demo's .env out (before @strapi/strapi loads it).
import '../tests/helpers/no-dotenv';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { createStrapi, type Core } from '@strapi/strapi';
import { throwawaySecrets } from '../tests/helpers/secrets';
// @ts-expect-error -- plain ESM build script without types
import { transpile } from '../scripts/build-plugin.mjs';

const ROOT = path.resolve(__dirname, '..');
const APP_DIR = path.join(__dirname, 'app');

/**
 * Transpiles what the app needs into `buildDir`, mirroring the repository
 * layout so that bench/app/src's `../../../src/seed` import still resolves:
 *   <buildDir>/src            ← src/ (the host app's seed and locales)
 *   <buildDir>/config         ← config/ (database and plugins, re-exported by bench/app/config)
 *   <buildDir>/bench/app/...  ← bench/app/config and bench/app/src (the distDir)
 */
async function build(buildDir: string): Promise<string> {
  const distDir = path.join(buildDir, 'bench', 'app');
  await transpile(path.join(ROOT, 'src'), path.join(buildDir, 'src'));
  await transpile(path.join(ROOT, 'config'), path.join(buildDir, 'config'));
  await transpile(path.join(APP_DIR, 'config'), path.join(distDir, 'config'));
  await transpile(path.join(APP_DIR, 'src'), path.join(distDir, 'src'));
  return distDir;
}

async function info(strapi: Core.Strapi, client: string): Promise<Record<string, string>> {
  const out: Record<string, string> = { database: client };
  if (client === 'sqlite') {
    const rows = (await strapi.db.connection.raw('PRAGMA journal_mode')) as Array<{
      journal_mode: string;
    }>;
    const sync = (await strapi.db.connection.raw('PRAGMA synchronous')) as Array<{
      synchronous: number;
    }>;
    out.journal_mode = rows[0]?.journal_mode ?? '?';
    out.synchronous =
      ['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync[0]?.synchronous ?? -1] ??
      String(sync[0]?.synchronous);
  } else if (client === 'postgres') {
    const res = (await strapi.db.connection.raw('SHOW server_version')) as {
      rows: Array<{ server_version: string }>;
    };
    out.server_version = res.rows[0]?.server_version ?? '?';
  }
  const fastPath = strapi.plugin('policy-ledger').service('fast-path') as
    { state?: { enabled?: boolean } } | undefined;
  out.fast_path = String(fastPath?.state?.enabled ?? 'unknown');
  // Koa's `proxy`: whether the client address (and so the abuse limits' per-address count) is X-Forwarded-For's.
  out.trust_proxy = String(strapi.server.app.proxy);
  return out;
}

/** `profile-start` / `profile-stop <file>` on stdin: V8's CPU profiler over exactly the load that follows. */
function profileControl() {
  const session = new Session();
  session.connect();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const [command, file] = line.trim().split(/\s+/, 2);
    const run = async () => {
      if (command === 'profile-start') {
        await session.post('Profiler.enable');
        // 1 ms, as `node --cpu-prof` (--cpu-prof-interval 1000).
        await session.post('Profiler.setSamplingInterval', { interval: 1000 });
        await session.post('Profiler.start');
        say('PROFILING');
      } else if (command === 'profile-stop' && file) {
        const { profile } = await session.post('Profiler.stop');
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(profile));
        say(`PROFILED ${file}`);
      }
    };
    run().catch((e: unknown) => say(`PROFILE-ERROR ${(e as Error).message}`));
  });
}

async function main() {
  // tsx turns on source-mapped stack traces; `strapi start` runs without them, and with them
  // every Error whose stack is read costs a source-map lookup (Strapi's dist ships .map files).
  if (process.env.BENCH_SOURCE_MAPS !== 'true') process.setSourceMapsEnabled(false);
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'watch-stdin': { type: 'boolean' },
      'profile-control': { type: 'boolean' },
    },
    strict: true,
  });
  const port = Number(values.port ?? process.env.PORT ?? 0);
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client !== 'sqlite' && client !== 'postgres')
    throw new Error(`DATABASE_CLIENT must be sqlite or postgres (got "${client}")`);

  const buildDir = path.join(__dirname, 'out', `build-${client}`);
  const distDir = await build(buildDir);
  const sqliteFile = client === 'sqlite' ? path.join(buildDir, `bench-${process.pid}.db`) : null;
  const removeSqliteFile = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      if (sqliteFile) fs.rmSync(sqliteFile + suffix, { force: true });
  };
  if (sqliteFile) {
    removeSqliteFile();
    process.env.DATABASE_FILENAME = sqliteFile;
  }

  process.env.NODE_ENV ??= 'development';
  Object.assign(process.env, {
    DATABASE_CLIENT: client,
    HOST: '127.0.0.1',
    ...throwawaySecrets(),
    POLICY_LEDGER_FAST_PATH: process.env.POLICY_LEDGER_FAST_PATH ?? 'true',
    POLICY_LEDGER_DEMO: 'true',
    POLICY_LEDGER_JOBS: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
  });

  const strapi = createStrapi({
    appDir: APP_DIR,
    distDir,
    autoReload: false,
    serveAdminPanel: false,
  });
  strapi.log.level = process.env.BENCH_LOG_LEVEL ?? 'error';
  await strapi.load();
  strapi.server.mount();
  await new Promise<void>((resolve, reject) => {
    strapi.server.httpServer.once('error', reject);
    strapi.server.httpServer.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (strapi.server.httpServer.address() as AddressInfo).port;

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(code), 5000);
    force.unref();
    try {
      await strapi.destroy();
      removeSqliteFile();
    } finally {
      process.exit(code);
    }
  };
  // Strapi's own handlers (destroy, then exit) would exit before the SQLite file is removed.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(0));
  }
  if (values['watch-stdin']) {
    process.stdin.on('end', () => void stop(0));
    process.stdin.on('error', () => void stop(0));
    process.stdin.resume();
  }

  if (values['profile-control']) profileControl();
  for (const [k, v] of Object.entries(await info(strapi, client)))
    process.stdout.write(`INFO ${k}=${v}\n`);
  process.stdout.write(`READY ${actual}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
