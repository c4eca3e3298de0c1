/**
 * Drives the built admin panel in Debian's Chromium with playwright-core:
 * log in, open Policy Ledger, check the acceptance table against the ledger,
 * look up one person, download a CSV export, run verify, open a diff; open a
 * tab, a request and a person from their addresses.
 * Screenshots of each page go to tests/artifacts/ (git-ignored).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  DAY,
  createEdition,
  createForm,
  createPolicy,
  released,
  textsFor,
  uniqueKey,
} from '../helpers/fixtures';
import { http } from '../helpers/http';
import { ADMIN, ROOT, boot, shutdown, testApp } from '../helpers/strapi';
import { dateInZone, dueDate, type DeadlineRule } from '../../server/src/domain/deadlines';
import { parseCsv } from '../helpers/csv';

const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const EVENTS = 'policy_ledger_events';

describe('Policy Ledger admin page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let policyKey: string;
  const shot = (name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // The admin panel as users get it: `strapi build` (host app + admin bundle).
    execFileSync('npx', ['strapi', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        APP_KEYS: 'build,only',
        ADMIN_JWT_SECRET: 'build',
        API_TOKEN_SALT: 'build',
        TRANSFER_TOKEN_SALT: 'build',
        ENCRYPTION_KEY: 'build',
        JWT_SECRET: 'build',
        NODE_OPTIONS: '--max-old-space-size=4096',
      },
    });
    await boot({ distDir: path.join(ROOT, 'dist-app') });
    const { clock } = testApp();
    clock.set('2031-03-02T10:00:00.000Z');

    // Submissions over two editions and a withdrawal.
    policyKey = uniqueKey('browser');
    const policy = await createPolicy(policyKey, { effectDelayDays: 0 });
    await released(await createEdition(policy.documentId, textsFor('browser v1')));
    const form = uniqueKey('bform');
    await createForm(form, [policy.documentId]);
    const submit = (email: string, locale: string, version: number) =>
      http(`/api/policy-ledger/forms/${form}/submissions`, {
        body: {
          locale,
          data: { name: 'B', email },
          purposes: { processing: true, marketing: true },
          accepted: [{ policy: policyKey, version }],
        },
      });
    for (let i = 0; i < 5; i++)
      assert.equal((await submit(`b${i}@example.com`, i % 2 ? 'ru' : 'kk', 1)).status, 201);
    clock.advance(DAY);
    await released(
      await createEdition(policy.documentId, {
        ...textsFor('browser v2'),
        kk: { title: 'v2', body: `${textsFor('browser v1').kk.body}\n\nAdded in v2.` },
      }),
    );
    for (let i = 5; i < 8; i++)
      assert.equal((await submit(`b${i}@example.com`, 'kk', 2)).status, 201);
    const token = (
      await testApp()
        .strapi.service('admin::api-token')
        .create({ name: 'browser', type: 'full-access', lifespan: null, description: '' })
    ).accessKey;
    const w = await http('/api/policy-ledger/consents/withdraw', {
      body: { subject: 'b1@example.com', policy: policyKey, purposes: ['marketing'] },
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(w.status, 201);
    // b0 is seen again after v2 took effect (implied); someone declines v2 (denied).
    assert.equal(
      (
        await http(
          `/api/policy-ledger/subjects/status?subject=b0@example.com&policy=${policyKey}`,
          { headers: { authorization: `Bearer ${token}` } },
        )
      ).status,
      200,
    );
    const denied = await http('/api/policy-ledger/consents', {
      body: {
        subject: '+77010000009',
        policy: policyKey,
        version: 2,
        locale: 'ru',
        purposes: { marketing: false },
        action: 'denied',
      },
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(denied.status, 201);
    clock.advance(60_000);
    await testApp().strapi.plugin('policy-ledger').service('integrity').seal();
    await testApp().strapi.plugin('policy-ledger').service('people-counts').catchUp();

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
    page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
      // A browser in another zone than the plugin's (Asia/Almaty): no screen may use the browser's.
      timezoneId: 'Europe/Berlin',
    });
    page.setDefaultTimeout(30_000);
  });

  after(async () => {
    await browser?.close();
    await shutdown();
  });

  const select = async (testId: string, option: string | RegExp) => {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option }).first().click();
  };

  it('logs in and opens the Policy Ledger page with the edition timeline', async () => {
    await page.goto(`${testApp().url}/admin/auth/login`);
    await page.fill('input[name="email"]', ADMIN.email);
    await page.fill('input[name="password"]', ADMIN.password);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 });
    await page.goto(`${testApp().url}/admin/plugins/policy-ledger`);
    await page.getByTestId('tab-policies').waitFor();
    await page.locator(`[data-testid="timeline-edition"][data-version="2"]`).first().waitFor();
    const states = await page
      .locator('[data-testid="timeline-edition"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    assert.ok(states.includes('in-force') && states.includes('superseded'), states.join(','));
    await shot('policies');
  });

  it('gives the page and each tab an address: clicking a tab changes it, back goes back', async () => {
    const pathname = () => new URL(page.url()).pathname;
    // The page itself shows the first tab the admin may see, under its address.
    await page.waitForURL((u) => u.pathname === '/admin/plugins/policy-ledger/policies');
    await page.getByTestId('tab-ledger').click();
    await page.waitForURL((u) => u.pathname === '/admin/plugins/policy-ledger/ledger');
    assert.equal(await page.getByTestId('tab-ledger').getAttribute('aria-selected'), 'true');
    await page.getByTestId('tab-verify').click();
    await page.waitForURL((u) => u.pathname === '/admin/plugins/policy-ledger/verify');
    await page.getByTestId('seal-status').waitFor();
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/admin/plugins/policy-ledger/ledger');
    assert.equal(await page.getByTestId('tab-ledger').getAttribute('aria-selected'), 'true');
    // An unknown tab goes to the first one.
    await page.goto(`${testApp().url}/admin/plugins/policy-ledger/no-such-tab`);
    await page.waitForURL((u) => u.pathname === '/admin/plugins/policy-ledger/policies');
    await page.getByTestId('tab-policies').waitFor();
    assert.equal(pathname(), '/admin/plugins/policy-ledger/policies');
  });

  it('shows exactly the counts of the ledger in the acceptance table', async () => {
    await page.getByTestId('tab-acceptance').click();
    await select('acceptance-policy', new RegExp(policyKey));
    await page.locator('[data-testid="acceptance-row"][data-version="2"]').waitFor();
    const knex = testApp().strapi.db.connection;
    const truth = (await knex(EVENTS)
      .where({ policy_key: policyKey })
      .select('policy_version', 'action')
      .count({ c: '*' })
      .groupBy('policy_version', 'action')) as Array<{
      policy_version: number;
      action: string;
      c: number | string;
    }>;
    for (const version of [1, 2]) {
      const row = page.locator(`[data-testid="acceptance-row"][data-version="${version}"]`);
      for (const action of ['granted', 'implied', 'withdrawn', 'denied']) {
        const expected = Number(
          truth.find((t) => Number(t.policy_version) === version && t.action === action)?.c ?? 0,
        );
        assert.equal(
          Number(await row.getByTestId(`count-${action}`).innerText()),
          expected,
          `v${version} ${action}`,
        );
      }
    }
    assert.equal(
      Number(await page.getByTestId('acceptance-totals').getByTestId('count-total').innerText()),
      11,
    );
    await page.getByTestId('people-chart').waitFor();
    await shot('acceptance');

    // The table as CSV: the same counts, named after the policy and grouping.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('acceptance-csv').click(),
    ]);
    assert.match(
      download.suggestedFilename(),
      new RegExp(`^acceptance-${policyKey}-version-.*\\.csv$`),
    );
    const csvFile = path.join(ARTIFACTS, 'acceptance.csv');
    await download.saveAs(csvFile);
    const rows = fs
      .readFileSync(csvFile, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(rows[0], 'version,granted,implied,withdrawn,denied,total,notified,people');
    assert.equal(rows[rows.length - 1].split(',')[5], '11');
    assert.equal(rows[rows.length - 1].split(',')[6], '0');
    assert.equal(
      rows[rows.length - 1].split(',')[7],
      (await page.getByTestId('people-total').innerText()).trim(),
    );
    // The README and docs/privacy-officers.md show this view (npm run docs:screenshots).
  });

  it('filters the ledger to one person and downloads their rows as CSV', async () => {
    await page.getByTestId('tab-ledger').click();
    await page.getByTestId('ledger-subject').fill(' B1@Example.com ');
    await page.getByTestId('ledger-search').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="ledger-row"]').length === 2,
    );
    const actions = await page
      .locator('[data-testid="ledger-row"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    assert.deepEqual(actions, ['withdrawn', 'granted']);
    await shot('ledger');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    // Named after the filters and the day; a byte-order mark for spreadsheet programs.
    assert.match(download.suggestedFilename(), /^policy-ledger-all-person-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = path.join(ARTIFACTS, 'export.csv');
    await download.saveAs(file);
    const content = fs.readFileSync(file, 'utf8');
    assert.ok(content.startsWith('\uFEFF'), 'a UTF-8 byte-order mark');
    const lines = content.slice(1).trim().split('\r\n');
    assert.equal(lines[0].split(',').slice(0, 5).join(','), 'seq,id,occurredAt,subject,action');
    assert.equal(lines.length, 3);
    const subject = (
      await testApp()
        .strapi.db.connection(EVENTS)
        .where({ policy_key: policyKey, action: 'withdrawn' })
        .first()
    ).subject;
    assert.ok(lines.slice(1).every((l) => l.split(',')[3] === subject));
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',')[4]),
      ['granted', 'withdrawn'],
    );
  });

  it('shows sealing health, and warns that sealing is off on this instance (the suite turns the jobs off)', async () => {
    // One line on top of every tab; the warnings themselves on demand (see the next tests).
    await page.getByTestId('setup-warnings').waitFor();
    assert.match(
      (await page.getByTestId('setup-warnings').getAttribute('data-codes')) ?? '',
      /\bsealing-off\b/,
    );
    await page.getByTestId('tab-verify').click();
    const panel = page.getByTestId('seal-status');
    await panel.waitFor();
    assert.equal(await panel.getAttribute('data-status'), 'off');
    await page.getByTestId('seal-warning').waitFor();
    const status = await testApp().strapi.plugin('policy-ledger').service('integrity').sealStatus();
    assert.equal(Number(await page.getByTestId('seal-unsealed').innerText()), status.unsealed);
    assert.equal((await page.getByTestId('seal-job').innerText()).trim(), 'off');
  });

  it('runs verify and shows the latest checkpoint hash', async () => {
    await page.getByTestId('tab-verify').click();
    await page.getByTestId('verify-run').click();
    await page.locator('[data-testid="verify-result"][data-ok="true"]').waitFor();
    const latest = await testApp()
      .strapi.plugin('policy-ledger')
      .service('integrity')
      .latestCheckpoint();
    assert.equal((await page.getByTestId('verify-checkpoint').innerText()).trim(), latest.hash);
    await shot('verify');
  });

  it('shows the setup warnings as one line, details on demand, and remembers a dismissal', async () => {
    const { url } = testApp();
    const line = page.getByTestId('setup-warnings');
    await line.waitFor();
    const count = Number(await line.getAttribute('data-count'));
    assert.ok(count >= 1);
    assert.equal(
      (await page.getByTestId('setup-warnings-summary').innerText()).trim(),
      count === 1 ? '1 setup warning' : `${count} setup warnings`,
    );
    // Collapsed: one line, no warning box pushing the tab down.
    assert.equal(await page.getByTestId('setup-warning-sealing-off').count(), 0);
    assert.ok(((await line.boundingBox())?.height ?? 999) < 60, 'one line');
    await page.getByTestId('setup-warnings-toggle').click();
    const off = page.getByTestId('setup-warning-sealing-off');
    await off.waitFor();
    await shot('setup-warnings-open');
    await off.getByRole('button', { name: 'Dismiss in this browser' }).click();
    await off.waitFor({ state: 'detached' });
    // After a reload the dismissal holds: one warning fewer, sealing-off not among the details.
    await page.reload();
    await page.getByTestId('tab-verify').waitFor();
    if (count === 1) {
      await page.waitForTimeout(1000);
      assert.equal(await line.count(), 0);
    } else {
      await line.waitFor();
      assert.equal(Number(await line.getAttribute('data-count')), count - 1);
      await page.getByTestId('setup-warnings-toggle').click();
      await page.locator('[data-testid^="setup-warning-"]').first().waitFor();
      assert.equal(await page.getByTestId('setup-warning-sealing-off').count(), 0);
    }
    // Forgotten again, for the tests after this one.
    await page.evaluate(() => localStorage.removeItem('policy-ledger.setup-warnings.dismissed'));
    await page.goto(`${url}/admin/plugins/policy-ledger/verify`);
    await line.waitFor();
    assert.equal(Number(await line.getAttribute('data-count')), count);
  });

  it('links an erasure done from a request to that request in the audit trail', async () => {
    const { url, strapi } = testApp();
    const knex = strapi.db.connection;
    const email = 'erased-by-request@example.com';
    const { form_key: form } = await knex('policy_ledger_submissions').first('form_key');
    const current = await http(`/api/policy-ledger/policies/${policyKey}/current`);
    const sent = await http(`/api/policy-ledger/forms/${form}/submissions`, {
      body: {
        locale: 'ru',
        data: { name: 'E', email },
        purposes: { processing: true },
        accepted: [{ policy: policyKey, version: current.body.data.version }],
      },
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const created = await http('/policy-ledger/requests', {
      admin: true,
      body: { type: 'erasure', contact: email },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id: string = created.body.data.id;
    for (const body of [
      { status: 'verifying' },
      { status: 'in-progress', identityMethod: 'reply from the address on file' },
    ]) {
      const moved = await http(`/policy-ledger/requests/${id}/status`, { admin: true, body });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
    }
    const erased = await http(`/policy-ledger/requests/${id}/actions`, {
      admin: true,
      body: { action: 'erase' },
    });
    assert.equal(erased.status, 200, JSON.stringify(erased.body));
    // Sealed and counted, as the suite's own people are.
    testApp().clock.advance(60_000);
    await strapi.plugin('policy-ledger').service('integrity').seal();
    await strapi.plugin('policy-ledger').service('people-counts').catchUp();

    await page.goto(`${url}/admin/plugins/policy-ledger/audit`);
    const row = page.locator('[data-testid="audit-row"][data-action="subject.erased"]').first();
    await row.waitFor();
    const link = row.getByTestId('audit-request-link');
    assert.equal((await link.innerText()).trim(), `Request #${id.slice(0, 8)}`);
    assert.doesNotMatch(await row.getByTestId('audit-details').innerText(), new RegExp(id));
    // The request's own entries name it the same way, not by its UUID.
    const status = page.locator('[data-testid="audit-row"][data-action="request.status"]').first();
    assert.equal(
      (await status.getByTestId('audit-request-link').innerText()).trim(),
      `Request #${id.slice(0, 8)}`,
    );
    await shot('audit-request-link');
    await link.click();
    await page.waitForURL(new RegExp(`/admin/plugins/policy-ledger/requests/${id}$`));
    await page.locator(`[data-testid="request-panel"]`).waitFor();
  });

  it('adds up the people of the acceptance table: a row for those with no edition accepted', async () => {
    await page.getByTestId('tab-acceptance').click();
    await select('acceptance-policy', new RegExp(policyKey));
    await page.locator('[data-testid="acceptance-row"][data-version="2"]').waitFor();
    const without = page.getByTestId('acceptance-without-edition');
    await without.waitFor();
    assert.match(await without.innerText(), /Declined \/ no edition accepted/);
    const cells = await page
      .locator(
        '[data-testid="acceptance-row"] [data-testid="count-people"], [data-testid="acceptance-without-edition"] [data-testid="count-people"]',
      )
      .allInnerTexts();
    const total = Number(
      await page.getByTestId('acceptance-totals').getByTestId('count-people').innerText(),
    );
    assert.equal(
      cells.reduce((sum, n) => sum + Number(n), 0),
      total,
      cells.join('+'),
    );
  });

  it('opens the diff of the two editions', async () => {
    await page.getByTestId('tab-diff').click();
    await select('diff-policy', new RegExp(policyKey));
    await select('diff-base', /^v1/);
    await select('diff-compare', /^v2/);
    await select('diff-locale', /^kk/i);
    await page.locator('[data-testid="diff-line"][data-change="added"]').first().waitFor();
    const added = await page
      .locator('[data-testid="diff-line"][data-change="added"]')
      .allInnerTexts();
    assert.ok(
      added.some((t) => t.includes('Added in v2.')),
      added.join('|'),
    );
    await shot('diff');

    // In Russian one word changed per line: the line is "changed", the word is marked.
    await select('diff-locale', /^ru/i);
    await page.locator('[data-testid="diff-line"][data-change="changed"]').first().waitFor();
    const words = await page
      .locator('[data-testid="diff-word"]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-change'), e.textContent]));
    assert.deepEqual(words.slice(0, 2), [
      ['removed', 'v1'],
      ['added', 'v2'],
    ]);
    assert.equal(
      await page.locator('[data-testid="diff-line"][data-change="removed"]').count(),
      0,
      'no line shown as removed and added again',
    );
    await shot('diff-words');
  });
  it('looks a person up: standing, decisions with the text accepted, both exports, erasure', async () => {
    const subject = (
      await testApp()
        .strapi.db.connection(EVENTS)
        .where({ policy_key: policyKey, action: 'withdrawn' })
        .first()
    ).subject as string;
    await page.getByTestId('tab-people').click();
    await page.getByTestId('person-identifier').fill(' B1@Example.com ');
    await page.getByTestId('person-lookup').click();
    await page.getByTestId('person-record').waitFor();
    assert.match(
      await page.getByTestId('person-subject').innerText(),
      new RegExp(subject.slice(0, 12)),
    );

    // Standing: accepted v1 in Russian, marketing withdrawn since; v2 in force.
    const standing = page.locator(`[data-testid="person-standing"][data-policy="${policyKey}"]`);
    assert.match(
      await standing.getByTestId('person-accepted-version').innerText(),
      /v1 \(ru\).*v2/,
    );
    const purposes = await standing
      .getByTestId('person-purpose')
      .evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('data-on')]));
    assert.deepEqual(purposes, [
      ['marketing: no', 'false'],
      ['processing: yes', 'true'],
    ]);

    // Decisions, newest first, as in the database; the exact text accepted on demand.
    const rows = await testApp()
      .strapi.db.connection(EVENTS)
      .where({ subject })
      .orderBy('seq', 'desc');
    const shown = await page
      .getByTestId('person-event')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-action'), e.getAttribute('data-version')]),
      );
    assert.deepEqual(
      shown,
      rows.map((r: { action: string; policy_version: number }) => [
        r.action,
        String(r.policy_version),
      ]),
    );
    const granted = page.locator('[data-testid="person-event"][data-action="granted"]');
    // Every instant in the plugin's zone (the demo's Asia/Almaty), named on screen.
    assert.match(await page.getByTestId('plugin-time-zone').innerText(), /Asia\/Almaty/);
    assert.match(await granted.innerText(), /GMT\+5/);
    await granted.getByTestId('person-event-text').click();
    assert.match(
      await granted.getByTestId('person-text').innerText(),
      /Text of browser v1 in ru\./,
    );
    await shot('people');
    // docs/privacy-officers.md shows this view (npm run docs:screenshots).

    for (const format of ['json', 'html'] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`person-export-${format}`).click(),
      ]);
      assert.match(
        download.suggestedFilename(),
        new RegExp(`^personal-data-${subject.slice(0, 12)}-.*\\.${format}$`),
      );
      const file = path.join(ARTIFACTS, `person-export.${format}`);
      await download.saveAs(file);
      const content = fs.readFileSync(file, 'utf8');
      if (format === 'json') assert.equal(JSON.parse(content).data.subject, subject);
      else assert.match(content, /Personal data held about you[\s\S]*Text of browser v1 in ru\./);
    }
    // The evidence pack: one file, checked offline by policy-ledger-verify-receipt (integration tests).
    const [packDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('person-evidence-pack').click(),
    ]);
    assert.match(
      packDownload.suggestedFilename(),
      new RegExp(`^evidence-${subject.slice(0, 12)}-`),
    );
    const packFile = path.join(ARTIFACTS, 'evidence-pack.json');
    await packDownload.saveAs(packFile);
    const pack = JSON.parse(fs.readFileSync(packFile, 'utf8'));
    assert.equal(pack.format, 'policy-ledger-evidence/1');
    assert.equal(pack.subject, subject);
    assert.ok(pack.decisions.length >= 1);

    await page
      .getByTestId('person-erase')
      .getByRole('button', { name: 'Erase personal data' })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Erase', exact: true }).click();
    await page.locator('[data-testid="person-submission"][data-erased="true"]').waitFor();
    const held = await testApp()
      .strapi.db.connection('policy_ledger_submissions')
      .where({ subject });
    assert.ok(held.length > 0 && held.every((r: { data: unknown }) => r.data === null));
    await shot('people-erased');
  });
  it('takes a request from receipt to done, with its due date in working days', async () => {
    const { strapi, clock } = testApp();
    const today = dateInZone(clock.now(), 'Asia/Almaty');
    const { requests } = strapi.config.get('plugin::policy-ledger') as {
      requests: { deadlines: Record<string, DeadlineRule>; holidays: string[] };
    };
    const due = dueDate(today, requests.deadlines.access, {
      weekend: [6, 0],
      holidays: requests.holidays,
    });

    await page.getByTestId('tab-requests').click();
    await page.getByTestId('request-contact').fill('b3@example.com');
    await page.getByTestId('request-create').click();
    const row = page.locator('[data-testid="request-row"]', { hasText: 'b3@example.com' });
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'received');
    assert.equal(await row.getByTestId('request-due').getAttribute('data-due'), due);
    assert.match(await page.getByTestId('requests-zone').innerText(), /Asia\/Almaty/);

    await row.getByTestId('request-open').click();
    const panel = page.getByTestId('request-panel');
    await panel.getByTestId('request-to-verifying').click();
    await page.locator('[data-testid="request-panel"][data-status="verifying"]').waitFor();
    await panel.getByTestId('request-identity').fill('answered from the e-mail address on file');
    await panel.getByTestId('request-to-in-progress').click();
    await page.locator('[data-testid="request-panel"][data-status="in-progress"]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('request-action-export').click(),
    ]);
    const file = path.join(ARTIFACTS, 'request-export.json');
    await download.saveAs(file);
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).submissions.length, 1);
    await panel.getByTestId('request-action-taken').waitFor();
    await shot('requests');
    await panel.getByTestId('request-to-done').click();

    // Closed requests leave the open list; the whole register shows it done.
    await row.waitFor({ state: 'detached' });
    await select('requests-status', 'All requests');
    const closed = page.locator('[data-testid="request-row"][data-status="done"]', {
      hasText: 'b3@example.com',
    });
    await closed.waitFor();
    assert.equal(
      await closed.getByTestId('request-deadline').getAttribute('data-deadline'),
      'closed',
    );
    const stored = await strapi.db
      .connection('policy_ledger_requests')
      .where({ contact: 'b3@example.com' });
    assert.equal(stored.length, 1);
    assert.equal(stored[0].status, 'done');
    assert.equal(JSON.parse(stored[0].actions)[0].action, 'export');
  });
  it('opens a request from its address, switching the filter to show a closed one', async () => {
    const { url } = testApp();
    const create = async (contact: string) => {
      const res = await http('/policy-ledger/requests', {
        admin: true,
        body: { type: 'erasure', contact },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.data.id as string;
    };
    const openId = await create('link-open@example.com');
    const closedId = await create('link-closed@example.com');
    const refused = await http(`/policy-ledger/requests/${closedId}/status`, {
      admin: true,
      body: { status: 'refused', reason: 'A legal duty to keep the records' },
    });
    assert.equal(refused.status, 200, JSON.stringify(refused.body));
    const panel = page.getByTestId('request-panel');
    const address = (id: string) => `/admin/plugins/policy-ledger/requests/${id}`;

    // A new page load straight onto an open request: its panel, among the open requests.
    await page.goto(`${url}${address(openId)}`);
    await page.locator('[data-testid="request-panel"][data-status="received"]').waitFor();
    assert.match(await panel.innerText(), /link-open@example\.com/);
    assert.equal(await page.getByTestId('tab-requests').getAttribute('aria-selected'), 'true');
    assert.match(await page.getByTestId('requests-status').innerText(), /Open requests/);

    // A closed one is not among the open requests: the filter goes to all of them.
    await page.goto(`${url}${address(closedId)}`);
    await page.locator('[data-testid="request-panel"][data-status="refused"]').waitFor();
    assert.match(await panel.innerText(), /link-closed@example\.com/);
    assert.match(await panel.getByTestId('request-reason').innerText(), /legal duty/);
    assert.match(await page.getByTestId('requests-status').innerText(), /All requests/);
    await page.locator(`[data-testid="request-row"][data-id="${closedId}"]`).waitFor();

    // Opening another request names it in the address; back opens the first again.
    await page
      .locator(`[data-testid="request-row"][data-id="${openId}"]`)
      .getByTestId('request-open')
      .click();
    await page.waitForURL((u) => u.pathname === address(openId));
    await page.locator('[data-testid="request-panel"][data-status="received"]').waitFor();
    assert.match(await panel.innerText(), /link-open@example\.com/);
    await page.goBack();
    await page.waitForURL((u) => u.pathname === address(closedId));
    await page.locator('[data-testid="request-panel"][data-status="refused"]').waitFor();

    // A reload keeps it.
    await page.reload();
    await page.locator('[data-testid="request-panel"][data-status="refused"]').waitFor();
    assert.match(await panel.innerText(), /link-closed@example\.com/);
    await shot('request-link');

    // An id the register does not hold: no panel, and the page says so.
    await page.goto(`${url}${address('no-such-request')}`);
    await page.getByTestId('request-missing').waitFor();
    assert.equal(await panel.count(), 0);
  });

  it('opens a person from their address, and a reload keeps them', async () => {
    const { url } = testApp();
    const email = 'b0@example.com';
    const held = await http(
      `/policy-ledger/subjects/record?identifier=${encodeURIComponent(email)}`,
      {
        admin: true,
      },
    );
    assert.equal(held.status, 200, JSON.stringify(held.body));
    const { subject, events } = held.body.data as { subject: string; events: unknown[] };
    assert.ok(events.length >= 2, `${events.length} decisions`);
    const address = `/admin/plugins/policy-ledger/people/${encodeURIComponent(email)}`;
    assert.equal(address, '/admin/plugins/policy-ledger/people/b0%40example.com');

    const shown = async () => {
      await page.getByTestId('person-record').waitFor();
      const summary = await page.getByTestId('person-subject').innerText();
      assert.ok(summary.includes(subject.slice(0, 12)), summary);
      assert.ok(summary.includes(`${events.length} decisions`), summary);
      assert.equal(await page.getByTestId('person-event').count(), events.length);
      await page.locator(`[data-testid="person-standing"][data-policy="${policyKey}"]`).waitFor();
      assert.equal(await page.getByTestId('person-identifier').inputValue(), email);
      assert.equal(new URL(page.url()).pathname, address);
    };
    await page.goto(`${url}${address}`);
    await shown();
    await page.reload();
    await shown();

    // Another tab and back: the person, and their address, come back.
    await page.getByTestId('tab-requests').click();
    await page.waitForURL((u) => u.pathname === '/admin/plugins/policy-ledger/requests');
    await page.getByTestId('tab-people').click();
    await shown();

    // Looking someone up names them in the address (a phone number's "+" encoded).
    await page.getByTestId('person-identifier').fill('+77010000009');
    await page.getByTestId('person-lookup').click();
    await page.waitForURL(
      (u) => u.pathname === '/admin/plugins/policy-ledger/people/%2B77010000009',
    );
    await page.locator('[data-testid="person-event"][data-action="denied"]').waitFor();
    await page.goBack();
    await shown();
  });

  // Never the wrong person on screen; no one-click erasure; a request keeps what was typed
  // (issue 27, items 1 and 2).
  it('shows nothing of the first person after a failed or empty lookup, and says why by the field', async () => {
    const { url } = testApp();
    const email = 'b0@example.com';
    const held = await http(
      `/policy-ledger/subjects/record?identifier=${encodeURIComponent(email)}`,
      { admin: true },
    );
    const pseudonym = (held.body.data.subject as string).slice(0, 12);
    const lookUp = async (identifier: string) => {
      await page.getByTestId('person-identifier').fill(identifier);
      await page.getByTestId('person-lookup').click();
      await page.waitForURL(
        (u) =>
          u.pathname === `/admin/plugins/policy-ledger/people/${encodeURIComponent(identifier)}`,
      );
    };
    /** Nothing of b0: no record, decision, submission, export or erase button, no pseudonym. */
    const nothingOfTheFirst = async (where: string) => {
      for (const id of [
        'person-record',
        'person-subject',
        'person-event',
        'person-submission',
        'person-export-json',
        'person-erase',
      ]) {
        assert.equal(await page.getByTestId(id).count(), 0, `${where}: ${id}`);
      }
      const shown = await page.locator('main').innerText();
      assert.ok(!shown.includes(pseudonym), `${where}: b0's pseudonym on screen`);
    };
    const shownFirst = async () => {
      await page.getByTestId('person-record').waitFor();
      assert.match(await page.getByTestId('person-subject').innerText(), new RegExp(pseudonym));
      assert.ok((await page.getByTestId('person-event').count()) >= 2);
      await page.getByTestId('person-erase').waitFor();
    };
    await page.goto(`${url}/admin/plugins/policy-ledger/people/${encodeURIComponent(email)}`);
    await shownFirst();

    // The field names someone else: the record goes at once, before Look up.
    await page.getByTestId('person-identifier').fill('aigerim@@example');
    await nothingOfTheFirst('typed');
    // The server refuses the identifier (400): said in words under the field, not only a toast.
    await lookUp('aigerim@@example');
    const error = page.locator('#policy-ledger-person-error');
    await error.waitFor();
    assert.equal(
      await error.innerText(),
      '“aigerim@@example” is not a valid e-mail address',
      'the error in words, naming what was typed',
    );
    await nothingOfTheFirst('malformed');
    await shot('people-malformed');
    // Its address too: a reload shows the same refusal and nothing else.
    await page.reload();
    await error.waitFor();
    await nothingOfTheFirst('malformed, reloaded');

    // A known person, then one nothing is held on: only "Nothing is held".
    await lookUp(email);
    await shownFirst();
    assert.equal(await error.count(), 0, 'the error goes with a good lookup');
    await lookUp('nobody-held@example.com');
    await page.getByText('Nothing is held on this person.').waitFor();
    await nothingOfTheFirst('unknown');
    await page.goBack();
    await shownFirst();

    // The Ledger's person filter: a refused filter shows no row of the one before.
    await page.getByTestId('tab-ledger').click();
    await page.getByTestId('ledger-subject').fill('b1@example.com');
    await page.getByTestId('ledger-search').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="ledger-row"]').length === 2,
    );
    await page.getByTestId('ledger-subject').fill('aigerim@@example');
    await page.getByTestId('ledger-search').click();
    const filterError = page.locator('#policy-ledger-ledger-subject-error');
    await filterError.waitFor();
    assert.equal(await filterError.innerText(), '“aigerim@@example” is not a valid e-mail address');
    assert.equal(await page.getByTestId('ledger-row').count(), 0);
    assert.equal((await page.getByTestId('ledger-count').innerText()).trim(), '');
    await shot('ledger-malformed');
    // A good filter again shows its own rows only.
    await page.getByTestId('ledger-subject').fill('b1@example.com');
    await page.getByTestId('ledger-search').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="ledger-row"]').length === 2,
    );
    assert.equal(await filterError.count(), 0);
  });

  it("asks before erasing from a request's panel, naming the person, and erases nothing until confirmed", async () => {
    const { url, strapi } = testApp();
    const knex = strapi.db.connection;
    // Someone with one submission (and its evidence) of their own.
    const email = 'asks-first@example.com';
    const { form_key: form } = await knex('policy_ledger_submissions').first('form_key');
    const current = await http(`/api/policy-ledger/policies/${policyKey}/current`);
    const sent = await http(`/api/policy-ledger/forms/${form}/submissions`, {
      body: {
        locale: 'ru',
        data: { name: 'A', email },
        purposes: { processing: true, marketing: true },
        accepted: [{ policy: policyKey, version: current.body.data.version }],
      },
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    // Sealed and counted, as the suite's own people are (the acceptance tab counts sealed events).
    testApp().clock.advance(60_000);
    await strapi.plugin('policy-ledger').service('integrity').seal();
    await strapi.plugin('policy-ledger').service('people-counts').catchUp();
    const created = await http('/policy-ledger/requests', {
      admin: true,
      body: { type: 'erasure', contact: email, note: 'By letter, signed' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { id, subject } = created.body.data as { id: string; subject: string };
    for (const body of [
      { status: 'verifying' },
      { status: 'in-progress', identityMethod: 'signature compared with the contract' },
    ]) {
      const moved = await http(`/policy-ledger/requests/${id}/status`, { admin: true, body });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
    }
    const held = async () => ({
      data: (await knex('policy_ledger_submissions').where({ subject }).whereNotNull('data'))
        .length,
      evidence: (
        await knex('policy_ledger_evidence').whereIn(
          'event_id',
          knex('policy_ledger_events').select('event_id').where({ subject }),
        )
      ).length,
    });
    const before = await held();
    assert.deepEqual([before.data, before.evidence > 0], [1, true]);

    await page.goto(`${url}/admin/plugins/policy-ledger/requests/${id}`);
    const panel = page.locator('[data-testid="request-panel"][data-status="in-progress"]');
    await panel.waitFor();
    const dialog = page.getByRole('alertdialog');
    const openDialog = async () => {
      await panel.getByTestId('request-action-erase').getByRole('button').click();
      await dialog.waitFor();
    };
    await openDialog();
    const asked = await dialog.innerText();
    assert.match(asked, /Erase the data of asks-first@example\.com\?/);
    await page.waitForFunction(() =>
      /1 submission\b/.test(
        document.querySelector('[data-testid="request-erase-what"]')?.textContent ?? '',
      ),
    );
    assert.match(
      await dialog.getByTestId('request-erase-what').innerText(),
      new RegExp(
        `what asks-first@example\\.com sent in 1 submission, and the evidence \\(IP address, browser, page\\) of ${before.evidence} decisions?\\.`,
      ),
    );
    await shot('request-erase-confirm');
    // Back: nothing is erased, nothing is recorded on the request.
    await dialog.getByRole('button', { name: 'Back' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(await held(), before);
    const listed = await http('/policy-ledger/requests', { admin: true });
    const entry = listed.body.data.requests.find((r: { id: string }) => r.id === id);
    assert.deepEqual(entry.actions, []);
    assert.equal(await panel.getByTestId('request-action-taken').count(), 0);

    // Confirmed: erased, said in words, and recorded on the request as a sentence.
    await openDialog();
    await dialog.getByRole('button', { name: 'Erase', exact: true }).click();
    const taken = panel.locator('[data-testid="request-action-taken"][data-action="erase"]');
    await taken.waitFor();
    assert.match(
      await taken.innerText(),
      new RegExp(
        `— ${ADMIN.email.replace(/[.]/g, '\\.')} erased their data: 1 submission, ${before.evidence} evidence records?\\.$`,
      ),
    );
    await page.getByText(/Erased the data of asks-first@example\.com: 1 submission/).waitFor();
    assert.deepEqual(await held(), { data: 0, evidence: 0 });
  });

  it("keeps a request's note and every field typed: shown after a reload, and in the CSV", async () => {
    const { url } = testApp();
    await page.setViewportSize({ width: 1440, height: 900 });
    try {
      await page.goto(`${url}/admin/plugins/policy-ledger/requests`);
      const contact = page.getByTestId('request-contact');
      // A refused field is said next to it, in the form's words.
      await contact.fill('aigerim@@example');
      await page.getByTestId('request-create').click();
      const contactError = page.locator('#policy-ledger-request-contact-error');
      await contactError.waitFor();
      assert.equal(
        await contactError.innerText(),
        '“aigerim@@example” is not a valid e-mail address',
      );
      const note = 'Phoned in on 5 March, wants a copy "by post"; speaks Kazakh';
      await contact.fill('note-keeper@example.com');
      assert.equal(await contactError.count(), 0, 'typing clears what was said');
      await page.getByTestId('request-note').fill(note);
      await page.getByTestId('request-create').click();
      const row = page.locator('[data-testid="request-row"]', {
        hasText: 'note-keeper@example.com',
      });
      await row.waitFor();
      const id = (await row.getAttribute('data-id')) as string;

      // The panel opens in view (a 900 px window), its address names the request.
      await row.getByTestId('request-open').click();
      await page.waitForURL((u) => u.pathname === `/admin/plugins/policy-ledger/requests/${id}`);
      const panel = page.getByTestId('request-panel');
      const inView = async (where: string) => {
        await panel.waitFor();
        await page.waitForTimeout(200);
        const box = await panel.boundingBox();
        assert.ok(box && box.y >= 0 && box.y < 900 - 100, `${where}: panel top at ${box?.y}`);
      };
      await inView('opened');
      assert.equal(
        await panel.getByTestId('request-intake-note').innerText(),
        `Note taken at intake: ${note}`,
      );

      // Refusing asks for a reason first, by its field, then confirms naming the person.
      await panel.getByTestId('request-to-refused').getByRole('button').click();
      const reasonError = page.locator('#policy-ledger-request-refuse-reason-error');
      await reasonError.waitFor();
      assert.equal(await reasonError.innerText(), 'Give the reason for refusing.');
      assert.equal(await page.getByRole('alertdialog').count(), 0);
      await panel.getByTestId('request-refuse-reason').fill('No data is held on them');
      await panel.getByTestId('request-to-refused').getByRole('button').click();
      const dialog = page.getByRole('alertdialog');
      assert.match(
        await dialog.innerText(),
        /Refuse the request of note-keeper@example\.com\?[\s\S]*“No data is held on them”/,
      );
      await dialog.getByRole('button', { name: 'Back' }).click();
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await panel.getAttribute('data-status'), 'received');

      // Each step says what happened and the panel stays, in its new state, with what was typed.
      await panel.getByTestId('request-change-note').fill('ID asked by e-mail');
      await panel.getByTestId('request-to-verifying').click();
      await page.getByText('Request moved to the identity check.').waitFor();
      await page.locator('[data-testid="request-panel"][data-status="verifying"]').waitFor();
      // Leaving "verifying" needs the identity method: said by its field.
      await panel.getByTestId('request-to-in-progress').click();
      await page.locator('#policy-ledger-request-identity-error').waitFor();
      await panel.getByTestId('request-identity').fill('passport copy compared');
      await panel.getByTestId('request-to-in-progress').click();
      await page.locator('[data-testid="request-panel"][data-status="in-progress"]').waitFor();
      await panel.getByTestId('request-to-done').click();
      await page.getByText('Request marked done.').waitFor();
      await page.locator('[data-testid="request-panel"][data-status="done"]').waitFor();
      await row.waitFor({ state: 'detached' }); // it left the open requests, the panel stayed
      const changes = await panel.getByTestId('request-change').allInnerTexts();
      assert.equal(changes.length, 3, changes.join('\n'));
      assert.match(changes[0], /started checking their identity\.\s+Note: ID asked by e-mail/);
      assert.match(changes[1], /started work on it\.\s+Identity checked: passport copy compared/);
      assert.match(changes[2], /marked it done\./);
      assert.doesNotMatch(await panel.innerText(), /[{}]|"submissions"/, 'no raw JSON');
      await shot('request-kept');

      // A reload of its address: the note and what was typed, still there, in view.
      await page.reload();
      await page.locator('[data-testid="request-panel"][data-status="done"]').waitFor();
      await inView('reloaded');
      assert.equal(
        await panel.getByTestId('request-intake-note').innerText(),
        `Note taken at intake: ${note}`,
      );
      assert.match(
        await panel.getByTestId('request-identity-check').innerText(),
        /passport copy compared/,
      );

      // The CSV of the register carries them.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('requests-export').click(),
      ]);
      const file = path.join(ARTIFACTS, 'requests.csv');
      await download.saveAs(file);
      const rows = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      const header = rows[0];
      const mine = rows.find((r) => r[0] === id);
      assert.ok(mine, `request ${id} in the CSV`);
      const cell = (name: string) => mine[header.indexOf(name)];
      assert.equal(cell('note'), note);
      assert.equal(cell('identityMethod'), 'passport copy compared');
      assert.match(cell('statusChanges'), /received -> verifying \(note: ID asked by e-mail\)/);
      assert.match(
        cell('statusChanges'),
        /verifying -> in-progress \(identity: passport copy compared\)/,
      );
    } finally {
      await page.setViewportSize({ width: 1440, height: 1000 });
    }
  });
  it('counts people beside events, each person once, as the database has them', async () => {
    await page.getByTestId('tab-acceptance').click();
    await select('acceptance-policy', new RegExp(policyKey));
    await page.locator('[data-testid="acceptance-row"][data-version="2"]').waitFor();
    const knex = testApp().strapi.db.connection;
    const distinct = await knex(EVENTS)
      .where({ policy_key: policyKey })
      .countDistinct({ n: 'subject' })
      .first();
    assert.equal(Number(await page.getByTestId('people-total').innerText()), Number(distinct?.n));
    const events = await knex(EVENTS).where({ policy_key: policyKey }).count({ n: '*' }).first();
    assert.equal(Number(await page.getByTestId('events-total').innerText()), Number(events?.n));
    // Each person on the newest edition they accepted (granted or implied).
    const newest = (await knex(EVENTS)
      .where({ policy_key: policyKey })
      .whereIn('action', ['granted', 'implied'])
      .groupBy('subject')
      .select('subject')
      .max({ v: 'policy_version' })) as Array<{ v: number | string }>;
    for (const version of [1, 2]) {
      const expected = newest.filter((r) => Number(r.v) === version).length;
      const row = page.locator(`[data-testid="acceptance-row"][data-version="${version}"]`);
      assert.equal(
        Number(await row.getByTestId('count-people').innerText()),
        expected,
        `v${version}`,
      );
      const bar = page.locator(`[data-testid="people-bar"][data-key="edition-${version}"]`);
      assert.equal(Number(await bar.getByTestId('people-bar-count').innerText()), expected);
    }
    // The chart counts people by default; events on demand.
    assert.equal(await page.getByTestId('chart-people').getAttribute('aria-pressed'), 'true');
    await shot('acceptance-people');
    await page.getByTestId('chart-events').click();
    await page.getByTestId('acceptance-chart').waitFor();
    await page.getByTestId('chart-people').click();
    await page.getByTestId('people-chart').waitFor();
  });

  it('records a release from the Content Manager in the audit trail, sealed and verified', async () => {
    const { strapi, url } = testApp();
    const policy = await strapi.db
      .query('plugin::policy-ledger.policy')
      .findOne({ where: { key: policyKey } });
    const draft = await createEdition(policy.documentId, textsFor('browser v3'));
    await page.goto(
      `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition/${draft}?plugins[i18n][locale]=kk`,
    );
    await page.getByRole('button', { name: 'Release', exact: true }).click();
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/editions/${draft}/release`) && r.ok()),
      page.getByRole('alertdialog').getByRole('button', { name: 'Release', exact: true }).click(),
    ]);
    const version = (
      await strapi.db
        .query('plugin::policy-ledger.edition')
        .findOne({ where: { documentId: draft } })
    ).version;

    await page.goto(`${url}/admin/plugins/policy-ledger`);
    await page.getByTestId('tab-audit').click();
    const first = page.locator('[data-testid="audit-row"]').first();
    await first.waitFor();
    assert.equal(await first.getAttribute('data-action'), 'edition.released');
    const text = await first.innerText();
    assert.match(text, new RegExp(`${policyKey} v${version}`));
    assert.ok(text.includes(ADMIN.email), text);
    await shot('audit-trail');
    // Filtered to releases, exported with a byte-order mark.
    await select('audit-action', 'Edition released');
    await page.getByTestId('audit-search').click();
    await page
      .locator('[data-testid="audit-row"][data-action="edition.released"]')
      .first()
      .waitFor();
    const actions = await page
      .locator('[data-testid="audit-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    assert.ok(actions.length >= 3 && actions.every((a) => a === 'edition.released'), `${actions}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export').click(),
    ]);
    assert.match(download.suggestedFilename(), /^policy-ledger-audit-edition\.released-.*\.csv$/);
    const csvFile = path.join(ARTIFACTS, 'audit.csv');
    await download.saveAs(csvFile);
    const lines = fs
      .readFileSync(csvFile, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length - 1, actions.length);

    // Sealed with the events; verify checks it.
    testApp().clock.advance(60_000);
    await strapi.plugin('policy-ledger').service('integrity').seal();
    await page.getByTestId('tab-verify').click();
    await page.getByTestId('verify-run').click();
    await page.locator('[data-testid="verify-result"][data-ok="true"]').waitFor();
    const audited = await strapi.db.connection('policy_ledger_audit').count({ n: '*' }).first();
    assert.ok(Number(audited?.n) >= 3);
  });

  it('names the plugin time zone on every tab and shows instants in it', async () => {
    const tabs = await page
      .locator('[data-testid^="tab-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') as string));
    assert.ok(tabs.length >= 8, tabs.join());
    for (const tab of tabs) {
      await page.getByTestId(tab).click();
      assert.match(await page.getByTestId('plugin-time-zone').innerText(), /Asia\/Almaty/, tab);
    }
    // An instant as the page shows it: the hour and minute in Almaty, not UTC.
    const almaty = (iso: string) =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: 'Asia/Almaty',
        hour: 'numeric',
        minute: '2-digit',
      })
        .format(new Date(iso))
        .replace(/\s?[AP]M$/, '');
    for (const [tab, cell] of [
      ['tab-ledger', '[data-testid="ledger-row"] td:nth-child(2) [title]'],
      ['tab-audit', '[data-testid="audit-row"] td:nth-child(2) [title]'],
    ] as const) {
      await page.getByTestId(tab).click();
      const shown = page.locator(cell).first();
      await shown.waitFor();
      const iso = (await shown.getAttribute('title')) as string;
      assert.ok((await shown.innerText()).includes(almaty(iso)), `${tab}: ${iso}`);
    }
  });

  // One time zone (issue 27): the browser is in Berlin, the plugin's zone is Asia/Almaty (+5 h,
  // no daylight saving). An instant is "h:mm" as the admin's English writes it in a zone.
  const hm = (at: string | number, timeZone = 'Asia/Almaty') =>
    new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' })
      .format(new Date(at))
      .replace(/\s?[AP]M$/, '');
  /** Asserts every time of day in the text names the plugin's zone, and no raw ISO instant is left. */
  const allInPluginZone = (text: string, where: string) => {
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, `${where}: a raw ISO instant`);
    const times = [
      ...text.matchAll(
        /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?(?:\s+(GMT[+-]\d{1,2}(?::\d{2})?|UTC|GMT))?/g,
      ),
    ];
    for (const t of times) assert.equal(t[1], 'GMT+5', `${where}: "${t[0]}" names Almaty's zone`);
    return times.length;
  };
  const shownIn = (text: string, at: string, where: string) => {
    assert.ok(text.includes(hm(at)), `${where}: ${at} as ${hm(at)} in "${text}"`);
    assert.ok(!text.includes(hm(at, 'Europe/Berlin')), `${where}: ${at} in the browser's zone`);
  };

  it("shows every instant of People, Requests and the audit trail in the plugin's zone, named", async () => {
    const { url } = testApp();
    const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    assert.equal(browserZone, 'Europe/Berlin');

    // People: each decision and submission at the time Almaty's clocks showed.
    const email = 'b0@example.com';
    const held = await http(
      `/policy-ledger/subjects/record?identifier=${encodeURIComponent(email)}`,
      { admin: true },
    );
    assert.equal(held.status, 200, JSON.stringify(held.body));
    const record = held.body.data as {
      events: Array<{ occurredAt: string }>;
      submissions: Array<{ receivedAt: string }>;
    };
    await page.goto(`${url}/admin/plugins/policy-ledger/people/${encodeURIComponent(email)}`);
    await page.getByTestId('person-record').waitFor();
    const events = await page.getByTestId('person-event').allInnerTexts();
    assert.equal(events.length, record.events.length);
    [...record.events].reverse().forEach((e, i) => shownIn(events[i], e.occurredAt, 'decision'));
    const submissions = await page.getByTestId('person-submission').allInnerTexts();
    [...record.submissions]
      .reverse()
      .forEach((s, i) => shownIn(submissions[i], s.receivedAt, 'submission'));
    const people = await page.getByTestId('person-record').innerText();
    assert.ok(allInPluginZone(people, 'people') >= events.length + submissions.length);

    // Requests: the identity check and an action taken, in the panel.
    const created = await http('/policy-ledger/requests', {
      admin: true,
      body: { type: 'access', contact: 'b4@example.com' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.data.id as string;
    for (const body of [
      { status: 'verifying' },
      { status: 'in-progress', identityMethod: 'called back on the number on file' },
    ]) {
      const moved = await http(`/policy-ledger/requests/${id}/status`, { admin: true, body });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
    }
    const acted = await http(`/policy-ledger/requests/${id}/actions`, {
      admin: true,
      body: { action: 'export' },
    });
    assert.equal(acted.status, 200, JSON.stringify(acted.body));
    const request = acted.body.data.request as {
      identityCheck: { at: string };
      actions: Array<{ at: string }>;
    };
    await page.goto(`${url}/admin/plugins/policy-ledger/requests/${id}`);
    const panel = page.locator('[data-testid="request-panel"][data-status="in-progress"]');
    await panel.getByTestId('request-action-taken').first().waitFor();
    const panelText = await panel.innerText();
    shownIn(panelText, request.identityCheck.at, 'identity check');
    shownIn(
      await panel.getByTestId('request-action-taken').first().innerText(),
      request.actions[0].at,
      'action',
    );
    assert.ok(allInPluginZone(panelText, 'request panel') >= 2);
    allInPluginZone(await page.locator('main').innerText(), 'requests');
    await shot('requests-plugin-zone');

    // The audit trail: when, and every instant in the details (here a release's effective instant).
    const audit = await http('/policy-ledger/audit?limit=50', { admin: true });
    assert.equal(audit.status, 200, JSON.stringify(audit.body));
    const release = (
      audit.body.data.entries as Array<{ action: string; details: { effectiveAt?: string } }>
    ).find((e) => e.action === 'edition.released');
    assert.ok(release?.details.effectiveAt, 'a release in the trail');
    await page.getByTestId('tab-audit').click();
    const row = page.locator('[data-testid="audit-row"][data-action="edition.released"]').first();
    await row.waitFor();
    const details = await row.getByTestId('audit-details').innerText();
    shownIn(details, release.details.effectiveAt, 'audit details');
    assert.match(details, /effectiveAt: .*GMT\+5/);
    assert.ok(allInPluginZone(await page.getByTestId('audit-table').innerText(), 'audit') > 0);
    await shot('audit-plugin-zone');
  });

  it("shows an edition's instants in the Content Manager in the plugin's zone, named, and no date picker in the browser's", async () => {
    const { strapi, url } = testApp();
    const row = await strapi.db
      .query('plugin::policy-ledger.edition')
      .findOne({ where: { version: { $notNull: true } }, orderBy: { id: 'asc' } });
    const res = await http(`/policy-ledger/editions/${row.documentId}/status`, { admin: true });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const status = res.body.data as { releasedAt: string; effectiveAt: string };
    await page.goto(
      `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition/${row.documentId}?plugins[i18n][locale]=kk`,
    );
    await page.getByTestId('edition-effective-at').waitFor();
    assert.match(await page.getByTestId('edition-time-zone').innerText(), /Asia\/Almaty/);
    shownIn(
      await page.getByTestId('edition-released-at').innerText(),
      status.releasedAt,
      'released',
    );
    shownIn(
      await page.getByTestId('edition-effective-at').innerText(),
      status.effectiveAt,
      'effective',
    );
    // The edit view: every time of day named; no input (a date-time picker) holds one.
    assert.ok(allInPluginZone(await page.locator('main').innerText(), 'edit view') >= 2);
    const inputs = await page
      .locator('main input')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    assert.deepEqual(
      inputs.filter((v) => /\d{1,2}:\d{2}/.test(v)),
      [],
      'a time in an input',
    );
    await shot('content-manager-edition-plugin-zone');

    // The list: its date column in the plugin's zone, named.
    await page.goto(
      `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition?plugins[i18n][locale]=kk`,
    );
    const cells = page.locator('[data-testid="cm-instant"][title]');
    await cells.first().waitFor();
    for (const cell of (await cells.all()).slice(0, 5)) {
      shownIn(await cell.innerText(), (await cell.getAttribute('title')) as string, 'list');
    }
    allInPluginZone(await page.locator('table').innerText(), 'list');
  });

  it('refuses a too-early effective date in the release panel itself, read in the plugin zone', async () => {
    const { url, clock } = testApp();
    clock.advance(10_803); // off the whole minute, as real releases are
    const policy = await createPolicy(uniqueKey('early'), { effectDelayDays: 7 });
    const draft = await createEdition(policy.documentId, textsFor('early release'));
    const statusOf = async () => {
      const res = await http(`/policy-ledger/editions/${draft}/status`, { admin: true });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data as {
        state: string;
        version: number | null;
        effectiveAt: string | null;
        releaseEffectiveAt: string;
      };
    };
    const earliest = Date.parse((await statusOf()).releaseEffectiveAt);
    // What an officer in Almaty types: the wall clock there (+5 h all year).
    const almatyInput = (at: number) => new Date(at + 5 * 3_600_000).toISOString().slice(0, 16);
    const sent: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes(`/editions/${draft}/release`)) sent.push(r.url());
    };
    page.on('request', onRequest);
    try {
      await page.goto(
        `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition/${draft}?plugins[i18n][locale]=kk`,
      );
      const box = page.getByTestId('release-effective');
      await box.waitFor();
      assert.equal(await box.getAttribute('data-time-zone'), 'Asia/Almaty');
      // The zone beside the input, and the earliest allowed in words (the first whole minute).
      const first = Math.ceil(earliest / 60_000) * 60_000;
      const named = (text: string) =>
        [0, 1, 2].some((m) => text.includes(hm(first + m * 60_000))) && /GMT\+5/.test(text);
      const zoneLine = box.getByTestId('release-effective-zone');
      assert.match(await zoneLine.innerText(), /Asia\/Almaty/);
      const hint = await box.innerText();
      assert.ok(named(hint), hint);

      const input = page.getByTestId('release-effective-at');
      const releaseButton = page.getByRole('button', { name: 'Release', exact: true });
      // A minute early in Almaty (read in Berlin's zone it would be 4 h later, and allowed).
      for (const tooEarly of [earliest - 60_000, earliest - DAY]) {
        await input.fill(almatyInput(tooEarly));
        await box.getByText(/Too early/).waitFor();
        assert.ok(named(await box.innerText()), await box.innerText());
        assert.match(await zoneLine.innerText(), /Asia\/Almaty/);
        assert.equal(await releaseButton.isDisabled(), true, 'Release refused');
      }
      await shot('release-too-early');
      assert.deepEqual(sent, [], 'nothing sent');
      const still = await statusOf();
      assert.deepEqual([still.state, still.version], ['draft', null]);

      // A day later, typed in Almaty's wall clock: it takes effect at exactly that instant.
      const chosen = Math.floor((earliest + DAY) / 60_000) * 60_000;
      await input.fill(almatyInput(chosen));
      await page.waitForFunction(
        () =>
          !document
            .querySelector('[data-testid="release-effective"]')
            ?.textContent?.includes('Too early'),
      );
      assert.equal(await releaseButton.isDisabled(), false);
      await releaseButton.click();
      const dialog = page.getByRole('alertdialog');
      assert.ok((await dialog.innerText()).includes(hm(chosen)), await dialog.innerText());
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/editions/${draft}/release`) && r.ok()),
        dialog.getByRole('button', { name: 'Release', exact: true }).click(),
      ]);
      const after = await statusOf();
      assert.equal(after.effectiveAt, new Date(chosen).toISOString());
      assert.equal(after.state, 'scheduled');
    } finally {
      page.off('request', onRequest);
    }
  });

  it('shows a released edition in the Content Manager with its system fields read-only', async () => {
    const { strapi, url } = testApp();
    const row = await strapi.db
      .query('plugin::policy-ledger.edition')
      .findOne({ where: { version: { $notNull: true } }, orderBy: { id: 'asc' } });
    await page.goto(
      `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition?plugins[i18n][locale]=kk`,
    );
    await page.locator('table tbody tr').first().waitFor();
    await shot('content-manager-list');
    const headers = (await page.locator('table thead th').allInnerTexts()).map((t) =>
      t.trim().toLowerCase(),
    );
    for (const column of ['version', 'takes effect at']) {
      assert.ok(headers.includes(column), `${column} in ${headers.join('|')}`);
    }
    await page.goto(
      `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition/${row.documentId}?plugins[i18n][locale]=kk`,
    );
    const version = page.getByLabel('Version', { exact: true });
    await version.waitFor();
    await shot('content-manager-edition');
    assert.equal(await version.isEditable(), false, 'the version cannot be typed');
    // The dates are in the edition panel, in the plugin's zone (their date pickers are hidden).
    await page.getByTestId('edition-effective-at').waitFor();
  });

  it('makes a released edition read-only in the Content Manager edit view and says why', async () => {
    const { url } = testApp();
    const policy = await createPolicy(uniqueKey('frozen'), { effectDelayDays: 0 });
    const doc = await createEdition(policy.documentId, textsFor('frozen cm'));
    await released(doc);
    await page.goto(
      `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition/${doc}?plugins[i18n][locale]=kk`,
    );
    const notice = page.getByTestId('edition-frozen');
    await notice.waitFor();
    assert.match(
      await notice.innerText(),
      /Released on .+ — frozen\. To change it, make a new edition from this one\./,
    );
    const title = page.locator('input[name="title"]');
    await page.locator('input[name="title"]:disabled').waitFor();
    assert.equal(await title.inputValue(), 'frozen cm (kk)');
    assert.equal(await title.isEditable(), false, 'the title cannot be typed');
    // The body (Markdown editor) is read-only too: typing into it changes nothing.
    const editor = page.locator('.CodeMirror').first();
    assert.equal(
      await editor.locator('[contenteditable]').first().getAttribute('contenteditable'),
      'false',
    );
    await editor.click();
    await page.keyboard.type('tampered');
    const body = await editor.evaluate((el) =>
      (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
    );
    assert.equal(body, textsFor('frozen cm').kk.body);
    assert.equal(
      await page.getByRole('button', { name: 'Save', exact: true }).isDisabled(),
      true,
      'nothing to save',
    );
    await shot('content-manager-edition-frozen');

    // A locale the released edition does not have yet can still be written.
    const partial = await createEdition(
      policy.documentId,
      textsFor('frozen partial', ['kk', 'ru']),
    );
    await released(partial);
    await page.goto(
      `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition/${partial}?plugins[i18n][locale]=en`,
    );
    await page.locator('input[name="title"]').waitFor();
    assert.equal(await page.locator('input[name="title"]').isEditable(), true);
  });

  it('makes a new draft edition from a released one, with every locale copied', async () => {
    const { url, strapi } = testApp();
    const policy = await createPolicy(uniqueKey('succ'), { effectDelayDays: 0 });
    const texts = textsFor('successor source');
    const doc = await createEdition(policy.documentId, texts, { changeKind: 'reconsent' });
    await released(doc);
    await page.goto(
      `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition/${doc}?plugins[i18n][locale]=ru`,
    );
    await page.getByTestId('edition-frozen').waitFor();
    await page.getByRole('button', { name: 'New edition from this one' }).click();
    await page.waitForURL(
      (u) =>
        !u.pathname.endsWith(`/${doc}`) &&
        /\/plugin::policy-ledger\.edition\/\w+$/.test(u.pathname),
    );
    const created = new URL(page.url()).pathname.split('/').pop() as string;
    assert.notEqual(created, doc);
    assert.equal(new URL(page.url()).searchParams.get('plugins[i18n][locale]'), 'ru');
    await page.getByText('v1 with the texts of every locale', { exact: false }).first().waitFor();
    // The new draft, loaded: editable, with its own panel.
    await page.locator('input[name="title"]:enabled').waitFor();
    await page.getByText('not released', { exact: true }).waitFor();
    await shot('content-manager-new-edition');
    for (const locale of ['kk', 'ru', 'en']) {
      await page.goto(
        `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition/${created}?plugins[i18n][locale]=${locale}`,
      );
      const title = page.locator('input[name="title"]');
      await page.waitForFunction(
        (expected) =>
          (document.querySelector('input[name="title"]') as HTMLInputElement | null)?.value ===
          expected,
        texts[locale].title,
      );
      assert.equal(await title.isEditable(), true, `a draft is editable (${locale})`);
      assert.equal(await page.getByLabel('Version', { exact: true }).inputValue(), '');
      assert.equal(await page.getByTestId('edition-frozen').count(), 0);
    }
    const rows = await strapi.db
      .query('plugin::policy-ledger.edition')
      .findMany({ where: { documentId: created }, orderBy: { locale: 'asc' } });
    assert.deepEqual(
      rows.map((r: { locale: string; title: string; body: string; version: number | null }) => [
        r.locale,
        r.title,
        r.body,
        r.version,
      ]),
      ['en', 'kk', 'ru'].map((l) => [l, texts[l].title, texts[l].body, null]),
    );
    assert.equal(rows[0].changeKind, 'reconsent');
  });

  it('shows each edition state in the Content Manager list: cancelled as cancelled, scheduled as scheduled', async () => {
    const { url } = testApp();
    const key = uniqueKey('states');
    const policy = await createPolicy(key, { effectDelayDays: 3 });
    const cancelled = await createEdition(policy.documentId, textsFor(`${key} one`));
    await released(cancelled);
    // Cancelling from the edit view asks first, naming the version and the policy.
    await page.goto(
      `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition/${cancelled}?plugins[i18n][locale]=kk`,
    );
    await page.getByRole('button', { name: 'Cancel edition', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const asked = await dialog.innerText();
    assert.match(asked, new RegExp(`Cancel v1 of Policy ${key}\\?`), asked);
    assert.match(asked, new RegExp(`Edition v1 of Policy ${key} will not take effect`), asked);
    await dialog.getByRole('button', { name: 'Back', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Then cancelled through the admin API; a second edition is released and stays scheduled.
    const res = await http(`/policy-ledger/editions/${cancelled}/cancel`, {
      admin: true,
      body: {},
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const scheduled = await createEdition(policy.documentId, textsFor(`${key} two`));
    await released(scheduled);

    await page.goto(
      `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition?plugins[i18n][locale]=kk&_q=${encodeURIComponent(key)}`,
    );
    const stateOf = (documentId: string) =>
      page.locator(`[data-testid="cm-edition-state"][data-document-id="${documentId}"]`);
    await stateOf(cancelled).waitFor();
    await stateOf(scheduled).waitFor();
    assert.equal(await stateOf(cancelled).getAttribute('data-state'), 'cancelled');
    assert.equal((await stateOf(cancelled).innerText()).trim().toLowerCase(), 'cancelled');
    assert.equal(await stateOf(scheduled).getAttribute('data-state'), 'scheduled');
    assert.equal((await stateOf(scheduled).innerText()).trim().toLowerCase(), 'scheduled');
    const headers = (await page.locator('table thead th').allInnerTexts()).map((t) =>
      t.trim().toLowerCase(),
    );
    assert.ok(headers.includes('state'), headers.join('|'));
    await shot('content-manager-states');
  });

  it('warns before releasing a text identical to the edition in force, and shows a frozen body read-only', async () => {
    const { url } = testApp();
    const policy = await createPolicy(uniqueKey('same'), { effectDelayDays: 0 });
    const texts = textsFor('identical text');
    const inForce = await createEdition(policy.documentId, texts);
    await released(inForce);

    // The released edition's Markdown editor looks like the other disabled fields.
    await page.goto(
      `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition/${inForce}?plugins[i18n][locale]=kk`,
    );
    await page.getByTestId('edition-frozen').waitFor();
    await page.locator('input[name="title"]:disabled').waitFor();
    // The first background drawn behind each (no named helper: the test runner's transpiler
    // would name it with a function the page does not have).
    const looks = await page.evaluate(() => {
      const editor = document.querySelector('.CodeMirror');
      const shown = [editor, document.querySelector('input[name="title"]')].map((el) => {
        for (let node = el; node; node = node.parentElement) {
          const color = getComputedStyle(node).backgroundColor;
          if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
        }
        return '';
      });
      return {
        editor: shown[0],
        title: shown[1],
        cursor: editor ? getComputedStyle(editor).cursor : '',
      };
    });
    assert.equal(looks.editor, looks.title, JSON.stringify(looks));
    assert.notEqual(looks.editor, 'rgb(255, 255, 255)', JSON.stringify(looks));
    assert.equal(looks.cursor, 'not-allowed');
    await shot('content-manager-frozen-body');

    // A draft with the same text in every locale: the release dialog says so before releasing.
    const draft = await createEdition(policy.documentId, texts);
    await page.goto(
      `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition/${draft}?plugins[i18n][locale]=kk`,
    );
    await page.getByRole('button', { name: 'Release', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    const warning = dialog.getByTestId('release-identical');
    await warning.waitFor();
    assert.match(
      await warning.innerText(),
      /This edition's text is identical to version 1, the one in force, in every locale\./,
    );
    // The dialog fades in: its animation finished, not caught halfway.
    await page.screenshot({
      path: path.join(ARTIFACTS, 'release-identical-text.png'),
      fullPage: true,
      animations: 'disabled',
    });
    await dialog.getByRole('button', { name: 'Back', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const status = await http(`/policy-ledger/editions/${draft}/status`, { admin: true });
    assert.equal(status.body.data.state, 'draft', 'nothing released');
  });

  it('switches the admin interface to Kazakh: the plugin page and its Content Manager labels in kk', async () => {
    const { url } = testApp();
    const kk = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'admin', 'src', 'translations', 'kk.json'), 'utf8'),
    ) as Record<string, string>;
    try {
      await page.goto(`${url}/admin/plugins/policy-ledger/policies`);
      await page.getByRole('heading', { level: 1, name: 'Policy Ledger', exact: true }).waitFor();
      await select('interface-language', /Қазақ/);
      await page.getByRole('heading', { level: 1, name: kk['plugin.name'], exact: true }).waitFor();
      await page.getByText(kk['page.subtitle'], { exact: true }).waitFor();
      await shot('interface-kazakh');
      // Saved as the admin's preferred language: a reload keeps it.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: kk['plugin.name'], exact: true }).waitFor();
      // The Content Manager's labels of the plugin's content types, in Kazakh.
      await page.goto(
        `${url}/admin/content-manager/collection-types/plugin::policy-ledger.edition?plugins[i18n][locale]=kk`,
      );
      await page
        .getByRole('heading', { level: 1, name: kk['cm.type.edition'], exact: true })
        .waitFor();
      await page.locator('[data-testid="cm-edition-state"]').first().waitFor();
      const headers = (await page.locator('table thead th').allInnerTexts()).map((t) =>
        t.trim().toLocaleLowerCase('kk'),
      );
      for (const key of ['cm.edition.version', 'cm.list.state', 'cm.edition.policy']) {
        assert.ok(headers.includes(kk[key].toLocaleLowerCase('kk')), `${kk[key]} in ${headers}`);
      }
      // Back to English with the same switch.
      await page.goto(`${url}/admin/plugins/policy-ledger/policies`);
      await select('interface-language', 'English');
      await page.getByRole('heading', { level: 1, name: 'Policy Ledger', exact: true }).waitFor();
    } finally {
      await http('/admin/users/me', {
        method: 'PUT',
        admin: true,
        body: { preferedLanguage: 'en' },
      });
    }
  });
});
