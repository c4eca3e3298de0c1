import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';

const URL = '/api/policy-ledger/policies/privacy/current?locale=ru';
const VOLATILE = new Set(['date', 'connection', 'keep-alive']);

export function fastPathSpec() {
  describe('the fast path for the current policy', () => {
    const state = () =>
      testApp().strapi.plugin('policy-ledger').service('fast-path').state as {
        enabled: boolean;
        raw: number;
        submissions: number;
      };
    /**
     * Runs `request` and tells whether the raw listener (before Koa) answered it.
     * The raw listener answers only from warm caches, whose TTL is 1 s in the
     * suite: an entry may expire between two requests. A request the raw
     * listener declines goes the Koa way, which warms them again, so when
     * `wantRaw` the request is tried up to three times; one raw answer is
     * what the caller checks.
     */
    const viaRaw = async <T>(
      request: () => Promise<T>,
      wantRaw = true,
    ): Promise<{ res: T; raw: boolean }> => {
      for (let attempt = 1; ; attempt++) {
        const before = state().raw;
        const res = await request();
        const raw = state().raw > before;
        if (raw || !wantRaw || attempt === 3) return { res, raw };
      }
    };
    const headersOf = (h: Headers) =>
      Object.fromEntries([...h.entries()].filter(([k]) => !VOLATILE.has(k)).sort());

    it('is on by default', () => assert.equal(state().enabled, true));

    it('answers with exactly the headers and body of the ordinary route (CORS and security included)', async () => {
      await http(URL); // the first plain answer (Koa way) gives the raw listener its header template
      for (const headers of [
        {},
        { origin: 'https://shop.example' },
        { 'accept-language': 'en-US' },
      ] as Array<Record<string, string>>) {
        const { res: fast, raw } = await viaRaw(() => http(URL, { headers }), !headers.origin);
        // Without Origin the raw listener answers; with it, the Koa middleware (CORS).
        assert.equal(raw, !headers.origin, `raw answer for ${JSON.stringify(headers)}`);
        state().enabled = false;
        let ordinary;
        try {
          ordinary = await http(URL, { headers });
        } finally {
          state().enabled = true;
        }
        assert.equal(fast.status, 200);
        assert.equal(ordinary.status, 200);
        assert.deepEqual(
          headersOf(fast.headers),
          headersOf(ordinary.headers),
          JSON.stringify(headers),
        );
        assert.deepEqual(fast.body, ordinary.body);
      }
      // 304 alike.
      const etag = (await http(URL)).headers.get('etag') as string;
      const { res: fast304, raw: raw304 } = await viaRaw(() =>
        http(URL, { headers: { 'if-none-match': etag } }),
      );
      assert.ok(raw304, '304 from the raw listener');
      state().enabled = false;
      const route304 = await http(URL, { headers: { 'if-none-match': etag } }).finally(
        () => (state().enabled = true),
      );
      assert.equal(fast304.status, 304);
      assert.deepEqual(headersOf(fast304.headers), headersOf(route304.headers));
      // HEAD alike (caches warmed first: their TTL is 1 s in the suite, and the raw listener
      // answers only from warm caches).
      await http(URL);
      const { res: fastHead, raw: rawHead } = await viaRaw(() => http(URL, { method: 'HEAD' }));
      assert.ok(rawHead, 'HEAD from the raw listener');
      assert.equal(fastHead.status, 200);
      state().enabled = false;
      const routeHead = await http(URL, { method: 'HEAD' }).finally(() => (state().enabled = true));
      assert.deepEqual(headersOf(fastHead.headers), headersOf(routeHead.headers));
    });

    it('leaves errors to the ordinary route', async () => {
      for (const path of [
        '/api/policy-ledger/policies/nope/current',
        '/api/policy-ledger/policies/privacy/current?locale=kk_KZ',
        '/api/policy-ledger/policies/privacy/current?format=pdf',
      ]) {
        const res = await http(path);
        assert.ok(res.status === 404 || res.status === 400, path);
        assert.equal(res.body.data, null);
        assert.equal(res.body.error.status, res.status);
      }
    });

    it('issues no SQL for a cached policy, and one read for 32 concurrent cold requests', async () => {
      const { strapi } = testApp();
      const knex = strapi.db.connection;
      const queries: string[] = [];
      const listen = (q: { sql: string }) => queries.push(q.sql);
      await http(URL); // warm
      knex.on('query', listen);
      try {
        for (let i = 0; i < 20; i++) assert.equal((await http(URL)).status, 200);
        assert.deepEqual(queries, [], 'no SQL per cached request');

        strapi.plugin('policy-ledger').service('catalog').invalidate('privacy');
        const results = await Promise.all(Array.from({ length: 32 }, () => http(URL)));
        assert.ok(results.every((r) => r.status === 200));
        const reads = (table: string) =>
          queries.filter((sql) =>
            new RegExp(`^select .* from (?:[\`"]?\\w+[\`"]?\\.)?[\`"]?${table}[\`"]? `, 'i').test(
              sql,
            ),
          );
        const policyReads = reads('policy_ledger_policies');
        const editionReads = reads('policy_ledger_editions');
        assert.equal(policyReads.length, 1, queries.join('\n'));
        assert.equal(editionReads.length, 1, queries.join('\n'));
      } finally {
        knex.off('query', listen);
      }
    });

    it('serves the ordinary route too without reading permissions per anonymous request', async () => {
      const { strapi } = testApp();
      const knex = strapi.db.connection;
      const queries: string[] = [];
      const listen = (q: { sql: string }) => queries.push(q.sql);
      state().enabled = false;
      try {
        // Warm, with a fresh entry: policy and Public permissions cached for the whole TTL.
        strapi.plugin('policy-ledger').service('public-access').invalidate();
        assert.equal((await http(URL)).status, 200);
        knex.on('query', listen);
        for (let i = 0; i < 10; i++) assert.equal((await http(URL)).status, 200);
        assert.deepEqual(queries, [], 'no SQL: users-permissions is not asked on every request');
        // A request with credentials still goes through Strapi's own strategies.
        assert.equal(
          (await http(URL, { headers: { authorization: 'Bearer not-a-token' } })).status,
          401,
        );
      } finally {
        knex.off('query', listen);
        state().enabled = true;
      }
    });

    it("takes anonymous JSON submissions before the router, with the ordinary route's headers, statuses and errors", async () => {
      const SUBMIT = '/api/policy-ledger/forms/contact/submissions';
      const version = (await http(URL)).body.data.version as number;
      let n = 0;
      const valid = () => ({
        locale: 'ru',
        data: { name: 'Fast', email: `fast${process.pid}-${n++}@example.com` },
        purposes: { processing: true },
        accepted: [{ policy: 'privacy', version }],
      });
      /** The same request through the fast path and through the ordinary route. */
      const both = async (body: unknown, headers: Record<string, string> = {}) => {
        const before = state().submissions;
        const fast = await http(SUBMIT, {
          body: typeof body === 'function' ? body() : body,
          headers,
        });
        assert.equal(state().submissions, before + 1, 'the fast path took it');
        state().enabled = false;
        try {
          return {
            fast,
            ordinary: await http(SUBMIT, {
              body: typeof body === 'function' ? body() : body,
              headers,
            }),
          };
        } finally {
          state().enabled = true;
        }
      };
      const sameHeaders = (a: Headers, b: Headers) => {
        const strip = (h: Headers) =>
          Object.fromEntries(
            [...h.entries()].filter(([k]) => !VOLATILE.has(k) && k !== 'content-length').sort(),
          );
        assert.deepEqual(strip(a), strip(b));
      };
      for (const headers of [{}, { origin: 'https://shop.example' }] as Array<
        Record<string, string>
      >) {
        const { fast, ordinary } = await both(valid, headers);
        assert.equal(fast.status, 201, JSON.stringify(fast.body));
        assert.equal(ordinary.status, 201);
        sameHeaders(fast.headers, ordinary.headers);
        assert.deepEqual(
          Object.keys(fast.body.data).sort(),
          Object.keys(ordinary.body.data).sort(),
        );
      }
      // Errors: Strapi's shape, from Strapi's own errors and body middlewares.
      for (const body of [
        '{"locale":',
        { ...valid(), accepted: undefined },
        { ...valid(), data: { name: 'No e-mail' } },
        { ...valid(), surprise: 1 },
      ]) {
        const { fast, ordinary } = await both(body);
        assert.equal(fast.status, 400, JSON.stringify(fast.body));
        assert.equal(fast.status, ordinary.status);
        assert.deepEqual(fast.body, ordinary.body);
        sameHeaders(fast.headers, ordinary.headers);
      }
      // Not for it: credentials, another content type, a query string.
      const before = state().submissions;
      assert.equal(
        (await http(SUBMIT, { body: valid(), headers: { authorization: 'Bearer not-a-token' } }))
          .status,
        401,
      );
      assert.equal((await http(`${SUBMIT}?x=1`, { body: valid() })).status, 201);
      assert.equal(state().submissions, before);
    });

    it('follows the Public role: revoked, the route answers 403', async () => {
      const { strapi } = testApp();
      const perm = await strapi.db.query('plugin::users-permissions.permission').findOne({
        where: { action: 'plugin::policy-ledger.policies.current', role: { type: 'public' } },
      });
      await strapi.db
        .query('plugin::users-permissions.permission')
        .delete({ where: { id: perm.id } });
      const ttl = strapi.config.get('plugin::policy-ledger.cache.ttl') as number;
      try {
        await new Promise((r) => setTimeout(r, ttl * 1000 + 50));
        assert.equal((await http(URL)).status, 403);
      } finally {
        await strapi.db.query('plugin::users-permissions.permission').create({
          data: {
            action: perm.action,
            role:
              perm.role?.id ??
              (
                await strapi.db
                  .query('plugin::users-permissions.role')
                  .findOne({ where: { type: 'public' } })
              ).id,
          },
        });
        await new Promise((r) => setTimeout(r, ttl * 1000 + 50));
      }
      assert.equal((await http(URL)).status, 200);
    });
  });
}
