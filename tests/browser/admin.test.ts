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
    // The README shows this view.
    if (process.env.UPDATE_SCREENSHOTS === '1')
      fs.copyFileSync(
        path.join(ARTIFACTS, 'acceptance.png'),
        path.join(ROOT, 'docs', 'acceptance.png'),
      );
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
    await page.getByTestId('setup-warning-sealing-off').waitFor();
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
    // The README shows this view.
    if (process.env.UPDATE_SCREENSHOTS === '1')
      fs.copyFileSync(path.join(ARTIFACTS, 'people.png'), path.join(ROOT, 'docs', 'people.png'));

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
    // The dates carry readable labels (a date picker, disabled likewise by its metadata).
    await page.getByText('Takes effect at', { exact: true }).first().waitFor();
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
});
