import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { EDITION_SYSTEM_FIELDS } from '../../server/src/constants';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';
import {
  DAY,
  EDITION,
  cancel,
  createEdition,
  createPolicy,
  current,
  editionStatus,
  release,
  released,
  textsFor,
  uniqueKey,
} from '../helpers/fixtures';

const T0 = new Date('2027-03-28T21:30:00.000Z');
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export function editionsSpec() {
  describe('release and cancel', () => {
    beforeEach(() => testApp().clock.set(T0));
    afterEach(() => testApp().clock.reset());

    it('stamps version, release time, edition date, 7-day effective date and per-locale hashes', async () => {
      const key = uniqueKey();
      const policy = await createPolicy(key);
      const texts = textsFor('v1');
      const doc = await createEdition(policy.documentId, texts);
      const data = await released(doc);
      assert.equal(data.state, 'scheduled');
      assert.equal(data.version, 1);
      assert.equal(data.releasedAt, T0.toISOString());
      assert.equal(data.effectiveAt, new Date(T0.getTime() + 7 * DAY).toISOString());
      assert.equal(data.editionDate, '2027-03-28');
      for (const l of ['kk', 'ru', 'en']) {
        const row = data.locales.find((x: { locale: string }) => x.locale === l);
        assert.equal(row.contentHash, sha(texts[l].body), `hash of ${l}`);
      }
      // The hash served is the SHA-256 of the body served.
      testApp().clock.advance(7 * DAY);
      const res = await current(key, '?locale=ru');
      assert.equal(res.status, 200);
      assert.equal(res.body.data.contentHash, sha(res.body.data.body));
    });

    it('uses the policy override of the delay, 0 meaning immediately', async () => {
      const p3 = await createPolicy(uniqueKey(), { effectDelayDays: 3 });
      const d3 = await released(await createEdition(p3.documentId, textsFor('three')));
      assert.equal(d3.effectiveAt, new Date(T0.getTime() + 3 * DAY).toISOString());

      const k0 = uniqueKey();
      const p0 = await createPolicy(k0, { effectDelayDays: 0 });
      const d0 = await released(await createEdition(p0.documentId, textsFor('zero')));
      assert.equal(d0.effectiveAt, T0.toISOString());
      assert.equal(d0.state, 'in-force');
      const res = await current(k0, '?locale=kk');
      assert.equal(res.status, 200);
      assert.equal(res.body.data.version, 1);
    });

    it('keeps a later effective instant and refuses an earlier one, changing nothing', async () => {
      const policy = await createPolicy(uniqueKey());
      const later = new Date(T0.getTime() + 30 * DAY).toISOString();
      const d = await released(await createEdition(policy.documentId, textsFor('later')), {
        effectiveAt: later,
      });
      assert.equal(d.effectiveAt, later);

      const doc = await createEdition(policy.documentId, textsFor('early'));
      const early = await release(doc, { effectiveAt: new Date(T0.getTime() + DAY).toISOString() });
      assert.equal(early.status, 400);
      assert.match(early.body.error.message, /effectiveAt/);
      assert.equal(early.body.error.details.field, 'effectiveAt');
      const st = await editionStatus(doc);
      assert.equal(st.body.data.state, 'draft');
      assert.equal(st.body.data.version, null);

      // Not before the previous edition takes effect either (effectiveAt never goes backwards).
      const backwards = await release(doc);
      assert.equal(backwards.status, 400);
      assert.match(backwards.body.error.message, /previous edition/);

      const bad = await release(doc, { effectiveAt: 'next tuesday' });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /effectiveAt/);
    });

    it('serves the previous edition until the new one takes effect, then switches with no job', async () => {
      const key = uniqueKey();
      const policy = await createPolicy(key, { effectDelayDays: 0 });
      await released(await createEdition(policy.documentId, textsFor('v1')));
      await http(
        `/content-manager/collection-types/plugin::policy-ledger.policy/${policy.documentId}`,
        {
          method: 'PUT',
          admin: true,
          body: { effectDelayDays: null },
        },
      );
      const v2 = await released(
        await createEdition(policy.documentId, textsFor('v2'), { changeKind: 'reconsent' }),
      );
      assert.equal(v2.version, 2);

      let res = await current(key, '?locale=en');
      assert.equal(res.body.data.version, 1);
      assert.equal(res.body.data.title, 'v1 (en)');
      assert.deepEqual(res.body.data.upcoming, {
        version: 2,
        effectiveAt: v2.effectiveAt,
        editionDate: v2.editionDate,
        changeKind: 'reconsent',
        changeSummary: 'v2 changes (en)',
      });

      testApp().clock.set(new Date(new Date(v2.effectiveAt).getTime() - 1));
      res = await current(key, '?locale=en');
      assert.equal(res.body.data.version, 1);

      testApp().clock.set(v2.effectiveAt);
      res = await current(key, '?locale=en');
      assert.equal(res.body.data.version, 2);
      assert.equal(res.body.data.upcoming, null);

      const archive = await http(`/api/policy-ledger/policies/${key}/editions?locale=ru`);
      assert.equal(archive.status, 200);
      assert.deepEqual(
        archive.body.data.editions.map((e: { version: number; state: string }) => [
          e.version,
          e.state,
        ]),
        [
          [2, 'in-force'],
          [1, 'superseded'],
        ],
      );
      const one = await http(`/api/policy-ledger/policies/${key}/editions/1?locale=ru`);
      assert.equal(one.status, 200);
      assert.equal(one.body.data.state, 'superseded');
      assert.equal(one.body.data.body, textsFor('v1').ru.body);
      assert.equal((await http(`/api/policy-ledger/policies/${key}/editions/9`)).status, 404);
      assert.equal((await http(`/api/policy-ledger/policies/${key}/editions/abc`)).status, 400);
    });

    it('cancels a scheduled edition, refuses after it takes effect, and never reuses its version', async () => {
      const key = uniqueKey();
      const policy = await createPolicy(key, { effectDelayDays: 0 });
      await released(await createEdition(policy.documentId, textsFor('v1')));
      await http(
        `/content-manager/collection-types/plugin::policy-ledger.policy/${policy.documentId}`,
        {
          method: 'PUT',
          admin: true,
          body: { effectDelayDays: 7 },
        },
      );
      const v2doc = await createEdition(policy.documentId, textsFor('v2'));
      await released(v2doc);
      assert.equal((await current(key)).body.data.upcoming.version, 2);

      const c = await cancel(v2doc);
      assert.equal(c.status, 200, JSON.stringify(c.body));
      assert.equal(c.body.data.state, 'cancelled');
      const after = await current(key);
      assert.equal(after.body.data.version, 1);
      assert.equal(after.body.data.upcoming, null);
      testApp().clock.advance(30 * DAY);
      assert.equal(
        (await current(key)).body.data.version,
        1,
        'a cancelled edition never takes effect',
      );
      assert.equal((await cancel(v2doc)).status, 409);

      const v3doc = await createEdition(policy.documentId, textsFor('v3'));
      const v3 = await released(v3doc);
      assert.equal(v3.version, 3, 'version 2 is not reused');
      testApp().clock.advance(7 * DAY);
      const late = await cancel(v3doc);
      assert.equal(late.status, 409);
      assert.match(late.body.error.message, /took effect/);
      assert.equal((await current(key)).body.data.version, 3);
    });

    it('refuses release when a required locale lacks a title or body, changing nothing', async () => {
      const policy = await createPolicy(uniqueKey());
      const doc = await createEdition(policy.documentId, textsFor('partial', ['kk', 'en']));
      const res = await release(doc);
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.error.details.missingLocales, ['ru']);
      assert.match(res.body.error.message, /ru/);
      const st = await editionStatus(doc);
      assert.equal(st.body.data.state, 'draft');
      assert.equal(st.body.data.version, null);

      // A policy may require other locales.
      const enOnly = await createPolicy(uniqueKey(), { requiredLocales: ['en'] });
      const d = await released(await createEdition(enOnly.documentId, textsFor('en only', ['en'])));
      assert.equal(d.version, 1);
    });

    it('tells, before a release, which scheduled edition it would cut short and when it takes effect', async () => {
      const policy = await createPolicy(uniqueKey());
      const v1 = await released(await createEdition(policy.documentId, textsFor('sched v1')));
      const draft = await createEdition(policy.documentId, textsFor('sched v2'));
      testApp().clock.set(new Date(T0.getTime() + 3 * DAY));
      const st = (await editionStatus(draft)).body.data;
      assert.deepEqual(st.scheduledOver, { version: 1, effectiveAt: v1.effectiveAt });
      // Released now: 7 days from now, 3 days after v1 takes effect.
      assert.equal(st.releaseEffectiveAt, new Date(T0.getTime() + 10 * DAY).toISOString());
      const own = (await editionStatus(v1.documentId)).body.data;
      assert.deepEqual([own.scheduledOver, own.releaseEffectiveAt], [null, null], 'only drafts');
      testApp().clock.set(new Date(T0.getTime() + 8 * DAY)); // v1 in force: nothing scheduled
      assert.equal((await editionStatus(draft)).body.data.scheduledOver, null);
    });

    it('tells, before a release, that the draft repeats the text in force in every locale', async () => {
      const policy = await createPolicy(uniqueKey(), { effectDelayDays: 0 });
      const texts = textsFor('same text');
      const v1 = await released(await createEdition(policy.documentId, texts));
      const same = await createEdition(policy.documentId, texts);
      const st = (await editionStatus(same)).body.data;
      assert.deepEqual(st.identicalTo, { version: v1.version });
      // One locale changed, or one locale fewer: not identical.
      const edited = await createEdition(policy.documentId, {
        ...texts,
        ru: { ...texts.ru, body: `${texts.ru.body} (edited)` },
      });
      assert.equal((await editionStatus(edited)).body.data.identicalTo, null);
      const fewer = await createEdition(policy.documentId, textsFor('same text', ['kk', 'ru']));
      assert.equal((await editionStatus(fewer)).body.data.identicalTo, null);
      // A released edition is not asked; the draft still compares with what is in force.
      assert.equal((await editionStatus(v1.documentId)).body.data.identicalTo, null);
      const v2 = await released(edited);
      assert.equal((await editionStatus(same)).body.data.identicalTo, null, 'v2 in force');
      assert.equal(v2.identicalTo, null);
    });

    it('gives two concurrent releases of one policy distinct versions', async () => {
      const policy = await createPolicy(uniqueKey());
      const docs = await Promise.all(
        [1, 2, 3].map((i) => createEdition(policy.documentId, textsFor(`c${i}`))),
      );
      const results = await Promise.all(docs.map((d) => release(d)));
      for (const r of results) assert.equal(r.status, 200, JSON.stringify(r.body));
      const versions = results.map((r) => r.body.data.version).sort();
      assert.deepEqual(versions, [1, 2, 3]);

      // Releasing the same edition twice at once: one wins, the other is told why.
      const again = await createEdition(policy.documentId, textsFor('twice'));
      const both = await Promise.all([release(again), release(again)]);
      assert.deepEqual(both.map((r) => r.status).sort(), [200, 409]);
    });
  });

  describe('in the Content Manager', () => {
    it('shows the fields only a release writes as read-only, with labels, and lists version and effective date', async () => {
      const res = await http(
        '/content-manager/content-types/plugin::policy-ledger.edition/configuration',
        { admin: true },
      );
      assert.equal(res.status, 200);
      const { metadatas, layouts } = res.body.data.contentType;
      for (const field of EDITION_SYSTEM_FIELDS) {
        assert.equal(metadatas[field].edit.editable, false, field);
        assert.notEqual(metadatas[field].edit.label, field, `${field} has a readable label`);
      }
      assert.equal(metadatas.effectiveAt.list.label, 'Takes effect at');
      assert.deepEqual(layouts.list, ['id', 'title', 'policy', 'version', 'effectiveAt']);
    });
  });

  describe('a released edition is frozen', () => {
    beforeEach(() => testApp().clock.set(T0));
    afterEach(() => testApp().clock.reset());

    it('refuses update and delete through the Content Manager API and the Document Service', async () => {
      const policy = await createPolicy(uniqueKey());
      const doc = await createEdition(policy.documentId, textsFor('frozen', ['kk', 'ru']));
      await released(doc);
      const CM = `/content-manager/collection-types/${EDITION}/${doc}`;

      const put = await http(`${CM}?locale=kk`, {
        method: 'PUT',
        admin: true,
        body: { title: 'changed' },
      });
      assert.equal(put.status, 400);
      assert.match(put.body.error.message, /frozen/);
      assert.match(put.body.error.message, /new edition/);

      const del = await http(`${CM}?locale=ru`, { method: 'DELETE', admin: true });
      assert.equal(del.status, 400);
      assert.match(del.body.error.message, /frozen/);

      const { strapi } = testApp();
      await assert.rejects(
        strapi
          .documents(EDITION)
          .update({ documentId: doc, locale: 'kk', data: { body: 'tampered' } as never }),
        /frozen/,
      );
      await assert.rejects(
        strapi.documents(EDITION).delete({ documentId: doc, locale: '*' }),
        /frozen/,
      );

      const st = await editionStatus(doc);
      const kk = st.body.data.locales.find((l: { locale: string }) => l.locale === 'kk');
      assert.equal(kk.contentHash, sha(textsFor('frozen').kk.body));
      assert.equal(st.body.data.locales.length, 2);
    });

    it('allows adding a locale the edition lacked, with its own hash and release time', async () => {
      const key = uniqueKey();
      const policy = await createPolicy(key, { effectDelayDays: 0 });
      const doc = await createEdition(policy.documentId, textsFor('late', ['kk', 'ru']));
      await released(doc);
      assert.equal((await current(key, '?locale=en')).body.data.servedLocale, 'ru');

      testApp().clock.advance(DAY);
      const en = textsFor('late', ['en']).en;
      const add = await http(`/content-manager/collection-types/${EDITION}/${doc}?locale=en`, {
        method: 'PUT',
        admin: true,
        body: { ...en, changeKind: 'editorial' },
      });
      assert.equal(add.status, 200, JSON.stringify(add.body));
      const st = (await editionStatus(doc)).body.data;
      const enRow = st.locales.find((l: { locale: string }) => l.locale === 'en');
      assert.equal(enRow.contentHash, sha(en.body));
      assert.equal(enRow.releasedAt, new Date(T0.getTime() + DAY).toISOString());
      assert.equal(st.changeKind, 'material', 'shared fields of a frozen edition do not change');
      const res = await current(key, '?locale=en');
      assert.equal(res.body.data.servedLocale, 'en');
      assert.equal(res.body.data.contentHash, sha(en.body));

      // …and that locale is frozen from then on.
      const again = await http(`/content-manager/collection-types/${EDITION}/${doc}?locale=en`, {
        method: 'PUT',
        admin: true,
        body: { title: 'again' },
      });
      assert.equal(again.status, 400);
    });

    it('ignores release fields an editor sends on a draft', async () => {
      const policy = await createPolicy(uniqueKey());
      const doc = await createEdition(policy.documentId, textsFor('sneaky', ['kk', 'ru']));
      await http(`/content-manager/collection-types/${EDITION}/${doc}?locale=kk`, {
        method: 'PUT',
        admin: true,
        body: { version: 99, releasedAt: T0.toISOString(), effectiveAt: T0.toISOString() },
      });
      const st = (await editionStatus(doc)).body.data;
      assert.equal(st.state, 'draft');
      assert.equal(st.version, null);
      assert.equal(st.effectiveAt, null);
    });

    it('refuses to delete a policy with released editions or to change its key', async () => {
      const key = uniqueKey();
      const policy = await createPolicy(key);
      await released(await createEdition(policy.documentId, textsFor('keep')));
      const url = `/content-manager/collection-types/plugin::policy-ledger.policy/${policy.documentId}`;
      const del = await http(url, { method: 'DELETE', admin: true });
      assert.equal(del.status, 400);
      assert.match(del.body.error.message, /released editions/);
      const rename = await http(url, {
        method: 'PUT',
        admin: true,
        body: { key: `${key}-renamed` },
      });
      assert.equal(rename.status, 400);
      const badLocales = await http(url, {
        method: 'PUT',
        admin: true,
        body: { requiredLocales: ['kk', 'not a locale'] },
      });
      assert.equal(badLocales.status, 400);
      assert.match(badLocales.body.error.message, /requiredLocales/);
    });
  });
}
