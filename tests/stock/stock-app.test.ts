/**
 * The plugin as a user meets it: `npm pack`, a Strapi app generated from
 * scratch (scripts/stock-app.mjs), the tarball installed with the README's
 * install section and nothing else, `strapi build`, `strapi start`, on
 * SQLite and on PostgreSQL with the generated app's stock server config
 * (no cron setting). Each boot: an `en`-only edition is released and served,
 * a form submission is held for double opt-in (the mail warnings show) and
 * one through a phone-only form recorded, the plugin's own job seals a checkpoint,
 * verify is ok, and the plugin's admin page renders in Chromium without a
 * console error. A registered end user (users-permissions) submits a form and
 * is recorded as themselves; a route of the app's own guarded by the plugin's
 * route policy (has-consent) lets them in once they grant its purpose and
 * shuts again when they withdraw it; the e-mail they typed is linked to their
 * account once they open the link mailed to it (read from the app's outbox:
 * a stock app's sendmail delivers nowhere).
 *
 * STOCK_APP_DIR=<dir> reuses an app that scripts/stock-app.mjs prepared;
 * STOCK_STRAPI=pinned|newest|x.y.z picks the Strapi version of a new one (see
 * the script), and scripts/with-node.mjs runs it all under another Node.js.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import type knexType from 'knex';
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error -- plain ESM script without types
import * as stock from '../../scripts/stock-app.mjs';

const CM = '/content-manager/collection-types';
const ADMIN = {
  email: 'owner@stock.test',
  password: 'Stock-password-1',
  firstname: 'Stock',
  lastname: 'Owner',
};
const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');
/** The e-mail the registered member types into a form of the plugin (linked to their account later). */
const MEMBER_EMAIL = 'member-offers@example.com';
/** The default seal job runs each minute on events older than 30 s. */
const SEAL_WAIT_MS = 150_000;
/** The receipt of the submission made through the installed app (a ReceiptEvent). */
let receiptEvent: { content: object; hash: string; proof: { url: string } };

let appDir: string;
let tarballFiles: string[] = [];
/** The Strapi version the app was generated at (STOCK_STRAPI; scripts/stock-app.mjs). */
let strapiVersion: string | undefined;

/** Every file below `dir` (its own nested node_modules aside), relative to it, with '/' separators. */
const installedFiles = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.startsWith('node_modules/'));

/**
 * A route of the app's own: the demo app's `src/api/member-offers` (personal
 * offers, only for a signed-in member who agreed to "marketing", checked by
 * the plugin's route policy), copied file for file into the stock app, where
 * `strapi generate api` would lay it out.
 */
const MEMBER_OFFERS_DIR = path.resolve(__dirname, '..', '..', 'src', 'api', 'member-offers');
const MEMBER_OFFERS: Record<string, string> = Object.fromEntries(
  installedFiles(MEMBER_OFFERS_DIR).map((f) => [
    `src/api/member-offers/${f}`,
    fs.readFileSync(path.join(MEMBER_OFFERS_DIR, f), 'utf8'),
  ]),
);

/** Writes the app's guarded route; true when the app must be built (again) to serve it. */
function addMemberOffers(dir: string): boolean {
  let changed = !fs.existsSync(
    path.join(dir, 'dist', 'src', 'api', 'member-offers', 'routes', 'member-offers.js'),
  );
  for (const [file, text] of Object.entries(MEMBER_OFFERS)) {
    const target = path.join(dir, file);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    changed = true;
  }
  return changed;
}

/**
 * The message the plugin queued for `to`, read from the app's database (its
 * outbox): a stock app sends through Strapi's default provider, sendmail,
 * which delivers nowhere here, so the message stays there, unsent.
 */
async function queuedMail(env: Record<string, string>, to: string) {
  // The app's own knex and drivers: built for the Node.js the app runs on, which may not be this repository's.
  const knex = createRequire(path.join(appDir, 'package.json'))('knex') as typeof knexType;
  const db =
    env.DATABASE_CLIENT === 'sqlite'
      ? knex({
          client: 'better-sqlite3',
          // Relative to the app, as its config/database.ts joins it.
          connection: { filename: path.join(appDir, env.DATABASE_FILENAME) },
          useNullAsDefault: true,
        })
      : knex({
          client: 'pg',
          connection: {
            host: env.DATABASE_HOST,
            port: Number(env.DATABASE_PORT),
            database: env.DATABASE_NAME,
            user: env.DATABASE_USERNAME,
            password: env.DATABASE_PASSWORD,
          },
        });
  try {
    const rows: Array<{ message: string; sent_at: unknown }> = await db('policy_ledger_outbox')
      .where({ recipient: to })
      .select('message', 'sent_at');
    assert.equal(rows.length, 1, `messages to ${to}: ${JSON.stringify(rows)}`);
    assert.ok(rows[0].message, `the message to ${to} was sent (and emptied): ${rows[0].sent_at}`);
    return JSON.parse(rows[0].message) as { subject: string; text: string };
  } finally {
    await db.destroy();
  }
}

interface Running {
  child: ChildProcess;
  url: string;
  log: () => string;
}

/** A port nothing listens on now. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

/** `strapi start` in the app, on the database `env` names; resolves once it answers. */
async function start(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  let log = '';
  const child = spawn('npx', ['strapi', 'start'], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      STRAPI_TELEMETRY_DISABLED: 'true',
      POLICY_LEDGER_SUBJECT_SECRET: 'stock-app-subject-secret-0123456789',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`strapi start exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}/_health`)).status === 204) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`strapi start did not answer in 120 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { child, url, log: () => log };
}

function stop(r: Running | undefined) {
  if (!r?.child.pid) return;
  try {
    process.kill(-r.child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

async function call(url: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Creates a form of the plugin that collects an e-mail, for one purpose of one policy (Content Manager API). */
function emailForm(
  url: string,
  token: string,
  f: {
    key: string;
    name: string;
    purpose: { key: string; required: boolean; label: string };
    policy: string;
  },
) {
  return call(`${url}${CM}/plugin::policy-ledger.collection-form`, {
    token,
    body: {
      key: f.key,
      name: f.name,
      active: true,
      fields: [
        {
          name: 'email',
          type: 'email',
          required: true,
          category: 'contact',
          label: { en: 'E-mail' },
        },
      ],
      purposes: [
        {
          key: f.purpose.key,
          required: f.purpose.required,
          legalBasis: 'consent',
          label: { en: f.purpose.label },
        },
      ],
      policies: { connect: [{ documentId: f.policy }] },
    },
  });
}

function scenario(name: string, env: () => Record<string, string>) {
  describe(`the stock app on ${name}`, () => {
    let app: Running;
    let database: Record<string, string>;
    let token: string;
    let browser: Browser | undefined;
    /** Set by the tests below, for those after them. */
    let policyId: string;
    let serverToken: string;
    let account: { jwt: string; id: number; username: string };

    before(async () => {
      database = env();
      app = await start(database);
      const reg = await call(`${app.url}/admin/register-admin`, { body: ADMIN });
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      token = reg.body.data.token;
    });
    after(async () => {
      await browser?.close();
      stop(app);
    });

    it('says at boot that sealing is on and which locale editions need', () => {
      assert.match(app.log(), /\[policy-ledger\] sealing: on, rule "\*\/1 \* \* \* \*"/);
      assert.match(
        app.log(),
        /\[policy-ledger\] locales: editions need en \(the app's i18n default locale/,
      );
      assert.doesNotMatch(app.log(), /\[policy-ledger\].*(not a locale|OFF|behind)/i);
    });

    it('releases an en-only edition (the default required locale) and serves it', async () => {
      const policy = await call(`${app.url}${CM}/plugin::policy-ledger.policy`, {
        token,
        body: { key: 'privacy', name: 'Privacy policy', effectDelayDays: 0 },
      });
      assert.equal(policy.status, 201, JSON.stringify(policy.body));
      policyId = policy.body.data.documentId;
      const edition = await call(`${app.url}${CM}/plugin::policy-ledger.edition?locale=en`, {
        token,
        body: {
          title: 'Privacy policy',
          body: '# Privacy policy\n\nWe keep what you send us for a year.',
          changeKind: 'material',
          policy: { connect: [{ documentId: policy.body.data.documentId }] },
        },
      });
      assert.equal(edition.status, 201, JSON.stringify(edition.body));
      const released = await call(
        `${app.url}/policy-ledger/editions/${edition.body.data.documentId}/release`,
        { token, body: {} },
      );
      assert.equal(released.status, 200, JSON.stringify(released.body));
      const current = await call(`${app.url}/api/policy-ledger/policies/privacy/current?locale=en`);
      assert.equal(current.status, 200, JSON.stringify(current.body));
      assert.equal(current.body.data.version, 1);
      assert.equal(current.body.data.servedLocale, 'en');
      assert.equal(current.body.data.title, 'Privacy policy');

      const form = await emailForm(app.url, token, {
        key: 'contact',
        name: 'Contact',
        purpose: { key: 'processing', required: true, label: 'Answer my request' },
        policy: policy.body.data.documentId,
      });
      assert.equal(form.status, 201, JSON.stringify(form.body));
      // A form that collects an e-mail uses double opt-in by default: held until the link is opened.
      const held = await call(`${app.url}/api/policy-ledger/forms/contact/submissions`, {
        body: {
          locale: 'en',
          data: { email: 'reader@example.com' },
          purposes: { processing: true },
          accepted: [{ policy: 'privacy', version: 1 }],
        },
      });
      assert.equal(held.status, 202, JSON.stringify(held.body));
      assert.equal(held.body.data.status, 'pending');
      // A stock app e-mails through Strapi's default provider (sendmail): the plugin says so.
      const health = await call(`${app.url}/policy-ledger/health`, { token });
      assert.equal(health.status, 200, JSON.stringify(health.body));
      // …and links point at the server's own address until the app sets its public URL.
      const codes = health.body.data.warnings.map((w: { code: string }) => w.code);
      assert.ok(codes.includes('mail-sendmail'), JSON.stringify(codes));
      assert.ok(codes.includes('mail-link-local'), JSON.stringify(codes));

      // A form without an e-mail records at once, as unverified.
      const callback = await call(`${app.url}${CM}/plugin::policy-ledger.collection-form`, {
        token,
        body: {
          key: 'callback',
          name: 'Callback',
          active: true,
          fields: [{ name: 'phone', type: 'phone', required: true, category: 'contact' }],
          purposes: [{ key: 'processing', required: true, legalBasis: 'consent' }],
          policies: { connect: [{ documentId: policy.body.data.documentId }] },
        },
      });
      assert.equal(callback.status, 201, JSON.stringify(callback.body));
      const submitted = await call(`${app.url}/api/policy-ledger/forms/callback/submissions`, {
        body: {
          locale: 'en',
          data: { phone: '+77001234567' },
          purposes: { processing: true },
          accepted: [{ policy: 'privacy', version: 1 }],
        },
      });
      assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
      receiptEvent = submitted.body.data.receipt.events[0];
      assert.equal(submitted.body.data.receipt.events[0].content.strength, 'unverified');
    });

    it('records a registered end user as themselves, and lets nobody but a token name another person', async () => {
      const signup = await call(`${app.url}/api/auth/local/register`, {
        body: { username: 'member', email: 'member@example.com', password: 'Member-password-1' },
      });
      assert.equal(signup.status, 200, JSON.stringify(signup.body));
      const { jwt, user } = signup.body as { jwt: string; user: { id: number; username: string } };
      account = { jwt, ...user };
      const submission = (over: Record<string, unknown> = {}) => ({
        locale: 'en',
        data: { email: 'typed-by-member@example.com' },
        purposes: { processing: true },
        accepted: [{ policy: 'privacy', version: 1 }],
        ...over,
      });
      const path = `${app.url}/api/policy-ledger/forms/contact/submissions`;
      // Signed in: recorded at once (the account is the person, not the e-mail typed).
      const own = await call(path, { token: jwt, body: submission() });
      assert.equal(own.status, 201, JSON.stringify(own.body));
      const named = await call(path, {
        token: jwt,
        body: submission({ subject: `id:${user.id + 1000}` }),
      });
      assert.equal(named.status, 403, JSON.stringify(named.body));
      const anonymous = await call(path, { body: submission({ subject: `id:${user.id}` }) });
      assert.equal(anonymous.status, 400, JSON.stringify(anonymous.body));

      // The operator's server (an API token) reads whose decision was recorded.
      const created = await call(`${app.url}/admin/api-tokens`, {
        token,
        body: { name: 'stock-server', type: 'full-access', lifespan: null },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      serverToken = created.body.data.accessKey;
      const status = (subject: string) =>
        call(
          `${app.url}/api/policy-ledger/subjects/status?subject=${encodeURIComponent(subject)}&policy=privacy`,
          { token: created.body.data.accessKey },
        );
      const member = await status(`id:${user.id}`);
      assert.equal(member.status, 200, JSON.stringify(member.body));
      assert.equal(member.body.data.acceptedVersion, 1);
      assert.equal(
        (await status('email:typed-by-member@example.com')).body.data.acceptedVersion,
        null,
      );
    });

    it("guards a route of the app's own with has-consent: 403 with the reason until the member grants the purpose, and again once withdrawn", async () => {
      // Users & Permissions, as the admin panel saves it: the Authenticated role may call the
      // route, and withdraw their own consent (not granted by default: docs/operators.md).
      const roles = await call(`${app.url}/users-permissions/roles`, { token });
      assert.equal(roles.status, 200, JSON.stringify(roles.body));
      const { id } = roles.body.roles.find((r: { type: string }) => r.type === 'authenticated');
      const { role } = (await call(`${app.url}/users-permissions/roles/${id}`, { token })).body;
      role.permissions['api::member-offers'].controllers['member-offers'].list.enabled = true;
      role.permissions['plugin::policy-ledger'].controllers.consents.withdraw.enabled = true;
      const saved = await call(`${app.url}/users-permissions/roles/${id}`, {
        token,
        method: 'PUT',
        body: { name: role.name, description: role.description, permissions: role.permissions },
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));

      const offers = () => call(`${app.url}/api/member-offers`, { token: account.jwt });
      const refused = async (reason: string) => {
        const res = await offers();
        assert.equal(res.status, 403, JSON.stringify(res.body));
        assert.equal(res.body.error.name, 'PolicyError');
        assert.equal(res.body.error.details.purpose, 'marketing');
        assert.equal(res.body.error.details.reason, reason);
      };
      await refused('not-granted');

      // A form of the plugin asks for it; a signed-in member's submission is recorded at once, as them.
      const form = await emailForm(app.url, token, {
        key: 'offers',
        name: 'Member offers',
        purpose: { key: 'marketing', required: false, label: 'Send me offers for members' },
        policy: policyId,
      });
      assert.equal(form.status, 201, JSON.stringify(form.body));
      const granted = await call(`${app.url}/api/policy-ledger/forms/offers/submissions`, {
        token: account.jwt,
        body: {
          locale: 'en',
          data: { email: MEMBER_EMAIL },
          purposes: { marketing: true },
          accepted: [{ policy: 'privacy', version: 1 }],
        },
      });
      assert.equal(granted.status, 201, JSON.stringify(granted.body));
      const open = await offers();
      assert.equal(open.status, 200, JSON.stringify(open.body));
      assert.equal(open.body.data[0].for, account.username);

      const withdrawn = await call(`${app.url}/api/policy-ledger/consents/withdraw`, {
        token: account.jwt,
        body: { policy: 'privacy', purposes: ['marketing'] },
      });
      assert.equal(withdrawn.status, 201, JSON.stringify(withdrawn.body));
      await refused('withdrawn');
    });

    it('links the e-mail the member typed to their account once they open the link mailed to it', async () => {
      const status = async (subject: string) => {
        const res = await call(
          `${app.url}/api/policy-ledger/subjects/status?subject=${encodeURIComponent(subject)}&policy=privacy`,
          { token: serverToken },
        );
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return res.body.data as { acceptedVersion: number | null };
      };
      assert.equal((await status(MEMBER_EMAIL)).acceptedVersion, null, 'not linked yet');

      const mail = await queuedMail(database, MEMBER_EMAIL);
      assert.match(mail.subject, /confirm your e-mail/);
      const link =
        /https?:\/\/\S+?(\/api\/policy-ledger\/confirmations\/link\.[A-Za-z0-9._-]+)/.exec(
          mail.text,
        );
      assert.ok(link, mail.text);
      const confirmed = await call(`${app.url}${link[1]}`, { method: 'POST' });
      assert.equal(confirmed.status, 201, JSON.stringify(confirmed.body));

      // One person now: the e-mail stands where the account stands…
      assert.equal((await status(MEMBER_EMAIL)).acceptedVersion, 1);
      // …and the person's record (the admin's People tab) holds both, linked.
      const record = await call(
        `${app.url}/policy-ledger/subjects/record?identifier=${encodeURIComponent(MEMBER_EMAIL)}`,
        { token },
      );
      assert.equal(record.status, 200, JSON.stringify(record.body));
      assert.equal(record.body.data.identities.length, 2, JSON.stringify(record.body.data));
      assert.equal(record.body.data.links.length, 1);
      assert.ok(
        record.body.data.events.some((e: { action: string }) => e.action === 'linked'),
        JSON.stringify(record.body.data.events),
      );
    });

    it('serves a frontend through the installed package: client and React layer import as ESM', () => {
      const script = `
        import { createPolicyLedgerClient } from 'strapi-plugin-policy-ledger/client';
        import * as react from 'strapi-plugin-policy-ledger/react';
        const c = createPolicyLedgerClient({ baseUrl: process.env.APP_URL });
        const current = await c.current('privacy', { locale: 'en' });
        const form = await c.form('contact', { locale: 'en' });
        const shown = form.policies[0].current;
        const sent = await c.submit('contact', {
          locale: 'en',
          data: { email: 'kit@example.com' },
          purposes: { processing: true },
          accepted: [{ policy: 'privacy', version: shown.version, hash: shown.contentHash }],
        });
        console.log(JSON.stringify({
          title: current.data.title,
          status: sent.status,
          react: Object.keys(react).filter((k) => /^[A-Z]|^use/.test(k)).sort(),
        }));`;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: appDir,
        env: { ...process.env, APP_URL: app.url },
        encoding: 'utf8',
      });
      assert.deepEqual(JSON.parse(out.trim().split('\n').pop()!), {
        title: 'Privacy policy',
        status: 'pending',
        react: [
          'ConfirmSubmission',
          'ConsentForm',
          'PolicyDocument',
          'PolicyLedgerProvider',
          'ReconsentNotice',
          'useForm',
          'usePolicy',
          'usePolicyLedgerClient',
          'useStanding',
        ],
      });
    });

    it("renders the plugin's admin page in Chromium with no console error", async () => {
      browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
      });
      page.on('response', (r) => {
        if (r.url().includes('/policy-ledger/') && r.status() >= 400)
          problems.push(`${r.status()} from ${r.url()}`);
      });
      await page.goto(`${app.url}/admin/auth/login`);
      await page.getByLabel(/email/i).fill(ADMIN.email);
      await page.getByLabel(/^password/i).fill(ADMIN.password);
      await page.getByRole('button', { name: /login/i }).click();
      await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });
      await page.goto(`${app.url}/admin/plugins/policy-ledger`);
      try {
        await page.getByRole('heading', { name: 'Policy Ledger' }).waitFor({ timeout: 60_000 });
      } catch (e) {
        // What the page showed instead, for the log and tests/artifacts/.
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({
          path: path.join(ARTIFACTS, `stock-${name.toLowerCase()}-failed.png`),
        });
        console.log(
          `page at ${page.url()}:`,
          problems,
          (await page.innerText('body')).slice(0, 2000),
        );
        throw e;
      }
      await page.getByText('privacy', { exact: false }).first().waitFor();
      await page.getByRole('tab', { name: /verify/i }).click();
      await page
        .getByText(/unsealed/i)
        .first()
        .waitFor({ timeout: 30_000 });
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({
        path: path.join(ARTIFACTS, `stock-${name.toLowerCase()}.png`),
        fullPage: true,
      });
      const ours = problems.filter(
        (p) => /policy-ledger|policy ledger/i.test(p) || p.startsWith('page error'),
      );
      assert.deepEqual(ours, [], problems.join('\n'));
    });

    it('seals a checkpoint with no cron setting, and verify is ok', async () => {
      const deadline = Date.now() + SEAL_WAIT_MS;
      let status: { unsealed: number; latestCheckpoint: unknown; status: string } | null = null;
      while (Date.now() < deadline) {
        const res = await call(`${app.url}/policy-ledger/ledger/seal-status`, { token });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        status = res.body.data;
        if (status?.latestCheckpoint && status.unsealed === 0) break;
        await new Promise((r) => setTimeout(r, 2000));
      }
      assert.ok(
        status?.latestCheckpoint,
        `no checkpoint after ${SEAL_WAIT_MS / 1000} s: ${JSON.stringify(status)}`,
      );
      assert.equal(status?.unsealed, 0);
      assert.equal(status?.status, 'ok');
      const verified = await call(`${app.url}/policy-ledger/ledger/verify`, { token, body: {} });
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      assert.equal(verified.body.data.ok, true, JSON.stringify(verified.body.data));
      assert.ok(verified.body.data.checkpoints >= 1);
      assert.ok(verified.body.data.events >= 1);
    });

    it('proves a receipt that the installed command-line verifier checks offline', async () => {
      const proof = await call(`${app.url}${receiptEvent.proof.url}`);
      assert.equal(proof.status, 200, JSON.stringify(proof.body));
      assert.equal(proof.body.data.status, 'sealed', 'sealed by the test above');
      const file = path.join(appDir, 'receipt.json');
      const receipt = {
        format: 'policy-ledger-receipt/1',
        event: receiptEvent.content,
        hash: receiptEvent.hash,
        proof: proof.body.data,
      };
      fs.writeFileSync(file, JSON.stringify(receipt));
      const out = execFileSync('npx', ['--no-install', 'policy-ledger-verify-receipt', file], {
        cwd: appDir,
        encoding: 'utf8',
      });
      assert.match(out, /The receipt checks out/);
      fs.writeFileSync(
        file,
        JSON.stringify({
          ...receipt,
          event: { ...receipt.event, purposes: { processing: false } },
        }),
      );
      assert.throws(
        () =>
          execFileSync('npx', ['--no-install', 'policy-ledger-verify-receipt', file], {
            cwd: appDir,
          }),
        (e: { status?: number }) => e.status === 1,
      );
    });

    it('is watched by the installed witness: the first run checks the log, the next one extends it', async () => {
      const state = path.join(appDir, 'witness.json');
      fs.rmSync(state, { force: true });
      const witness = () =>
        execFileSync('npx', ['--no-install', 'policy-ledger-witness', app.url, '--state', state], {
          cwd: appDir,
          encoding: 'utf8',
        });
      const first = witness();
      assert.match(first, /^ok {3}checkpoint-hash: /m);
      assert.match(first, /^OK .* head \d+ [0-9a-f]{64}, [1-9]\d* new checkpoint\(s\)$/m);
      const kept = JSON.parse(fs.readFileSync(state, 'utf8'));
      const head = await call(`${app.url}/api/policy-ledger/checkpoints/head`);
      assert.equal(head.status, 200);
      assert.equal(kept.head.hash, head.body.data.hash);
      assert.match(witness(), /^ok {3}kept: checkpoint \d+ .* is the one kept/m);
    });
  });
}

/** Packages the app and the plugin must share: one copy each. */
const SHARED = [
  '@strapi/strapi',
  '@strapi/utils',
  '@strapi/design-system',
  '@strapi/icons',
  'react',
  'react-dom',
  'react-intl',
  'react-router-dom',
  'styled-components',
];

describe('the packed plugin in a new Strapi app', () => {
  before(() => {
    if (process.env.STOCK_APP_DIR) {
      appDir = path.resolve(process.env.STOCK_APP_DIR);
      // An app the script prepared alone lacks the app's own route: add it, and build again.
      if (addMemberOffers(appDir)) stock.buildApp(appDir);
    } else {
      // scripts/stock-app.mjs prepare(), with the app's own route written before the build.
      strapiVersion = stock.stockStrapi() as string;
      const node = process.versions.node;
      appDir = path.join(stock.WORK, `app-strapi${strapiVersion}-node${node.split('.')[0]}`);
      console.log(`stock app: Strapi ${strapiVersion} on Node.js ${node} in ${appDir}`);
      const packed = stock.pack() as { tarball: string; files: string[] };
      tarballFiles = packed.files;
      stock.createApp(appDir, strapiVersion);
      stock.installPlugin(appDir, packed.tarball);
      addMemberOffers(appDir);
      stock.buildApp(appDir);
    }
  });

  it('packs LICENSE and the built dist/admin and dist/server, and no sources, tests, bench or source maps', () => {
    // With STOCK_APP_DIR, what the app installed from the tarball stands for the tarball.
    const files = tarballFiles.length
      ? tarballFiles
      : installedFiles(path.join(appDir, 'node_modules', 'strapi-plugin-policy-ledger'));
    for (const f of [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/admin/index.mjs',
      'dist/admin/index.js',
      'dist/server/index.js',
      'dist/server/index.mjs',
      'dist/server/worker.js',
      'dist/server/src/index.d.ts',
      'dist/admin/src/index.d.ts',
      'dist/shared/contracts/index.d.ts',
      'dist/client/index.mjs',
      'dist/client/index.d.mts',
      'dist/react/index.mjs',
      'dist/react/index.d.mts',
      'dist/types/client/src/index.d.ts',
      'dist/types/react/src/index.d.ts',
      'dist/size-report.json',
      'dist/cli/verify-receipt.mjs',
      'dist/cli/witness.mjs',
    ]) {
      assert.ok(files.includes(f), `${f} is not in the tarball`);
    }
    // Only dist (code and declarations) and the three documents; no source, test, bench, demo or map.
    const stray = files.filter(
      (f) =>
        !/^(dist\/(admin|server|shared|client|react|cli|types)\/|dist\/size-report\.json$|(LICENSE|README\.md|CHANGELOG\.md|package\.json)$)/.test(
          f,
        ) ||
        f.endsWith('.map') ||
        /\.tsx?$/.test(f.replace(/\.d\.m?ts$/, '')) ||
        f.includes('/uploads/') ||
        f.includes('node_modules/'),
    );
    assert.deepEqual(stray, []);
    // Every relative import of a type declaration resolves inside the package.
    const unresolved: string[] = [];
    for (const f of files.filter((x) => /\.d\.m?ts$/.test(x))) {
      const text = fs.readFileSync(
        path.join(appDir, 'node_modules', 'strapi-plugin-policy-ledger', f),
        'utf8',
      );
      for (const [, spec] of text.matchAll(/from '(\.{1,2}\/[^']*)'/g)) {
        const target = path.posix.join(path.posix.dirname(f), spec);
        const bare = target.replace(/\.js$/, '');
        const found = [`${bare}.d.ts`, `${bare}/index.d.ts`, target].some((c) => files.includes(c));
        if (!found) unresolved.push(`${f}: ${spec}`);
      }
    }
    assert.deepEqual(unresolved, []);
    const bundle = fs.readFileSync(
      path.join(
        appDir,
        'node_modules',
        'strapi-plugin-policy-ledger',
        'dist',
        'server',
        'index.js',
      ),
      'utf8',
    );
    assert.doesNotMatch(bundle, /sourceMappingURL=data:/);
  });

  it('installs with one copy of Strapi (and of React, the design system…) and no database driver of its own', () => {
    const out = execFileSync('npm', ['ls', '@strapi/strapi', '--all', '--json'], {
      cwd: appDir,
      encoding: 'utf8',
    });
    const versions = new Set<string>();
    const walk = (
      deps:
        Record<string, { version?: string; dependencies?: Record<string, unknown> }> | undefined,
    ) => {
      for (const [name, d] of Object.entries(deps ?? {})) {
        if (name === '@strapi/strapi' && d.version) versions.add(d.version);
        walk(d.dependencies as never);
      }
    };
    walk(JSON.parse(out).dependencies);
    assert.equal(versions.size, 1, `@strapi/strapi versions: ${[...versions].join(', ')}`);
    if (strapiVersion) assert.deepEqual([...versions], [strapiVersion]);
    // The packages the plugin shares with the admin and the server: one copy each, the app's.
    for (const shared of SHARED) {
      const copies = execFileSync(
        'find',
        ['./node_modules', '-path', `*/node_modules/${shared}/package.json`],
        { cwd: appDir, encoding: 'utf8' },
      )
        .trim()
        .split('\n');
      assert.deepEqual(
        copies,
        [`./node_modules/${shared}/package.json`],
        `${shared}: ${copies.join(', ')}`,
      );
    }
    const manifest = JSON.parse(
      fs.readFileSync(
        path.join(appDir, 'node_modules', 'strapi-plugin-policy-ledger', 'package.json'),
        'utf8',
      ),
    );
    for (const driver of ['better-sqlite3', 'pg', 'mysql2'])
      assert.equal(manifest.dependencies?.[driver], undefined, `${driver} is a dependency`);
    assert.equal(manifest.private, undefined);
    assert.equal(
      manifest.dependencies?.['@strapi/strapi'],
      undefined,
      'Strapi is a peer dependency, not a dependency',
    );
    assert.match(manifest.peerDependencies['@strapi/strapi'], /^\^5\./);
    assert.deepEqual(
      Object.values(manifest.exports as Record<string, string | Record<string, string>>).flatMap(
        (e) => (typeof e === 'string' ? [] : [e.require, e.import]),
      ),
      [
        './dist/admin/index.js',
        './dist/admin/index.mjs',
        './dist/server/index.js',
        './dist/server/index.mjs',
      ],
    );
    // A dependency of its own may nest (lru-cache 11, when the app hoists another
    // major); Strapi, React and the other shared packages never do.
    const nestedDir = path.join(
      appDir,
      'node_modules',
      'strapi-plugin-policy-ledger',
      'node_modules',
    );
    const nested = fs.existsSync(nestedDir)
      ? fs
          .readdirSync(nestedDir)
          .flatMap((n) =>
            n.startsWith('@')
              ? fs.readdirSync(path.join(nestedDir, n)).map((m) => `${n}/${m}`)
              : [n],
          )
          .filter((n) => !n.startsWith('.'))
      : [];
    assert.deepEqual(
      nested.filter((n) => n.startsWith('@strapi/') || SHARED.includes(n)),
      [],
      'the plugin got its own copy of a shared package',
    );
  });

  scenario('SQLite', () => ({
    DATABASE_CLIENT: 'sqlite',
    // Relative to the app (config/database.ts joins it to the app's folder), as its .env has it.
    DATABASE_FILENAME: `.tmp/stock-${process.pid}.db`,
  }));

  const pgName = `pl_stock_${process.pid}`;
  describe('on PostgreSQL', () => {
    before(() =>
      execFileSync(
        'node',
        [
          path.resolve(__dirname, '..', '..', 'scripts', 'test-db.mjs'),
          'create',
          'postgres',
          pgName,
        ],
        { stdio: 'inherit' },
      ),
    );
    after(() =>
      execFileSync(
        'node',
        [path.resolve(__dirname, '..', '..', 'scripts', 'test-db.mjs'), 'drop', 'postgres', pgName],
        { stdio: 'inherit' },
      ),
    );
    scenario('PostgreSQL', () => ({
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: process.env.DATABASE_HOST ?? '127.0.0.1',
      DATABASE_PORT: '5432',
      DATABASE_NAME: pgName,
      DATABASE_USERNAME: process.env.DATABASE_USERNAME ?? 'postgres',
      DATABASE_PASSWORD: process.env.DATABASE_PASSWORD ?? '',
    }));
  });
});
