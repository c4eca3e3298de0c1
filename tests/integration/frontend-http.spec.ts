import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';
import { policyWithForm } from '../helpers/fixtures';

const ORIGIN = 'https://shop.example.kz';

/** What a browser on another origin meets: CORS, caches, credentials, strict URLs. */
export function frontendHttpSpec() {
  describe('frontends on another origin', () => {
    let key: string;
    let formKey: string;
    let contentHash: string;
    before(async () => {
      const made = await policyWithForm('front', 'front');
      ({ key, formKey } = made);
      const cur = await http(`/api/policy-ledger/policies/${key}/current?locale=en`);
      contentHash = cur.body.data.contentHash;
    });

    const cacheable = () => [
      `/api/policy-ledger/policies`,
      `/api/policy-ledger/policies/${key}/current`,
      `/api/policy-ledger/policies/${key}/current?format=html&locale=ru`,
      `/api/policy-ledger/policies/${key}/editions`,
      `/api/policy-ledger/policies/${key}/editions/1`,
    ];
    const varyOf = (h: Headers) =>
      (h.get('vary') ?? '')
        .split(',')
        .map((v) => v.trim().toLowerCase())
        .sort();

    it('lets a preflight send Idempotency-Key and If-None-Match', async () => {
      for (const path of [`/api/policy-ledger/forms/${formKey}/submissions`, cacheable()[1]]) {
        const res = await http(path, {
          method: 'OPTIONS',
          headers: {
            origin: ORIGIN,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,idempotency-key,if-none-match',
          },
        });
        assert.equal(res.status, 204, path);
        assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
        const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
        for (const h of ['content-type', 'idempotency-key', 'if-none-match']) {
          assert.ok(allowed.split(/,\s*/).includes(h), `${h} allowed on ${path}: ${allowed}`);
        }
      }
    });

    it('sends a cross-origin submission with its Idempotency-Key and exposes ETag', async () => {
      const body = {
        locale: 'en',
        data: { name: 'Aigerim', email: 'aigerim@example.kz' },
        purposes: { processing: true, marketing: false },
        accepted: [{ policy: key, version: 1, hash: contentHash }],
      };
      const headers = { origin: ORIGIN, 'idempotency-key': `front-${process.pid}` };
      const first = await http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body,
        headers,
      });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal(first.headers.get('access-control-allow-origin'), ORIGIN);
      const replay = await http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body,
        headers,
      });
      assert.equal(replay.status, 201);
      assert.equal(replay.body.data.submissionId, first.body.data.submissionId);
      const read = await http(cacheable()[1], { headers: { origin: ORIGIN } });
      const exposed = (read.headers.get('access-control-expose-headers') ?? '').toLowerCase();
      assert.match(exposed, /\betag\b/);
    });

    it('refuses an accepted edition whose shown text differs (409) and a malformed hash (400)', async () => {
      const wrong = await http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body: {
          locale: 'ru',
          data: { name: 'Aigerim', email: 'aigerim@example.kz' },
          purposes: { processing: true },
          accepted: [{ policy: key, version: 1, hash: contentHash }], // the en text's hash
        },
      });
      assert.equal(wrong.status, 409, JSON.stringify(wrong.body));
      assert.equal(wrong.body.error.details.path, 'accepted.0.hash');
      assert.equal(wrong.body.error.details.locale, 'ru');
      const bad = await http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body: {
          locale: 'en',
          data: { name: 'A', email: 'a@example.kz' },
          purposes: { processing: true },
          accepted: [{ policy: key, version: 1, hash: 'abc' }],
        },
      });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /accepted\.0\.hash/);
    });

    it('keeps Vary: Origin beside Accept-Language on every cacheable answer, 304 included', async () => {
      const { strapi } = testApp();
      const fast = strapi.plugin('policy-ledger').service('fast-path') as {
        state: { enabled: boolean };
      };
      const was = fast.state.enabled;
      try {
        for (const enabled of [true, false]) {
          fast.state.enabled = enabled;
          for (const path of cacheable()) {
            for (const headers of [{}, { origin: ORIGIN }] as Record<string, string>[]) {
              const res = await http(path, { headers });
              assert.equal(res.status, 200, path);
              assert.deepEqual(varyOf(res.headers), ['accept-language', 'origin'], path);
              const again = await http(path, {
                headers: { ...headers, 'if-none-match': res.headers.get('etag')! },
              });
              assert.equal(again.status, 304, path);
              assert.deepEqual(varyOf(again.headers), ['accept-language', 'origin'], path);
            }
          }
        }
      } finally {
        fast.state.enabled = was;
      }
    });

    it('lets every caller read public documents: read-only and full tokens, an end user, anonymous', async () => {
      const { strapi } = testApp();
      const tokens = strapi.service('admin::api-token');
      const readOnly = await tokens.create({
        name: `front-ro-${process.pid}`,
        type: 'read-only',
        lifespan: null,
        description: '',
      });
      const full = await tokens.create({
        name: `front-full-${process.pid}`,
        type: 'full-access',
        lifespan: null,
        description: '',
      });
      const up = strapi.plugin('users-permissions');
      const role = await strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type: 'authenticated' } });
      const user = await strapi.db.query('plugin::users-permissions.user').create({
        data: {
          username: `front-${process.pid}`,
          email: `front-${process.pid}@example.kz`,
          provider: 'local',
          confirmed: true,
          blocked: false,
          role: role.id,
        },
      });
      const jwt = up.service('jwt').issue({ id: user.id });
      const callers: Record<string, Record<string, string>> = {
        anonymous: {},
        'read-only token': { authorization: `Bearer ${readOnly.accessKey}` },
        'full-access token': { authorization: `Bearer ${full.accessKey}` },
        'end-user JWT': { authorization: `Bearer ${jwt}` },
      };
      const paths = [...cacheable(), `/api/policy-ledger/forms/${formKey}?locale=kk`];
      for (const [who, headers] of Object.entries(callers)) {
        for (const path of paths) {
          const res = await http(path, { headers });
          assert.equal(res.status, 200, `${who} on ${path}: ${JSON.stringify(res.body)}`);
        }
      }
      // Personal data stays behind a grant: the read-only token may not read a standing.
      const status = await http(
        `/api/policy-ledger/subjects/status?subject=a@example.kz&policy=${key}`,
        { headers: callers['read-only token'] },
      );
      assert.equal(status.status, 403);
    });

    it('refuses edition numbers that are not plain digits (400), on the route and in the archive', async () => {
      for (const v of ['0x1', '0b1', '1e0', '+1', '%201', '1.0', '01', '0', '-1', '1%20', '1abc']) {
        const res = await http(`/api/policy-ledger/policies/${key}/editions/${v}`);
        assert.equal(res.status, 400, `version ${v}: ${res.status}`);
        assert.equal(res.headers.get('cache-control'), null, `version ${v} is not cacheable`);
        assert.match(res.body.error.message, /version/);
      }
      const ok = await http(`/api/policy-ledger/policies/${key}/editions/1`);
      assert.equal(ok.status, 200);
    });
  });
}
