import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { EDITION_SYSTEM_FIELDS } from '../../server/src/constants';
import type { EditionRow } from '../../server/src/db/edition-rows';
import { http } from '../helpers/http';
import { adminLogin, testApp } from '../helpers/strapi';
import {
  EDITION,
  createEdition,
  createPolicy,
  editionStatus,
  released,
  textsFor,
  uniqueKey,
} from '../helpers/fixtures';

const T0 = new Date('2028-02-14T08:00:00.000Z');

const successor = (documentId: string, body: unknown = {}, admin: boolean | string = true) =>
  http(`/policy-ledger/editions/${documentId}/successor`, { admin, body });

const rowsOf = async (documentId: string) =>
  (await testApp()
    .strapi.db.query(EDITION)
    .findMany({
      where: { documentId },
      populate: { policy: true },
      orderBy: { locale: 'asc' },
    })) as EditionRow[];

const editionCount = () => testApp().strapi.db.query(EDITION).count({});

/** An admin user with exactly these permissions; returns their JWT. */
async function adminWith(name: string, permissions: Array<Record<string, unknown>>) {
  const { strapi, url } = testApp();
  const role = await strapi
    .service('admin::role')
    .create({ name: `${name} ${process.pid}`, description: name });
  await strapi.service('admin::role').assignPermissions(
    role.id,
    permissions.map((p) => ({ subject: null, properties: {}, conditions: [], ...p })),
  );
  const email = `${name.replace(/\W/g, '').toLowerCase()}-${process.pid}@policy-ledger.test`;
  await strapi.service('admin::user').create({
    email,
    firstname: name,
    lastname: 'Test',
    password: 'Successor-pass-1',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  return adminLogin(url, email, 'Successor-pass-1');
}

export function successorSpec() {
  describe('a new edition from an existing one', () => {
    beforeEach(() => testApp().clock.set(T0));
    afterEach(() => testApp().clock.reset());

    it('copies every locale and the change kind into a new draft of the same policy, with no release fields', async () => {
      const policy = await createPolicy(uniqueKey('succ'));
      const texts = textsFor('succ v1');
      const source = await createEdition(policy.documentId, texts, {
        changeKind: 'reconsent',
        editionDate: '2028-02-01',
      });
      const v1 = await released(source);
      assert.equal(v1.version, 1);

      const res = await successor(source);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const { sourceDocumentId, edition } = res.body.data;
      assert.equal(sourceDocumentId, source);
      assert.notEqual(edition.documentId, source);
      assert.equal(edition.state, 'draft');
      assert.equal(edition.version, null);
      assert.equal(edition.releasedAt, null);
      assert.equal(edition.effectiveAt, null);
      assert.equal(edition.cancelledAt, null);
      assert.equal(edition.editionDate, null, 'the edition date is left for the release to set');
      assert.equal(edition.changeKind, 'reconsent');
      assert.equal(edition.policy.key, policy.key);
      assert.deepEqual(edition.missingLocales, []);
      assert.deepEqual(
        edition.locales.map((l: { locale: string }) => l.locale),
        ['en', 'kk', 'ru'],
      );

      const rows = await rowsOf(edition.documentId);
      assert.equal(rows.length, 3);
      for (const row of rows) {
        const t = texts[row.locale];
        assert.equal(row.title, t.title, `title of ${row.locale}`);
        assert.equal(row.body, t.body, `body of ${row.locale}`);
        assert.equal(row.changeSummary, t.changeSummary, `summary of ${row.locale}`);
        assert.equal(row.policy?.documentId, policy.documentId, `policy of ${row.locale}`);
        assert.equal(row.editionDate, null);
        for (const f of EDITION_SYSTEM_FIELDS) assert.equal(row[f], null, `${f} of ${row.locale}`);
      }

      // The source is untouched, and the copy is an ordinary draft: editable, then releasable.
      const st = (await editionStatus(source)).body.data;
      assert.equal(st.version, 1);
      assert.equal(st.state, 'scheduled');
      const edit = await http(
        `/content-manager/collection-types/${EDITION}/${edition.documentId}?locale=kk`,
        { method: 'PUT', admin: true, body: { title: 'succ v2 (kk)' } },
      );
      assert.equal(edit.status, 200, JSON.stringify(edit.body));
      const v2 = await released(edition.documentId);
      assert.equal(v2.version, 2);
      assert.equal(v2.editionDate, '2028-02-14');
    });

    it('copies a draft too, locales with and without text alike', async () => {
      const policy = await createPolicy(uniqueKey('succ'));
      const source = await createEdition(policy.documentId, {
        kk: { title: 'draft (kk)', body: 'kk body' },
        ru: { title: 'draft (ru)', body: '' },
      });
      const res = await successor(source);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const rows = await rowsOf(res.body.data.edition.documentId);
      assert.deepEqual(
        rows.map((r) => [r.locale, r.title, r.body || '']),
        [
          ['kk', 'draft (kk)', 'kk body'],
          ['ru', 'draft (ru)', ''],
        ],
      );
      assert.equal(res.body.data.edition.state, 'draft');
    });

    it('answers 404 for an unknown edition and 400 for a bad id or body, creating nothing', async () => {
      const before = await editionCount();
      const unknown = await successor('nosucheditionatall000000');
      assert.equal(unknown.status, 404);
      assert.match(unknown.body.error.message, /No edition/);
      assert.equal((await successor('not-an-id!')).status, 400);
      const policy = await createPolicy(uniqueKey('succ'));
      const source = await createEdition(policy.documentId, textsFor('succ body', ['en']));
      const bad = await successor(source, { version: 3 });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /version is not a field/);
      assert.equal(await editionCount(), before + 1, 'only the source was created');
    });

    it('leaves nothing behind when a locale fails mid-way', async () => {
      const policy = await createPolicy(uniqueKey('succ'));
      const source = await createEdition(policy.documentId, textsFor('succ fail'));
      const { strapi } = testApp();
      // Refuse the last locale written (en is created first, then kk, then ru).
      const stop = strapi.documents.use(async (ctx, next) => {
        const params = ctx.params as { documentId?: string; locale?: string };
        if (
          ctx.uid === EDITION &&
          ctx.action === 'update' &&
          params.locale === 'ru' &&
          params.documentId !== source
        ) {
          throw new Error('injected failure while copying ru');
        }
        return next();
      }) as unknown as () => void;
      const before = await editionCount();
      try {
        const res = await successor(source);
        assert.equal(res.status, 500);
      } finally {
        stop();
      }
      assert.equal(await editionCount(), before, 'no row of the new edition remains');
      assert.equal((await rowsOf(source)).length, 3, 'the source is whole');
    });

    it("needs the Content Manager's create permission on editions, not the plugin's release", async () => {
      const policy = await createPolicy(uniqueKey('succ'));
      const source = await createEdition(policy.documentId, textsFor('succ rbac', ['en']));
      const releaser = await adminWith('Releaser', [
        { action: 'plugin::policy-ledger.read' },
        { action: 'plugin::policy-ledger.release' },
      ]);
      const before = await editionCount();
      assert.equal((await successor(source, {}, releaser)).status, 403);
      assert.equal(await editionCount(), before);

      const writer = await adminWith('Edition writer', [
        { action: 'plugin::policy-ledger.read' },
        { action: 'plugin::content-manager.explorer.read', subject: EDITION },
        { action: 'plugin::content-manager.explorer.create', subject: EDITION },
      ]);
      const ok = await successor(source, {}, writer);
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal(
        (await http(`/policy-ledger/editions/${source}/successor`, { body: {} })).status,
        401,
      );
    });
  });
}
