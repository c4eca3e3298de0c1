import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  PolicyLedgerError,
  createPolicyLedgerClient,
  isPolicyLedgerError,
  isPolicyLedgerNetworkError,
  type FetchLike,
  type SubmissionBody,
} from '../../client/src';
import { testApp } from '../helpers/strapi';
import { policyWithForm } from '../helpers/fixtures';

const noWait = async () => {};

/** A fetch that records the headers of every request it sends, then sends it. */
function recording() {
  const sent: Headers[] = [];
  const f: FetchLike = (url, init) => {
    sent.push(new Headers(init.headers));
    return fetch(url, init);
  };
  return { sent, fetch: f };
}

/** The typed client (strapi-plugin-policy-ledger/client) against the booted app, real HTTP. */
export function clientSpec() {
  describe('typed client', () => {
    let key: string;
    let formKey: string;
    let token: string;
    before(async () => {
      const made = await policyWithForm('client', 'client');
      ({ key, formKey } = made);
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
    const client = (f?: FetchLike) =>
      createPolicyLedgerClient({ baseUrl: testApp().url, fetch: f });
    const body = (email: string, accepted: SubmissionBody['accepted']): SubmissionBody => ({
      locale: 'en',
      data: { name: 'Dana', email },
      purposes: { processing: true, marketing: false },
      accepted,
    });

    it('reads the current policy in a locale, then revalidates with its ETag (304)', async () => {
      const rec = recording();
      const first = await client(rec.fetch).current(key, { locale: 'ru', format: 'html' });
      assert.equal(first.status, 'ok');
      if (first.status !== 'ok') return;
      assert.equal(first.data.servedLocale, 'ru');
      assert.equal(first.data.format, 'html');
      assert.match(first.data.body, /<h1>/);
      assert.ok(first.etag);
      assert.equal(rec.sent[0].get('accept-language'), null, 'Accept-Language only when asked');
      assert.equal(rec.sent[0].get('if-none-match'), null);

      const again = await client(rec.fetch).current(key, {
        locale: 'ru',
        format: 'html',
        etag: first.etag,
      });
      assert.deepEqual(again, { status: 'not-modified', etag: first.etag });
      assert.equal(rec.sent[1].get('if-none-match'), first.etag);

      const byHeader = await client(rec.fetch).current(key, { acceptLanguage: 'kk-KZ, ru;q=0.5' });
      assert.equal(rec.sent[2].get('accept-language'), 'kk-KZ, ru;q=0.5');
      assert.equal(byHeader.status === 'ok' && byHeader.data.servedLocale, 'kk');
    });

    it('reads the list, the archive, one edition and a form', async () => {
      const list = await client().policies();
      assert.ok(list.some((p) => p.key === key && p.current?.version === 1));
      const archive = await client().editions(key, { locale: 'en' });
      assert.equal(archive.policy, key);
      assert.deepEqual(
        archive.editions.map((e) => [e.version, e.state, e.servedLocale]),
        [[1, 'in-force', 'en']],
      );
      const edition = await client().edition(key, 1, { locale: 'kk' });
      assert.equal(edition.servedLocale, 'kk');
      assert.equal(edition.format, 'markdown');
      assert.match(edition.body, /Text of client in kk/);
      const form = await client().form(formKey, { locale: 'ru' });
      assert.equal(form.title, 'Заявка');
      assert.equal(form.fields[0].label, 'Имя');
      assert.deepEqual(
        form.purposes.map((p) => [p.key, p.required]),
        [
          ['processing', true],
          ['marketing', false],
        ],
      );
      const ru = await client().edition(key, 1, { locale: 'ru' });
      assert.deepEqual(
        [form.policies[0].current?.version, form.policies[0].current?.contentHash],
        [1, ru.contentHash],
      );
    });

    it('resends a submission whose answer was lost with the same Idempotency-Key: one submission', async () => {
      const form = await client().form(formKey, { locale: 'en' });
      const shown = form.policies[0].current!;
      const keys: string[] = [];
      const answers: Array<{ status: number; submissionId: string }> = [];
      // Every call really reaches the server; the first answer is lost on the way back.
      const flaky: FetchLike = async (url, init) => {
        keys.push(new Headers(init.headers).get('idempotency-key') ?? '');
        const res = await fetch(url, init);
        const json = await res.clone().json();
        answers.push({ status: res.status, submissionId: json.data.submissionId });
        if (answers.length === 1) throw new TypeError('fetch failed');
        return res;
      };
      const email = `retry-${process.pid}@example.kz`;
      const accepted = [{ policy: key, version: shown.version, hash: shown.contentHash }];
      const result = await client(flaky).submit(formKey, body(email, accepted), { sleep: noWait });

      assert.equal(keys.length, 2, 'sent twice');
      assert.match(
        keys[0],
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      assert.equal(keys[1], keys[0], 'the retry reuses the key');
      assert.equal(answers[0].status, 201, 'the lost attempt was recorded by the server');
      assert.equal(result.submissionId, answers[0].submissionId, 'the retry replays its answer');
      assert.equal(result.status, 'recorded');
      if (result.status !== 'recorded') return;
      assert.equal(result.receipt.events.length, 1);
      assert.equal(result.receipt.events[0].contentHash, shown.contentHash);

      const db = testApp().strapi.db.connection;
      const submissions = await db('policy_ledger_submissions').where({ form_key: formKey });
      assert.equal(submissions.length, 1, 'one submission in the ledger');
      const events = await db('policy_ledger_events').where({ submission_id: result.submissionId });
      assert.equal(events.length, 1, 'one consent event');
    });

    it('records, reads and withdraws consent with a token', async () => {
      const c = createPolicyLedgerClient({ baseUrl: testApp().url, token });
      const subject = `standing-${process.pid}@example.kz`;
      let standing = await c.standing({ subject, policy: key });
      assert.equal(standing.needsAcceptance, true);
      assert.equal(standing.reason, 'not-accepted');
      const granted = await c.consent({
        subject,
        policy: key,
        version: 1,
        locale: 'en',
        action: 'granted',
        purposes: { marketing: true },
      });
      assert.equal(granted.event.action, 'granted');
      assert.equal(granted.event.version, 1);
      standing = await c.standing({ subject, policy: key });
      assert.equal(standing.acceptedVersion, 1);
      assert.equal(standing.needsAcceptance, false);
      assert.deepEqual(standing.purposes, { marketing: true });
      const withdrawn = await c.withdraw({ subject, policy: key, purposes: ['marketing'] });
      assert.deepEqual(
        withdrawn.events.map((e) => [e.action, e.policy]),
        [['withdrawn', key]],
      );
      standing = await c.standing({ subject, policy: key });
      assert.deepEqual(standing.purposes, {});
    });

    it('throws a typed 400 with the field details, and typed 404, 403 and 409', async () => {
      const bad = await client()
        .submit(formKey, {
          ...body('not-an-email', [{ policy: key, version: 1 }]),
          purposes: { marketing: true },
        })
        .catch((e: unknown) => e);
      assert.ok(isPolicyLedgerError(bad), String(bad));
      assert.equal(bad.status, 400);
      assert.equal(bad.name, 'ValidationError');
      assert.match(bad.message, /data\.email/);
      assert.deepEqual(
        bad.fieldErrors.map((e) => e.path.join('.')),
        ['data.email', 'purposes.processing'],
      );
      assert.ok(Array.isArray(bad.details.errors));

      const missing = await client()
        .current(`no-such-${key}`)
        .catch((e: unknown) => e);
      assert.ok(missing instanceof PolicyLedgerError);
      assert.equal(missing.status, 404);
      assert.equal(missing.name, 'NotFoundError');

      const forbidden = await client()
        .standing({ subject: 'a@example.kz', policy: key })
        .catch((e: unknown) => e);
      assert.ok(isPolicyLedgerError(forbidden));
      assert.equal(forbidden.status, 403);

      const otherText = await client()
        .submit(formKey, body('c@example.kz', [{ policy: key, version: 1, hash: 'a'.repeat(64) }]))
        .catch((e: unknown) => e);
      assert.ok(isPolicyLedgerError(otherText));
      assert.equal(otherText.status, 409);
      const en = await client().edition(key, 1, { locale: 'en' });
      assert.equal(otherText.details.expected, en.contentHash);
    });

    it('wraps network failures, after retrying them with the same key', async () => {
      let calls = 0;
      const keys = new Set<string>();
      const down = createPolicyLedgerClient({
        baseUrl: 'http://127.0.0.1:9',
        fetch: (url, init) => {
          calls++;
          keys.add(new Headers(init.headers).get('idempotency-key') ?? '');
          return fetch(url, init);
        },
      });
      const offline = await down
        .submit(formKey, body('d@example.kz', []), { retries: 2, sleep: noWait })
        .catch((e: unknown) => e);
      assert.ok(isPolicyLedgerNetworkError(offline));
      assert.ok(!isPolicyLedgerError(offline));
      assert.equal(calls, 3, 'tried once and retried twice');
      assert.equal(keys.size, 1);
      const read = await down.policies().catch((e: unknown) => e);
      assert.ok(isPolicyLedgerNetworkError(read));
      assert.equal(calls, 4, 'reads are not retried');
    });
  });
}
