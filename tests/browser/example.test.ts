/**
 * The example site (examples/site, Vite + React, built only from the
 * package's React layer) in Debian's Chromium, served from another origin
 * than the demo Strapi app: the policy in kk/ru/en with the next edition
 * announced, the contact form's field errors, a submission with its
 * Idempotency-Key and the receipt. Screenshots go to tests/artifacts/.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page, type Request, type Response } from 'playwright-core';
import { http as api } from '../helpers/http';
import { ROOT, boot, shutdown, testApp } from '../helpers/strapi';

const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const SITE = path.join(ROOT, 'examples', 'site');
const OUT = path.join(ROOT, '.tmp', `example-site-${process.pid}`);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** The built site, as any static host would serve it. */
function serveStatic(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(dir, 'index.html');
    }
    res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('example site in Chromium, cross-origin', () => {
  let browser: Browser;
  let page: Page;
  let site: http.Server;
  let siteUrl: string;
  const requests: Request[] = [];
  const responses: Response[] = [];
  const shot = (name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const { url } = await boot();
    // Another origin: "localhost" and another port than the API's 127.0.0.1.
    execFileSync('npx', ['vite', 'build', SITE, '--outDir', OUT, '--emptyOutDir'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, VITE_STRAPI_URL: url },
    });
    site = await serveStatic(OUT);
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, locale: 'kk-KZ' });
    page.setDefaultTimeout(30_000);
    page.on('request', (r) => r.url().startsWith(url) && requests.push(r));
    page.on('response', (r) => r.url().startsWith(url) && responses.push(r));
    page.on('pageerror', (e) => console.error('page error:', e));
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    fs.rmSync(OUT, { recursive: true, force: true });
    await shutdown();
  });

  const currentTitle = async (locale: string) =>
    (await api(`/api/policy-ledger/policies/privacy/current?locale=${locale}`)).body.data as {
      title: string;
      version: number;
      contentHash: string;
      upcoming: { version: number } | null;
    };

  it('shows the policy in kk, ru and en with the upcoming edition announced', async () => {
    await page.goto(siteUrl);
    for (const [button, locale] of [
      [null, 'kk'],
      ['Русский', 'ru'],
      ['English', 'en'],
    ] as const) {
      if (button) await page.getByRole('button', { name: button }).click();
      const expected = await currentTitle(locale);
      const doc = page.locator('article.pl-document');
      await doc.getByRole('heading', { level: 1, name: expected.title }).waitFor();
      assert.equal(await doc.getAttribute('lang'), locale);
      assert.equal(await doc.getAttribute('data-version'), String(expected.version));
      assert.ok(expected.upcoming, 'the demo announces edition 2');
      const notice = doc.locator('.pl-upcoming');
      assert.equal(await notice.getAttribute('data-version'), String(expected.upcoming.version));
      await shot(`example-site-${locale}`);
    }
  });

  it('announces field errors from the server next to the field', async () => {
    await page.getByLabel('Name').fill('Aigerim');
    await page.getByLabel('E-mail').fill('not-an-email');
    await page.getByLabel(/Handle my request/).check();
    await page.getByRole('checkbox', { name: /I have read and accept/ }).check();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please correct' }).waitFor();
    assert.equal(await page.getByLabel('E-mail').getAttribute('aria-invalid'), 'true');
    const described = await page.getByLabel('E-mail').getAttribute('aria-describedby');
    assert.match(await page.locator(`[id="${described}"]`).innerText(), /e-mail/i);
    await shot('example-site-errors');
  });

  it('submits with an Idempotency-Key and the exact edition shown, and shows the receipt', async () => {
    await page.getByLabel('E-mail').fill(`aigerim-${process.pid}@example.kz`);
    await page.getByRole('button', { name: 'Send' }).click();
    const receipt = page.locator('.pl-receipt');
    await receipt.waitFor();
    await shot('example-site-receipt');
    const text = await receipt.innerText();
    const id = /submission ([0-9a-f-]{36})/.exec(text)?.[1];
    assert.ok(id, text);

    const posts = requests.filter((r) => r.method() === 'POST');
    assert.equal(posts.length, 2, 'the refused try and the accepted one');
    const [refused, accepted] = posts;
    const key = (r: Request) => r.headers()['idempotency-key'] ?? '';
    assert.ok(key(accepted).length >= 32, 'an Idempotency-Key was sent cross-origin');
    assert.notEqual(key(accepted), key(refused), 'other answers, another key');
    const body = accepted.postDataJSON();
    const en = await currentTitle('en');
    assert.deepEqual(body.accepted, [
      { policy: 'privacy', version: en.version, hash: en.contentHash },
    ]);
    assert.deepEqual(body.purposes, { processing: true, marketing: false });
    const answer = await accepted.response();
    assert.equal(answer?.status(), 201);
    assert.equal(answer?.headers()['access-control-allow-origin'], siteUrl);

    const rows = await testApp()
      .strapi.db.connection('policy_ledger_submissions')
      .where({ public_id: id });
    assert.equal(rows.length, 1);
  });

  it('gets Vary: Origin on every cacheable answer it read', async () => {
    const cacheable = responses.filter((r) =>
      /\/policies(\/[^/]+\/(current|editions))?/.test(new URL(r.url()).pathname),
    );
    assert.ok(cacheable.length >= 3, `${cacheable.length} policy answers`);
    for (const r of cacheable) {
      const vary = (r.headers()['vary'] ?? '').toLowerCase();
      assert.match(vary, /\borigin\b/, `${r.url()}: Vary ${vary}`);
      assert.match(vary, /\baccept-language\b/, `${r.url()}: Vary ${vary}`);
    }
  });
});
