import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  PolicyLedgerError,
  PolicyLedgerNetworkError,
  createPolicyLedgerClient,
  isPolicyLedgerError,
} from '../../client/src';
import { testApp } from '../helpers/strapi';
import {
  createEdition,
  createForm,
  createPolicy,
  released,
  textsFor,
  uniqueKey,
} from '../helpers/fixtures';

const noWait = async () => {};

/** The typed client (strapi-plugin-policy-ledger/client) against the booted app. */
export function clientSpec() {
  describe('typed client', () => {
    let key: string;
    let formKey: string;
    let token: string;
    before(async () => {
      key = uniqueKey('client');
      const policy = await createPolicy(key, { effectDelayDays: 0 });
      await released(await createEdition(policy.documentId, textsFor('client')));
      formKey = uniqueKey('clientform');
      await createForm(formKey, [policy.documentId]);
      const created = await testApp()
        .strapi.service('admin::api-token')
        .create({
          name: `client-${process.pid}`,
          type: 'full-access',
          lifespan: null,
          description: '',
        });
      token = created.accessKey;
    });
    const client = () => createPolicyLedgerClient({ baseUrl: testApp().url });

    it('reads the current policy, then revalidates with its ETag (304)', async () => {
      const first = await client().current(key, { locale: 'ru', format: 'html' });
      assert.equal(first.notModified, false);
      if (first.notModified) return;
      assert.equal(first.data.servedLocale, 'ru');
      assert.equal(first.data.format, 'html');
      assert.match(first.data.body, /<h1>/);
      assert.ok(first.etag);
      const again = await client().current(key, { locale: 'ru', format: 'html', etag: first.etag });
      assert.deepEqual(again, { notModified: true, etag: first.etag });
      const byHeader = await client().current(key, { acceptLanguage: 'kk-KZ, ru;q=0.5' });
      assert.equal(!byHeader.notModified && byHeader.data.servedLocale, 'kk');
    });

    it('reads the list, the archive, one edition and a form', async () => {
      const list = await client().policies();
      assert.ok(list.some((p) => p.key === key && p.current?.version === 1));
      const archive = await client().editions(key, { locale: 'en' });
      assert.deepEqual(
        archive.editions.map((e) => [e.version, e.state]),
        [[1, 'in-force']],
      );
      const edition = await client().edition(key, 1, { locale: 'kk' });
      assert.equal(edition.servedLocale, 'kk');
      assert.match(edition.body, /Text of client in kk/);
      const form = await client().form(formKey, { locale: 'ru' });
      assert.equal(form.title, 'Заявка');
      assert.deepEqual(
        form.purposes.map((p) => [p.key, p.required]),
        [
          ['processing', true],
          ['marketing', false],
        ],
      );
    });

    it('retries a submission after a lost answer with the same Idempotency-Key: one submission', async () => {
      const form = await client().form(formKey, { locale: 'en' });
      const shown = form.policies[0].current!;
      const keys: string[] = [];
      let lost = 0;
      // The first call really reaches the server; its answer is "lost" on the way back.
      const flaky: typeof fetch = async (input, init) => {
        keys.push(new Headers(init?.headers).get('idempotency-key') ?? '');
        const res = await fetch(input, init);
        if (lost++ === 0) throw new TypeError('fetch failed');
        return res;
      };
      const c = createPolicyLedgerClient({ baseUrl: testApp().url, fetch: flaky });
      const email = `retry-${process.pid}@example.kz`;
      const result = await c.submit(
        formKey,
        {
          locale: 'en',
          data: { name: 'Dana', email },
          purposes: { processing: true, marketing: false },
          accepted: [{ policy: key, version: shown.version, hash: shown.contentHash }],
        },
        { sleep: noWait },
      );
      assert.equal(keys.length, 2);
      assert.ok(keys[0].length >= 32, 'a generated key');
      assert.equal(keys[1], keys[0], 'the retry reuses the key');
      assert.equal(result.receipt.events[0].version, 1);
      const rows = await testApp()
        .strapi.db.connection('policy_ledger_submissions')
        .where({ public_id: result.submissionId });
      assert.equal(rows.length, 1);
      const all = await testApp()
        .strapi.db.connection('policy_ledger_submissions')
        .where({ form_key: formKey })
        .count({ n: '*' });
      assert.equal(Number(all[0].n), 1, 'the lost first answer was not recorded twice');
    });

    it('records, withdraws and reads a standing with a token', async () => {
      const c = createPolicyLedgerClient({ baseUrl: testApp().url, token });
      const subject = `standing-${process.pid}@example.kz`;
      const granted = await c.consent({
        subject,
        policy: key,
        version: 1,
        locale: 'en',
        action: 'granted',
        purposes: { marketing: true },
      });
      assert.equal(granted.event.action, 'granted');
      let standing = await c.standing({ subject, policy: key });
      assert.equal(standing.acceptedVersion, 1);
      assert.deepEqual(standing.purposes, { marketing: true });
      const withdrawn = await c.withdraw({ subject, policy: key, purposes: ['marketing'] });
      assert.equal(withdrawn.events[0].action, 'withdrawn');
      standing = await c.standing({ subject, policy: key });
      assert.deepEqual(standing.purposes, {});
    });

    it('throws typed errors: field details on 400, 404, 403 without a token, network failures', async () => {
      const bad = await client()
        .submit(formKey, {
          locale: 'en',
          data: { name: 'Dana', email: 'not-an-email' },
          purposes: { processing: true },
          accepted: [{ policy: key, version: 1 }],
        })
        .catch((e: unknown) => e);
      assert.ok(isPolicyLedgerError(bad));
      assert.equal(bad.status, 400);
      assert.equal(bad.code, 'ValidationError');
      assert.deepEqual(bad.fieldErrors[0].path, ['data', 'email']);

      const missing = await client()
        .current('no-such-policy')
        .catch((e: unknown) => e);
      assert.ok(missing instanceof PolicyLedgerError);
      assert.equal(missing.status, 404);

      const forbidden = await client()
        .standing({ subject: 'a@example.kz', policy: key })
        .catch((e: unknown) => e);
      assert.ok(forbidden instanceof PolicyLedgerError);
      assert.equal(forbidden.status, 403);

      let calls = 0;
      const down = createPolicyLedgerClient({
        baseUrl: 'http://127.0.0.1:9',
        fetch: (input, init) => (calls++, fetch(input, init)),
      });
      const offline = await down
        .submit(formKey, { locale: 'en', accepted: [] }, { retries: 2, sleep: noWait })
        .catch((e: unknown) => e);
      assert.ok(offline instanceof PolicyLedgerNetworkError);
      assert.equal(calls, 3, 'tried once and retried twice');
    });
  });
}
