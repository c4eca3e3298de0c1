import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { fullAccessToken, policyWithForm } from '../helpers/fixtures';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';

/** Raw requests: the body and headers exactly as given (fetch would not send a broken gzip for us). */
async function raw(path: string, body: Buffer | string, headers: Record<string, string>) {
  const res = await fetch(testApp().url + path, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON: the test says so */
  }
  return { status: res.status, headers: res.headers, text, body: json };
}

const count = async (table: string) =>
  Number(
    ((await testApp().strapi.db.connection(table).count({ n: '*' }).first()) as { n: number }).n,
  );

/** Forgets the counts per address, as the end of their window would; the counts per person stay. */
async function dropAddressCounts() {
  const { strapi } = testApp();
  const knex = strapi.db.connection;
  if (strapi.db.dialect.client !== 'sqlite') {
    await knex('policy_ledger_limits').where('key', 'like', 'pl-address:%').del();
    return;
  }
  // SQLite: the counts live in a file beside the app's database (limits/store.ts).
  const Driver = (knex.client as any).driver;
  const file = (knex.client as any).config.connection.filename as string;
  const db = new Driver(`${file}-limits`);
  try {
    db.prepare(`DELETE FROM policy_ledger_limits WHERE key LIKE 'pl-address:%'`).run();
  } finally {
    db.close();
  }
}

/** Runs `work` and returns what Strapi logged at error level meanwhile. */
async function errorLogs(work: () => Promise<void>): Promise<unknown[]> {
  const log = testApp().strapi.log as unknown as { error: (...a: unknown[]) => void };
  const original = log.error;
  const seen: unknown[] = [];
  log.error = (...a: unknown[]) => {
    seen.push(a);
    original.apply(log, a);
  };
  try {
    await work();
  } finally {
    log.error = original;
  }
  return seen;
}

export function abuseSpec() {
  describe('hostile bodies and abuse limits', () => {
    let formKey: string;
    let policyKey: string;
    const fastPath = () =>
      testApp().strapi.plugin('policy-ledger').service('fast-path').state as { enabled: boolean };
    const limits = () =>
      testApp().strapi.plugin('policy-ledger').service('limits') as { clear(): Promise<void> };
    const submission = (email: string) => ({
      locale: 'en',
      data: { name: 'A', email },
      purposes: { processing: true },
      accepted: [{ policy: policyKey, version: 1 }],
    });
    const submitPath = () => `/api/policy-ledger/forms/${formKey}/submissions`;

    before(async () => {
      const made = await policyWithForm('abuse', 'abuse');
      formKey = made.formKey;
      policyKey = made.key;
    });

    describe('hostile bodies', () => {
      const json = JSON.stringify({ locale: 'en' });
      const cases: Array<{
        name: string;
        body: Buffer | string;
        headers: Record<string, string>;
        status: number;
        reason: string;
      }> = [
        {
          name: 'gzip claimed, plain bytes sent',
          body: json,
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          status: 400,
          reason: 'encoding',
        },
        {
          name: 'deflate claimed, garbage sent',
          body: Buffer.from([0x78, 0x9c, 0xff, 0x00, 0x13, 0x37]),
          headers: { 'content-type': 'application/json', 'content-encoding': 'deflate' },
          status: 400,
          reason: 'encoding',
        },
        {
          name: 'multipart with a broken boundary',
          body: '--nope\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--ende',
          headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
          status: 415,
          reason: 'media-type',
        },
        {
          name: 'an encoding nobody decodes',
          body: json,
          headers: { 'content-type': 'application/json', 'content-encoding': 'x-rot13' },
          status: 415,
          reason: 'encoding',
        },
        {
          name: 'a charset other than UTF-8',
          body: json,
          headers: { 'content-type': 'application/json; charset=utf-16' },
          status: 415,
          reason: 'charset',
        },
        {
          name: 'JSON that is not',
          body: '{"locale": "en",',
          headers: { 'content-type': 'application/json' },
          status: 400,
          reason: 'json',
        },
      ];

      for (const route of ['fast path', 'ordinary route'] as const) {
        for (const c of cases) {
          it(`${c.name} → ${c.status} with the error envelope, nothing stored, no error log (${route})`, async () => {
            const before = await count('policy_ledger_submissions');
            let res!: Awaited<ReturnType<typeof raw>>;
            fastPath().enabled = route === 'fast path';
            try {
              const logs = await errorLogs(async () => {
                res = await raw(submitPath(), c.body, c.headers);
              });
              assert.deepEqual(logs, [], 'nothing logged at error level');
            } finally {
              fastPath().enabled = true;
            }
            assert.equal(res.status, c.status, res.text);
            assert.equal(res.body?.data, null);
            assert.equal(res.body.error.status, c.status);
            assert.equal(res.body.error.details.reason, c.reason);
            assert.match(res.body.error.message, /\S/);
            assert.equal(await count('policy_ledger_submissions'), before);
          });
        }
      }

      it('a real gzip body is read as JSON and recorded (201)', async () => {
        const res = await raw(
          submitPath(),
          gzipSync(JSON.stringify(submission('gzip@example.kz'))),
          {
            'content-type': 'application/json',
            'content-encoding': 'gzip',
          },
        );
        assert.equal(res.status, 201, res.text);
      });

      it('every plugin write route answers so: consents, withdrawals, the admin API', async () => {
        const bad = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
        for (const path of [
          '/api/policy-ledger/consents',
          '/api/policy-ledger/consents/withdraw',
        ]) {
          const res = await raw(path, '{}', bad);
          assert.equal(res.status, 400, `${path}: ${res.text}`);
          assert.equal(res.body.error.details.reason, 'encoding');
        }
        const admin = await raw('/policy-ledger/requests', '{}', {
          ...bad,
          authorization: `Bearer ${testApp().adminToken}`,
        });
        assert.equal(admin.status, 400, admin.text);
        assert.equal(admin.body.error.details.reason, 'encoding');
      });

      it("leaves the app's own routes to Strapi unless bodyGuard is 'app'", async () => {
        const { strapi } = testApp();
        const bad = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
        const path = '/api/auth/local';
        const stock = await raw(path, '{"identifier":"x"}', bad);
        assert.equal(stock.status, 500, 'stock Strapi: a 500');
        strapi.config.set('plugin::policy-ledger.bodyGuard', 'app');
        try {
          const logs = await errorLogs(async () => {
            const guarded = await raw(path, '{"identifier":"x"}', bad);
            assert.equal(guarded.status, 400, guarded.text);
            assert.equal(guarded.body.error.details.reason, 'encoding');
          });
          assert.deepEqual(logs, []);
        } finally {
          strapi.config.set('plugin::policy-ledger.bodyGuard', 'plugin');
        }
      });
    });

    describe('abuse limits', () => {
      const { strapi } = { strapi: () => testApp().strapi };
      let booted: unknown;
      const setLimits = async (perAddress: number, perSubject: number) => {
        strapi().config.set('plugin::policy-ledger.limits', {
          perAddress: { points: perAddress, seconds: 60 },
          perSubject: { points: perSubject, seconds: 600 },
        });
        await limits().clear();
      };
      before(() => {
        booted = strapi().config.get('plugin::policy-ledger.limits');
      });
      after(async () => {
        strapi().config.set('plugin::policy-ledger.limits', booted);
        await limits().clear();
      });

      it('a flood from one address gets 429s with Retry-After, and every 201 is whole in the ledger', async () => {
        await setLimits(20, 1000);
        const before = {
          submissions: await count('policy_ledger_submissions'),
          events: await count('policy_ledger_events'),
          evidence: await count('policy_ledger_evidence'),
        };
        const results = await Promise.all(
          Array.from({ length: 150 }, (_, n) =>
            raw(submitPath(), JSON.stringify(submission(`flood${n}@example.kz`)), {
              'content-type': 'application/json',
            }),
          ),
        );
        const created = results.filter((r) => r.status === 201);
        const refused = results.filter((r) => r.status === 429);
        assert.equal(created.length, 20, JSON.stringify(results.map((r) => r.status)));
        assert.equal(refused.length, 130);
        for (const r of refused) {
          const after = Number(r.headers.get('retry-after'));
          assert.ok(after >= 1 && after <= 60, `Retry-After ${after}`);
          assert.equal(r.body.error.status, 429);
          assert.equal(r.body.error.name, 'RateLimitError');
          assert.deepEqual(
            { scope: r.body.error.details.scope, limit: r.body.error.details.limit },
            { scope: 'address', limit: 20 },
          );
        }
        assert.equal(await count('policy_ledger_submissions'), before.submissions + 20);
        assert.equal(await count('policy_ledger_events'), before.events + 20);
        assert.equal(await count('policy_ledger_evidence'), before.evidence + 20);
        const ids = created.map((r) => r.body.data.submissionId as string);
        const stored = await strapi()
          .db.connection('policy_ledger_submissions')
          .whereIn('public_id', ids)
          .count({ n: '*' })
          .first();
        assert.equal(Number((stored as { n: number }).n), 20, 'every 201 is stored');
      });

      it('the fast path and the ordinary route share one count', async () => {
        await setLimits(4, 1000);
        const statuses: number[] = [];
        for (let n = 0; n < 6; n++) {
          fastPath().enabled = n % 2 === 0;
          try {
            statuses.push(
              (await http(submitPath(), { body: submission(`shared${n}@example.kz`) })).status,
            );
          } finally {
            fastPath().enabled = true;
          }
        }
        assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429]);
      });

      it('a refused body counts against its address too, and the 429 then replaces its 400', async () => {
        await setLimits(3, 1000);
        const statuses: number[] = [];
        for (let n = 0; n < 3; n++)
          statuses.push(
            (await http(submitPath(), { body: { ...submission('bad@example.kz'), locale: 7 } }))
              .status,
          );
        statuses.push((await http(submitPath(), { body: submission('after@example.kz') })).status);
        statuses.push(
          (await http(submitPath(), { body: { ...submission('bad@example.kz'), locale: 7 } }))
            .status,
        );
        assert.deepEqual(statuses, [400, 400, 400, 429, 429]);
      });

      it('a person is not counted while their address is refused', async () => {
        await setLimits(2, 3);
        const statuses: number[] = [];
        for (let n = 0; n < 4; n++)
          statuses.push((await http(submitPath(), { body: submission('held@example.kz') })).status);
        assert.deepEqual(statuses, [201, 201, 429, 429]);
        // The address's window is over (its counts forgotten, the person's kept): one more
        // write for that person is their third, within their limit of 3.
        await dropAddressCounts();
        const third = await http(submitPath(), { body: submission('held@example.kz') });
        assert.equal(third.status, 201, JSON.stringify(third.body));
        const fourth = await http(submitPath(), { body: submission('held@example.kz') });
        assert.equal(fourth.status, 429);
        assert.equal(fourth.body.error.details.scope, 'subject');
      });

      it("per person: a subject's writes are limited, and someone else is not held up by it", async () => {
        await setLimits(1000, 3);
        const statuses: number[] = [];
        for (let n = 0; n < 4; n++)
          statuses.push((await http(submitPath(), { body: submission('same@example.kz') })).status);
        assert.deepEqual(statuses, [201, 201, 201, 429]);
        const refused = await http(submitPath(), { body: submission('SAME@example.kz') });
        assert.equal(refused.status, 429, 'the same person, however the e-mail is written');
        assert.equal(refused.body.error.details.scope, 'subject');
        const wait = Number(refused.headers.get('retry-after'));
        assert.ok(wait > 60 && wait <= 600, `Retry-After ${wait}`);
        const other = await http(submitPath(), { body: submission('other@example.kz') });
        assert.equal(other.status, 201);
      });

      it('leaves a server with an API token alone (the operator vouches for it)', async () => {
        await setLimits(1, 1);
        const token = await fullAccessToken('abuse');
        const auth = { authorization: `Bearer ${token}` };
        const statuses: number[] = [];
        for (let n = 0; n < 3; n++) {
          statuses.push(
            (
              await http('/api/policy-ledger/consents', {
                headers: auth,
                body: {
                  subject: 'email:backend@example.kz',
                  policy: policyKey,
                  version: 1,
                  locale: 'en',
                  action: 'granted',
                },
              })
            ).status,
          );
          statuses.push(
            (
              await http(
                `/api/policy-ledger/subjects/status?subject=${encodeURIComponent('email:backend@example.kz')}&policy=${policyKey}`,
                { headers: auth },
              )
            ).status,
          );
        }
        assert.deepEqual(statuses, [201, 200, 201, 200, 201, 200]);
        // While an anonymous visitor is held at one.
        const first = await http(submitPath(), { body: submission('visitor@example.kz') });
        const second = await http(submitPath(), { body: submission('visitor2@example.kz') });
        assert.deepEqual([first.status, second.status], [201, 429]);
      });
    });
  });
}
