import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { foldStanding } from '../../server/src/domain/standing';
import { createEdition, DAY, policyWithForm, released, textsFor } from '../helpers/fixtures';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';

const EVENTS = 'policy_ledger_events';

/** Admin → Acceptance: people beside events, each person once; days in the plugin's zone. */
export function peopleCountsSpec() {
  describe('honest counts: people beside events, days in the plugin time zone', () => {
    let key: string;
    let formKey: string;
    let token: string;
    const knex = () => testApp().strapi.db.connection;
    const service = (name: string) => testApp().strapi.plugin('policy-ledger').service(name);
    const submit = (email: string, version: number, marketing = true) =>
      http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body: {
          locale: 'ru',
          data: { name: 'P', email },
          purposes: { processing: true, marketing },
          accepted: [{ policy: key, version }],
        },
      });
    const stats = async (query = '') => {
      const res = await http(`/policy-ledger/stats/acceptance?policy=${key}${query}`, {
        admin: true,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data;
    };
    const sealAndCount = async () => {
      testApp().clock.advance(60_000);
      await service('integrity').seal();
      return service('people-counts').catchUp();
    };

    before(async () => {
      // 01:30 on 2 March in Almaty (the demo's zone) is still 1 March in UTC.
      testApp().clock.set('2031-03-01T20:30:00.000Z');
      const made = await policyWithForm('people', 'people v1');
      ({ key, formKey } = made);
      token = (
        await testApp()
          .strapi.service('admin::api-token')
          .create({ name: `people-${process.pid}`, type: 'full-access', lifespan: null })
      ).accessKey;
      for (const email of ['p1@example.kz', 'p2@example.kz', 'p3@example.kz'])
        assert.equal((await submit(email, 1)).status, 201);
      // p1 accepts again: two events, one person.
      assert.equal((await submit('p1@example.kz', 1, false)).status, 201);
      testApp().clock.advance(DAY);
      await released(await createEdition(made.policy.documentId, textsFor('people v2')));
      assert.equal((await submit('p2@example.kz', 2)).status, 201);
      const denied = await http('/api/policy-ledger/consents', {
        body: {
          subject: 'p4@example.kz',
          policy: key,
          version: 2,
          locale: 'ru',
          purposes: { marketing: false },
          action: 'denied',
        },
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(denied.status, 201, JSON.stringify(denied.body));
      const withdrawn = await http('/api/policy-ledger/consents/withdraw', {
        body: { subject: 'p3@example.kz', policy: key, purposes: ['marketing'] },
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(withdrawn.status, 201, JSON.stringify(withdrawn.body));
    });

    it('counts people once each, by edition and purpose, exactly as the ledger folds', async () => {
      const before = await stats('&groupBy=version');
      assert.ok(before.people.notYetCounted >= 7, 'unsealed events are not counted yet');
      await sealAndCount();
      const s = await stats('&groupBy=version');
      assert.equal(s.people.notYetCounted, 0);
      assert.equal(s.totals.granted, 5, 'events: p1 twice, p2 twice, p3');
      assert.equal(s.people.people, 4);
      assert.deepEqual(s.people.byEdition, [
        { version: 1, people: 2 },
        { version: 2, people: 1 },
      ]);
      assert.equal(s.people.declining, 1);
      assert.deepEqual(s.people.purposes, [
        { purpose: 'marketing', people: 1, expired: 0 }, // p2 only: p1 said no the second time, p3 withdrew
        { purpose: 'processing', people: 3, expired: 0 },
      ]);

      // The same from the database: fold every person's events.
      const rows = (await knex()(EVENTS).where({ policy_key: key }).orderBy('seq', 'asc')) as Array<
        Record<string, string | number>
      >;
      const bySubject = new Map<string, typeof rows>();
      for (const r of rows)
        bySubject.set(String(r.subject), [...(bySubject.get(String(r.subject)) ?? []), r]);
      const standings = [...bySubject.values()].map((list) =>
        foldStanding(
          list.map((r) => ({
            action: r.action as 'granted',
            version: Number(r.policy_version),
            locale: r.locale as string,
            purposes: JSON.parse(String(r.purposes)),
          })),
        ),
      );
      assert.equal(s.people.people, bySubject.size);
      assert.equal(
        s.people.purposes.find((p: { purpose: string }) => p.purpose === 'processing').people,
        standings.filter((x) => x.purposes.processing).length,
      );
      const distinct = await knex()(EVENTS)
        .where({ policy_key: key })
        .countDistinct({ n: 'subject' })
        .first();
      assert.equal(s.people.people, Number(distinct?.n));
    });

    it('never counts an event twice, however often or concurrently it runs', async () => {
      const before = (await stats()).people;
      const runs = await Promise.all([
        service('people-counts').catchUp(),
        service('people-counts').catchUp(),
      ]);
      assert.deepEqual(
        runs.map((r: { counted: number }) => r.counted),
        [0, 0],
      );
      assert.equal((await submit('p5@example.kz', 2)).status, 201);
      await Promise.all([sealAndCount(), service('people-counts').catchUp()]);
      const after = (await stats()).people;
      assert.equal(after.people, before.people + 1);
      assert.equal(
        after.byEdition.find((e: { version: number }) => e.version === 2).people,
        before.byEdition.find((e: { version: number }) => e.version === 2).people + 1,
      );
    });

    it('groups days and filters From/To by days in the plugin time zone', async () => {
      const s = await stats('&groupBy=day');
      const days = s.rows.map((r: { day: string }) => r.day);
      assert.ok(days.includes('2031-03-02'), `Almaty day of the first events: ${days}`);
      assert.ok(!days.includes('2031-03-01'), 'no UTC day');
      const page = async (q: string) =>
        (await http(`/policy-ledger/ledger?policy=${key}&${q}`, { admin: true })).body.data.events
          .length;
      assert.equal(await page('to=2031-03-01'), 0, 'nothing on 1 March in Almaty');
      assert.equal(await page('from=2031-03-02&to=2031-03-02'), 4);
    });

    it('counts people whose marketing grant has expired (365 days in the demo) apart from those consenting now', async () => {
      const marketing = async () =>
        (await stats()).people.purposes.find((p: { purpose: string }) => p.purpose === 'marketing');
      const now = await marketing();
      assert.equal(now.expired, 0);
      const was = testApp().clock.now();
      // p2 granted marketing on 2031-03-03 (Almaty); p5 on the same day: both expire on 2032-03-02 (a leap year).
      testApp().clock.set('2032-03-01T18:59:00.000Z'); // 23:59 on 1 March in Almaty
      assert.deepEqual(await marketing(), now);
      testApp().clock.set('2032-03-01T19:00:00.000Z'); // the start of 2 March there
      const later = await marketing();
      assert.equal(later.expired, now.people);
      assert.equal(later.people, 0);
      // Processing has no lifetime.
      const processing = (await stats()).people.purposes.find(
        (p: { purpose: string }) => p.purpose === 'processing',
      );
      assert.equal(processing.expired, 0);
      assert.ok(processing.people > 0);
      testApp().clock.set(was);
    });
  });
}
