import assert from 'node:assert/strict';
import { afterEach, before, beforeEach, describe, it } from 'node:test';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';
import {
  DAY,
  createEdition,
  createPolicy,
  current,
  released,
  textsFor,
  uniqueKey,
} from '../helpers/fixtures';
import { PUBLIC_ACTIONS } from '../../server/src/constants';

const T0 = new Date('2027-06-01T08:00:00.000Z');

export function publicApiSpec() {
  describe('demo content', () => {
    it('serves the Kazakh demo policy with the next edition announced', async () => {
      const res = await current('privacy', '?locale=kk');
      assert.equal(res.status, 200);
      assert.equal(res.body.data.servedLocale, 'kk');
      assert.equal(res.body.data.version, 1);
      assert.match(res.body.data.title, /Жеке деректерді/);
      assert.equal(res.body.data.upcoming.version, 2);
      const list = await http('/api/policy-ledger/policies');
      assert.equal(list.status, 200);
      const privacy = list.body.data.find((p: { key: string }) => p.key === 'privacy');
      assert.equal(privacy.current.version, 1);
      assert.equal(privacy.upcoming.version, 2);
      const form = await http('/api/policy-ledger/forms/contact?locale=ru');
      assert.equal(form.status, 200);
      assert.equal(form.body.data.title, 'Оставить заявку');
      assert.equal(form.body.data.policies[0].current.version, 1);
    });
  });

  describe('current policy: locale negotiation', () => {
    let key: string;
    before(async () => {
      key = uniqueKey('neg');
      const policy = await createPolicy(key, { effectDelayDays: 0 });
      // kk and ru only: en falls back to ru (host app chain en → ru).
      await released(await createEdition(policy.documentId, textsFor('neg', ['kk', 'ru'])));
    });

    const served = async (query: string, headers: Record<string, string> = {}) => {
      const res = await current(key, query, headers);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return [res.body.data.requestedLocale, res.body.data.servedLocale];
    };

    it('takes ?locale= first, then Accept-Language with q-values, then the policy default', async () => {
      assert.deepEqual(await served('?locale=ru', { 'accept-language': 'kk' }), ['ru', 'ru']);
      assert.deepEqual(await served('', { 'accept-language': 'en;q=0.3, ru;q=0.8, kk;q=0.5' }), [
        'ru',
        'ru',
      ]);
      assert.deepEqual(await served('', { 'accept-language': 'de, kk;q=0.2' }), ['kk', 'kk']);
      assert.deepEqual(await served(''), ['kk', 'kk']);
      assert.deepEqual(await served('', { 'accept-language': 'ru;q=0, kk;q=0.1' }), ['kk', 'kk']);
    });

    it('matches region subtags to the language', async () => {
      assert.deepEqual(await served('?locale=kk-KZ'), ['kk', 'kk']);
      assert.deepEqual(await served('', { 'accept-language': 'ru-RU,ru;q=0.9' }), ['ru', 'ru']);
    });

    it('falls back along the chain and says so', async () => {
      assert.deepEqual(await served('?locale=en'), ['en', 'ru']);
      assert.deepEqual(await served('', { 'accept-language': 'en-US' }), ['en', 'ru']);
    });

    it('answers 404 for an unknown policy and 400 for a malformed locale or format', async () => {
      const missing = await current('no-such-policy');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.name, 'NotFoundError');
      for (const q of [
        '?locale=kk_KZ',
        '?locale=..%2F',
        '?locale=k',
        '?format=pdf',
        '?locale=kk&locale=ru',
      ]) {
        const bad = await current(key, q);
        assert.equal(bad.status, 400, q);
        assert.equal(bad.body.data, null);
        assert.ok(bad.body.error.message.length > 0);
      }
      const badLocale = await current(key, '?locale=kk_KZ');
      assert.match(badLocale.body.error.message, /locale/);
    });
  });

  describe('current policy: HTTP caching', () => {
    beforeEach(() => testApp().clock.set(T0));
    afterEach(() => testApp().clock.reset());

    it('sends ETag, Vary and answers 304 to If-None-Match', async () => {
      const key = uniqueKey('etag');
      const policy = await createPolicy(key, { effectDelayDays: 0 });
      await released(await createEdition(policy.documentId, textsFor('etag')));
      const first = await current(key, '?locale=kk');
      const etag = first.headers.get('etag');
      assert.ok(
        etag && etag.startsWith(`"${first.body.data.contentHash}`),
        `ETag ${etag} starts with the content hash`,
      );
      assert.equal(first.headers.get('vary'), 'Origin, Accept-Language');
      const again = await current(key, '?locale=kk', { 'if-none-match': etag as string });
      assert.equal(again.status, 304);
      assert.equal(again.headers.get('etag'), etag);
      const other = await current(key, '?locale=ru', { 'if-none-match': etag as string });
      assert.equal(other.status, 200, 'another locale is another representation');
      assert.notEqual(other.headers.get('etag'), etag);
    });

    it('never lets Cache-Control max-age run past the next effective instant', async () => {
      const key = uniqueKey('maxage');
      const policy = await createPolicy(key, { effectDelayDays: 0 });
      await released(await createEdition(policy.documentId, textsFor('v1')));
      const maxAge = (h: Headers) =>
        Number(/max-age=(\d+)/.exec(h.get('cache-control') ?? '')?.[1]);
      let res = await current(key);
      assert.match(res.headers.get('cache-control') ?? '', /^public, max-age=\d+$/);
      assert.equal(maxAge(res.headers), 300);
      const etagBefore = res.headers.get('etag');

      await http(
        `/content-manager/collection-types/plugin::policy-ledger.policy/${policy.documentId}`,
        {
          method: 'PUT',
          admin: true,
          body: { effectDelayDays: 1 },
        },
      );
      const v2 = await released(await createEdition(policy.documentId, textsFor('v2')));
      res = await current(key, '', { 'if-none-match': etagBefore as string });
      assert.equal(res.status, 200, 'announcing an upcoming edition changes the representation');
      assert.equal(res.body.data.upcoming.version, 2);

      testApp().clock.set(new Date(new Date(v2.effectiveAt).getTime() - 90_000));
      res = await current(key);
      assert.equal(maxAge(res.headers), 90);
      assert.equal(res.body.data.version, 1);

      testApp().clock.set(v2.effectiveAt);
      res = await current(key);
      assert.equal(res.body.data.version, 2);
      assert.equal(maxAge(res.headers), 300);
    });

    it('renders sanitized HTML on format=html', async () => {
      const key = uniqueKey('html');
      const policy = await createPolicy(key, { effectDelayDays: 0 });
      const evil = {
        title: 'Evil',
        body: '# Heading\n\n<script>alert(1)</script>\n\n[click](javascript:alert(2))\n\n<img src=x onerror=alert(3)>\n\n- item',
      };
      await released(await createEdition(policy.documentId, { kk: evil, ru: evil }));
      const res = await current(key, '?format=html');
      assert.equal(res.status, 200);
      const html = res.body.data.body as string;
      assert.match(html, /<h1>Heading<\/h1>/);
      assert.match(html, /<li>item<\/li>/);
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /href\s*=\s*["']?\s*javascript:/i);
      assert.doesNotMatch(html, /<img/i);
      assert.equal(res.body.data.format, 'html');
      const md = await current(key, '?format=markdown');
      assert.equal(md.body.data.body, evil.body, 'markdown is served exactly as released');
      assert.notEqual(md.headers.get('etag'), res.headers.get('etag'));
    });

    it('answers 404 while a policy has no edition in force, naming the upcoming one', async () => {
      const key = uniqueKey('soon');
      const policy = await createPolicy(key);
      await released(await createEdition(policy.documentId, textsFor('soon')));
      const res = await current(key);
      assert.equal(res.status, 404);
      assert.equal(res.body.error.details.upcoming.version, 1);
      testApp().clock.advance(7 * DAY);
      assert.equal((await current(key)).status, 200);
    });
  });

  if ((process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite') {
    describe('storage (SQLite)', () => {
      it('runs in WAL mode (the host app) with synchronous=FULL (the plugin: durable commits)', async () => {
        const knex = testApp().strapi.db.connection;
        assert.deepEqual(await knex.raw('pragma journal_mode'), [{ journal_mode: 'wal' }]);
        // The demo app asks for NORMAL; durability: 'full' (the default) raises it.
        assert.deepEqual(await knex.raw('pragma synchronous'), [{ synchronous: 2 }]);
        const { warnings } = (await http('/policy-ledger/health', { admin: true })).body.data;
        assert.ok(!warnings.some((w: { code: string }) => w.code === 'not-durable'));
      });
    });
  }

  if (process.env.DATABASE_CLIENT === 'postgres') {
    describe('storage (PostgreSQL)', () => {
      it('sets insert-triggered autovacuum on the append-only ledger table', async () => {
        const knex = testApp().strapi.db.connection;
        const { rows } = await knex.raw(
          "SELECT reloptions FROM pg_class WHERE relname = 'policy_ledger_events'",
        );
        assert.ok(
          rows[0].reloptions.includes('autovacuum_vacuum_insert_scale_factor=0.01'),
          JSON.stringify(rows),
        );
      });
    });
  }

  describe('permissions', () => {
    it('gives the Public role the policy routes, the form read and the submission, and nothing else of the plugin', async () => {
      const { strapi } = testApp();
      const role = await strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type: 'public' } });
      const perms = (await strapi.db.query('plugin::users-permissions.permission').findMany({
        where: { role: { id: role.id }, action: { $startsWith: 'plugin::policy-ledger.' } },
      })) as Array<{ action: string }>;
      assert.deepEqual(perms.map((p) => p.action).sort(), [...PUBLIC_ACTIONS].sort());

      for (const path of [
        '/policies',
        '/policies/privacy/current',
        '/policies/privacy/editions',
        '/policies/privacy/editions/1',
      ]) {
        assert.equal((await http(`/api/policy-ledger${path}`)).status, 200, path);
      }
    });

    it('keeps the admin routes behind an admin login and the release permission', async () => {
      const doc = 'abcdefghijklmnopqrstuvwx';
      for (const [method, path] of [
        ['GET', 'status'],
        ['POST', 'release'],
        ['POST', 'cancel'],
      ]) {
        const res = await http(`/policy-ledger/editions/${doc}/${path}`, {
          method,
          ...(method === 'POST' ? { body: {} } : {}),
        });
        assert.equal(res.status, 401, `${method} ${path}`);
      }
      const cm = await http('/content-manager/collection-types/plugin::policy-ledger.edition');
      assert.equal(cm.status, 401);
    });
  });
}
