import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';

const URL = '/api/policy-ledger/policies/privacy/current?locale=ru';
const VOLATILE = new Set(['date', 'connection', 'keep-alive']);

export function fastPathSpec() {
  describe('the fast path for the current policy', () => {
    const state = () => testApp().strapi.plugin('policy-ledger').service('fastPath').state as { enabled: boolean };
    const headersOf = (h: Headers) => Object.fromEntries([...h.entries()].filter(([k]) => !VOLATILE.has(k)).sort());

    it('is on by default', () => assert.equal(state().enabled, true));

    it('answers with exactly the headers and body of the ordinary route (CORS and security included)', async () => {
      for (const headers of [{}, { origin: 'https://shop.example' }, { 'accept-language': 'en-US' }] as Array<Record<string, string>>) {
        const fast = await http(URL, { headers });
        state().enabled = false;
        let ordinary;
        try {
          ordinary = await http(URL, { headers });
        } finally {
          state().enabled = true;
        }
        assert.equal(fast.status, 200);
        assert.equal(ordinary.status, 200);
        assert.deepEqual(headersOf(fast.headers), headersOf(ordinary.headers), JSON.stringify(headers));
        assert.deepEqual(fast.body, ordinary.body);
      }
      // 304 alike.
      const etag = (await http(URL)).headers.get('etag') as string;
      const fast304 = await http(URL, { headers: { 'if-none-match': etag } });
      state().enabled = false;
      const route304 = await http(URL, { headers: { 'if-none-match': etag } }).finally(() => (state().enabled = true));
      assert.equal(fast304.status, 304);
      assert.deepEqual(headersOf(fast304.headers), headersOf(route304.headers));
      // HEAD alike.
      const fastHead = await http(URL, { method: 'HEAD' });
      state().enabled = false;
      const routeHead = await http(URL, { method: 'HEAD' }).finally(() => (state().enabled = true));
      assert.deepEqual(headersOf(fastHead.headers), headersOf(routeHead.headers));
    });

    it('leaves errors to the ordinary route', async () => {
      for (const path of ['/api/policy-ledger/policies/nope/current', '/api/policy-ledger/policies/privacy/current?locale=kk_KZ', '/api/policy-ledger/policies/privacy/current?format=pdf']) {
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
        const reads = (table: string) => queries.filter((sql) => new RegExp(`^select .* from (?:[\`"]?\\w+[\`"]?\\.)?[\`"]?${table}[\`"]? `, 'i').test(sql));
        const policyReads = reads('policy_ledger_policies');
        const editionReads = reads('policy_ledger_editions');
        assert.equal(policyReads.length, 1, queries.join('\n'));
        assert.equal(editionReads.length, 1, queries.join('\n'));
      } finally {
        knex.off('query', listen);
      }
    });

    it('follows the Public role: revoked, the route answers 403', async () => {
      const { strapi } = testApp();
      const perm = await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action: 'plugin::policy-ledger.policies.current', role: { type: 'public' } } });
      await strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: perm.id } });
      const ttl = strapi.config.get('plugin::policy-ledger.cache.ttl') as number;
      try {
        await new Promise((r) => setTimeout(r, ttl * 1000 + 50));
        assert.equal((await http(URL)).status, 403);
      } finally {
        await strapi.db.query('plugin::users-permissions.permission').create({ data: { action: perm.action, role: perm.role?.id ?? (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } })).id } });
        await new Promise((r) => setTimeout(r, ttl * 1000 + 50));
      }
      assert.equal((await http(URL)).status, 200);
    });
  });
}
