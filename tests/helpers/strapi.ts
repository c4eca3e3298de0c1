/**
 * Boots the host app with the plugin once per test process, on the database
 * the environment selects (DATABASE_CLIENT=sqlite|postgres|mysql; for the two
 * servers DATABASE_NAME and friends, see .env.example), and serves it on an
 * ephemeral port for real HTTP requests.
 */
// First: keeps the demo's .env out (before @strapi/strapi loads it).
import './no-dotenv';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
// @ts-expect-error -- plain ESM build script without types
import { buildPlugin, transpile } from '../../scripts/build-plugin.mjs';
import { throwawaySecrets } from './secrets';
import { startMailSink, type MailSink } from './smtp';
import type { ControllableClock } from '../../server/src/domain/clock';

export const ROOT = path.resolve(__dirname, '..', '..');
export const ADMIN = { email: 'admin@policy-ledger.test', password: 'Test-password-1' };

export interface TestApp {
  strapi: Core.Strapi;
  url: string;
  clock: ControllableClock;
  adminToken: string;
  /** The SMTP server the app's email plugin sends to. */
  mail: MailSink;
}

let app: TestApp | null = null;
let savedListeners: Map<string | symbol, Function[]> | null = null;

export function testApp(): TestApp {
  if (!app) throw new Error('The test app is not booted: call boot() in a before() hook');
  return app;
}

export interface BootOptions {
  /** A folder `strapi build` produced (host app + admin panel): serve the admin from it. */
  distDir?: string;
}

export async function boot(options: BootOptions = {}): Promise<TestApp> {
  if (app) return app;
  const buildDir = path.join(ROOT, '.tmp', `test-build-${process.pid}`);
  await buildPlugin();
  if (!options.distDir) {
    await transpile(path.join(ROOT, 'config'), path.join(buildDir, 'config'));
    await transpile(path.join(ROOT, 'src'), path.join(buildDir, 'src'));
  }
  fs.mkdirSync(buildDir, { recursive: true });

  const mail = await startMailSink();
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client === 'sqlite') {
    process.env.DATABASE_FILENAME = path.join(buildDir, 'test.db');
  }
  Object.assign(process.env, {
    NODE_ENV: 'test',
    ...throwawaySecrets(),
    POLICY_LEDGER_DEMO: 'true',
    // The suite runs the jobs itself, at the instants it chooses.
    POLICY_LEDGER_JOBS: 'false',
    // Short enough for a test to wait out a permission change.
    POLICY_LEDGER_CACHE_TTL: '1',
    STRAPI_TELEMETRY_DISABLED: 'true',
    // Strapi's email plugin sends through nodemailer to the local SMTP server.
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.port),
    // The public address double opt-in links point at (a real app sets its own).
    PUBLIC_URL: 'http://127.0.0.1:1337',
    BROWSER: 'none',
    // Every spec posts from 127.0.0.1: limits on, but out of the way; the
    // limits spec sets small ones at runtime.
    POLICY_LEDGER_LIMIT_PER_ADDRESS: process.env.POLICY_LEDGER_LIMIT_PER_ADDRESS ?? '1000000',
    POLICY_LEDGER_LIMIT_PER_SUBJECT: process.env.POLICY_LEDGER_LIMIT_PER_SUBJECT ?? '1000000',
  });

  savedListeners = new Map(
    (
      [
        'exit',
        'SIGINT',
        'SIGTERM',
        'uncaughtException',
        'unhandledRejection',
        'message',
        'disconnect',
      ] as const
    ).map((e) => [e, process.listeners(e as 'exit') as Function[]]),
  );

  const strapi = createStrapi({
    appDir: ROOT,
    distDir: options.distDir ?? buildDir,
    autoReload: false,
    serveAdminPanel: !!options.distDir,
  });
  strapi.log.level = process.env.STRAPI_LOG_LEVEL ?? 'warn';
  await strapi.load();
  strapi.server.mount();
  await new Promise<void>((resolve) =>
    strapi.server.httpServer.listen(0, '127.0.0.1', () => resolve()),
  );
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const clock = strapi.plugin('policy-ledger').service('clock') as ControllableClock;
  const adminToken = await createSuperAdmin(strapi, url);
  app = { strapi, url, clock, adminToken, mail };
  return app;
}

async function createSuperAdmin(strapi: Core.Strapi, url: string): Promise<string> {
  const { email, password } = ADMIN;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'Admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  return adminLogin(url, email, password);
}

export async function adminLogin(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { data?: { token?: string; accessToken?: string } };
  const token = body.data?.token ?? body.data?.accessToken;
  if (!res.ok || !token)
    throw new Error(`admin login failed: ${res.status} ${JSON.stringify(body)}`);
  return token;
}

export async function shutdown() {
  if (!app) return;
  const { strapi, mail } = app;
  app = null;
  await strapi.destroy();
  await mail.close();
  // strapi.destroy() removes every process listener; give the test runner its own back.
  for (const [event, listeners] of savedListeners ?? []) {
    for (const l of listeners)
      if (!process.listeners(event as 'exit').includes(l as never))
        process.on(event as 'exit', l as never);
  }
  if ((process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite') {
    fs.rmSync(path.join(ROOT, '.tmp', `test-build-${process.pid}`), {
      recursive: true,
      force: true,
    });
  }
}
