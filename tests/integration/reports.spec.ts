import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { http } from '../helpers/http';
import { adminLogin, testApp } from '../helpers/strapi';
import {
  DAY,
  createEdition,
  createForm,
  createPolicy,
  fullAccessToken,
  released,
  textsFor,
  uniqueKey,
} from '../helpers/fixtures';

const T0 = new Date('2029-05-10T09:00:00.000Z');
const EVENTS = 'policy_ledger_events';

export function reportsSpec() {
  describe('acceptance counters, ledger browser, exports, diff and RBAC', () => {
    let policyKey: string;
    let policyDoc: string;
    let v1Doc: string;
    let v2Doc: string;
    let formA: string;
    let formB: string;
    let token: string;
    let version = 1;
    const knex = () => testApp().strapi.db.connection;
    const submit = (form: string, email: string, locale: string, marketing = true) =>
      http(`/api/policy-ledger/forms/${form}/submissions`, {
        body: {
          locale,
          data: { name: 'P', email },
          purposes: { processing: true, marketing },
          accepted: [{ policy: policyKey, version }],
        },
      });
    const api = (p: string, body?: unknown) =>
      http(p, { body, headers: { authorization: `Bearer ${token}` } });

    before(async () => {
      testApp().clock.set(T0);
      policyKey = uniqueKey('stats');
      const policy = await createPolicy(policyKey, { effectDelayDays: 0 });
      policyDoc = policy.documentId;
      v1Doc = await createEdition(policyDoc, textsFor('stats v1'));
      await released(v1Doc);
      formA = uniqueKey('fa');
      formB = uniqueKey('fb');
      await createForm(formA, [policyDoc]);
      await createForm(formB, [policyDoc]);
      token = await fullAccessToken('reports');

      // A mixed workload over two days, two editions, two forms, three locales.
      const firstDay = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          submit(
            i % 2 ? formA : formB,
            `p${i}@example.com`,
            ['kk', 'ru', 'en'][i % 3],
            i % 4 !== 0,
          ),
        ),
      );
      for (const r of firstDay) assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(
        (
          await api('/api/policy-ledger/consents', {
            subject: 'phone:+77010000001',
            policy: policyKey,
            version: 1,
            locale: 'ru',
            purposes: { processing: false },
            action: 'denied',
          })
        ).status,
        201,
      );
      testApp().clock.advance(DAY);
      v2Doc = await createEdition(
        policyDoc,
        {
          ...textsFor('stats v2'),
          kk: { title: 'v2 kk', body: `${textsFor('stats v1').kk.body}\n\nA new paragraph.` },
        },
        { changeKind: 'material' },
      );
      await released(v2Doc);
      version = 2;
      for (let i = 0; i < 4; i++)
        assert.equal((await submit(formA, `q${i}@example.com`, 'kk')).status, 201);
      // Seen again after v2 took effect: implied acceptance for p0..p2.
      for (let i = 0; i < 3; i++)
        assert.equal(
          (
            await api(
              `/api/policy-ledger/subjects/status?subject=p${i}@example.com&policy=${policyKey}`,
            )
          ).status,
          200,
        );
      // Withdrawals.
      assert.equal(
        (
          await api('/api/policy-ledger/consents/withdraw', {
            subject: 'p1@example.com',
            policy: policyKey,
            purposes: ['marketing'],
          })
        ).status,
        201,
      );
      assert.equal(
        (await api('/api/policy-ledger/consents/withdraw', { subject: 'q0@example.com' })).status,
        201,
      );
    });
    after(() => testApp().clock.reset());

    it('keeps counters equal to COUNT(*) of the ledger for every group', async () => {
      const res = await http(
        `/policy-ledger/stats/acceptance?policy=${policyKey}&groupBy=version,locale,form,day`,
        { admin: true },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const truth = (await knex()(EVENTS)
        .where({ policy_key: policyKey })
        .select(
          'policy_version',
          'locale',
          'form_key',
          'action',
          knex().raw('substr(occurred_at, 1, 10) as day'),
        )
        .count({ c: '*' })
        .groupBy(
          'policy_version',
          'locale',
          'form_key',
          'action',
          knex().raw('substr(occurred_at, 1, 10)'),
        )) as Array<Record<string, string | number | null>>;
      const expected = new Map<string, number>();
      for (const t of truth)
        expected.set(
          [Number(t.policy_version), t.locale ?? null, t.form_key ?? null, t.day, t.action].join(
            '|',
          ),
          Number(t.c),
        );
      const actual = new Map<string, number>();
      for (const r of res.body.data.rows) {
        for (const a of ['granted', 'implied', 'withdrawn', 'denied']) {
          if (r[a] > 0) actual.set([r.version, r.locale, r.form, r.day, a].join('|'), r[a]);
        }
      }
      assert.deepEqual([...actual.entries()].sort(), [...expected.entries()].sort());
      const { totals } = res.body.data;
      assert.deepEqual(totals, {
        granted: 16,
        implied: 3,
        withdrawn: 2,
        denied: 1,
        total: 22,
        notified: 0,
      });

      // The daily rollup merges past days' shards and changes no total.
      const rowsBefore = Number(
        (
          (await knex()('policy_ledger_counters')
            .where({ policy_key: policyKey })
            .count({ c: '*' })
            .first()) as { c: number }
        ).c,
      );
      testApp().clock.advance(2 * DAY);
      const merged = await testApp()
        .strapi.plugin('policy-ledger')
        .service('retention')
        .compactCounters();
      testApp().clock.advance(-2 * DAY);
      assert.ok(merged > 0);
      const rowsAfter = Number(
        (
          (await knex()('policy_ledger_counters')
            .where({ policy_key: policyKey })
            .count({ c: '*' })
            .first()) as { c: number }
        ).c,
      );
      assert.ok(rowsAfter < rowsBefore, `${rowsAfter} < ${rowsBefore}`);
      const again = await http(
        `/policy-ledger/stats/acceptance?policy=${policyKey}&groupBy=version,locale,form,day`,
        { admin: true },
      );
      assert.deepEqual(again.body.data.rows, res.body.data.rows);

      // And over the whole ledger (every suite's events): counters sum to the row count.
      const all = Number(((await knex()(EVENTS).count({ c: '*' }).first()) as { c: number }).c);
      const counted = Number(
        ((await knex()('policy_ledger_counters').sum({ s: 'n' }).first()) as { s: number }).s,
      );
      assert.equal(counted, all);
    });

    it('groups by version and counts people pending re-acceptance', async () => {
      let res = await http(`/policy-ledger/stats/acceptance?policy=${policyKey}`, { admin: true });
      assert.deepEqual(
        res.body.data.rows.map((r: Record<string, number>) => [
          r.version,
          r.granted,
          r.implied,
          r.withdrawn,
          r.denied,
        ]),
        [
          [1, 12, 0, 0, 1],
          [2, 4, 3, 2, 0],
        ],
      );
      assert.equal(res.body.data.pendingReacceptance, 0);
      const v3 = await createEdition(policyDoc, textsFor('stats v3'), { changeKind: 'reconsent' });
      await released(v3);
      res = await http(`/policy-ledger/stats/acceptance?policy=${policyKey}&groupBy=locale`, {
        admin: true,
      });
      // 15 people accepted v1 or v2 before the re-consent edition (the denier never accepted).
      assert.equal(res.body.data.pendingReacceptance, 16);
      assert.deepEqual(
        res.body.data.rows.map((r: { locale: string }) => r.locale),
        ['en', 'kk', 'ru'],
      );
      const bad = await http(
        `/policy-ledger/stats/acceptance?policy=${policyKey}&groupBy=weekday`,
        { admin: true },
      );
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /groupBy/);
    });

    it('browses the ledger with filters, a person lookup and cursor pagination', async () => {
      const one = await http(
        `/policy-ledger/ledger?subject=${encodeURIComponent(' P1@example.com ')}&policy=${policyKey}`,
        { admin: true },
      );
      assert.equal(one.status, 200, JSON.stringify(one.body));
      assert.deepEqual(
        one.body.data.events.map((e: { action: string }) => e.action),
        ['withdrawn', 'implied', 'granted'],
      );
      const all: number[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: any } = await http(
          `/policy-ledger/ledger?policy=${policyKey}&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
          { admin: true },
        );
        assert.equal(page.status, 200);
        assert.ok(page.body.data.events.length <= 5);
        all.push(...page.body.data.events.map((e: { seq: number }) => e.seq));
        cursor = page.body.data.nextCursor;
      } while (cursor);
      assert.equal(all.length, 22);
      assert.deepEqual(
        all,
        [...all].sort((a, b) => b - a),
        'newest first, no overlap',
      );
      assert.equal(new Set(all).size, 22);
      const granted = await http(
        `/policy-ledger/ledger?policy=${policyKey}&action=granted&version=2&form=${formA}`,
        { admin: true },
      );
      assert.equal(granted.body.data.events.length, 4);
      assert.equal((await http('/policy-ledger/ledger?action=maybe', { admin: true })).status, 400);
      assert.equal(
        (await http('/policy-ledger/ledger?subject=nobody', { admin: true })).status,
        400,
      );
    });

    it('exports the filtered ledger as streamed CSV, NDJSON and ISO 27560 JSON', async () => {
      const csv = await http(`/policy-ledger/ledger/export?format=csv&policy=${policyKey}`, {
        admin: true,
      });
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      assert.match(
        csv.headers.get('content-disposition') ?? '',
        /attachment; filename="policy-ledger-.*\.csv"/,
      );
      assert.equal(csv.headers.get('transfer-encoding'), 'chunked', 'streamed, not buffered');
      const lines = (csv.body as string).trim().split('\r\n');
      const header = lines[0].split(',');
      assert.equal(header[0], 'seq');
      assert.equal(lines.length, 23);
      assert.ok(lines.slice(1).every((l) => l.includes(policyKey)));
      // One column per purpose, after the event's own columns; no JSON in a cell.
      assert.deepEqual(
        header.filter((h) => h.startsWith('purpose:')),
        ['purpose:marketing', 'purpose:processing'],
      );
      assert.ok(!header.includes('purposes'));
      const at = (row: string[], name: string) => row[header.indexOf(name)];
      const withdrawn = lines
        .slice(1)
        .map((l) => l.split(','))
        .find((row) => at(row, 'action') === 'withdrawn')!;
      assert.deepEqual(
        [at(withdrawn, 'purpose:marketing'), at(withdrawn, 'purpose:processing')],
        ['false', ''],
      );

      // Named after what it holds and the day; a byte-order mark on request (raw bytes:
      // fetch's text() drops it).
      const { url, adminToken } = testApp();
      const raw = await fetch(
        `${url}/policy-ledger/ledger/export?format=csv&policy=${policyKey}&action=granted&from=2020-01-01&bom=true`,
        { headers: { authorization: `Bearer ${adminToken}` } },
      );
      assert.match(
        raw.headers.get('content-disposition') ?? '',
        new RegExp(
          `filename="policy-ledger-${policyKey}-granted-from-2020-01-01-\\d{4}-\\d{2}-\\d{2}\\.csv"`,
        ),
      );
      const bytes = Buffer.from(await raw.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal(bytes.subarray(3, 6).toString(), 'seq');

      const nd = await http(
        `/policy-ledger/ledger/export?format=ndjson&policy=${policyKey}&action=implied`,
        { admin: true },
      );
      const events = (nd.body as string)
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.equal(events.length, 3);
      assert.ok(events.every((e) => e.action === 'implied' && e.method === 'continued-use'));

      const iso = await http(
        `/policy-ledger/ledger/export?format=iso27560&policy=${policyKey}&subject=q0@example.com`,
        { admin: true },
      );
      assert.equal(iso.status, 200);
      const records = iso.body as Array<Record<string, any>>;
      assert.equal(records.length, 2);
      assert.deepEqual(
        records.map((r) => r.event.type),
        ['given', 'withdrawn'],
      );
      assert.equal(records[0].notice.version, 2);
      assert.match(records[0].notice.content_hash, /^sha256:[0-9a-f]{64}$/);
      assert.equal(
        (await http('/policy-ledger/ledger/export?format=xlsx', { admin: true })).status,
        400,
      );
    });

    it('diffs two editions of a policy per locale', async () => {
      const res = await http(`/policy-ledger/editions/${v2Doc}/diff?against=${v1Doc}&locale=kk`, {
        admin: true,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.data.base.version, 1);
      assert.equal(res.body.data.compare.version, 2);
      assert.deepEqual(
        res.body.data.changes.filter((c: { type: string }) => c.type !== 'unchanged'),
        [
          { type: 'added', value: '' },
          { type: 'added', value: 'A new paragraph.' },
        ],
      );
      assert.deepEqual(res.body.data.stats, { added: 2, removed: 0, changed: 0 });
      const ru = await http(`/policy-ledger/editions/${v2Doc}/diff?against=${v1Doc}&locale=ru`, {
        admin: true,
      });
      // An edited line is one changed line with its words marked, not a removal and an addition.
      const heading = ru.body.data.changes.find(
        (c: { type: string; before?: string }) => c.type === 'changed' && c.before === '# stats v1',
      );
      assert.equal(heading.value, '# stats v2');
      assert.deepEqual(
        heading.segments.filter((x: { type: string }) => x.type !== 'same'),
        [
          { type: 'removed', text: 'v1' },
          { type: 'added', text: 'v2' },
        ],
      );
      assert.equal(
        (
          await http(`/policy-ledger/editions/${v2Doc}/diff?against=${v1Doc}&locale=de`, {
            admin: true,
          })
        ).status,
        404,
      );
    });

    it('refuses every ledger route to a role without read-consents, while it can still release editions', async () => {
      const { strapi } = testApp();
      const role = await strapi
        .service('admin::role')
        .create({ name: `Policy editor ${process.pid}`, description: 'releases editions' });
      await strapi.service('admin::role').assignPermissions(role.id, [
        { action: 'plugin::policy-ledger.read', subject: null, properties: {}, conditions: [] },
        { action: 'plugin::policy-ledger.release', subject: null, properties: {}, conditions: [] },
        // Even with export, verify and erase: without read-consents the ledger stays closed.
        { action: 'plugin::policy-ledger.export', subject: null, properties: {}, conditions: [] },
        { action: 'plugin::policy-ledger.verify', subject: null, properties: {}, conditions: [] },
        { action: 'plugin::policy-ledger.erase', subject: null, properties: {}, conditions: [] },
      ]);
      const email = `editor-${process.pid}@policy-ledger.test`;
      await strapi.service('admin::user').create({
        email,
        firstname: 'Ed',
        lastname: 'Itor',
        password: 'Editor-pass-1',
        isActive: true,
        registrationToken: null,
        roles: [role.id],
      });
      const editor = await adminLogin(testApp().url, email, 'Editor-pass-1');
      const routes: Array<[string, string]> = [
        ['GET', `/policy-ledger/stats/acceptance?policy=${policyKey}`],
        ['GET', '/policy-ledger/ledger'],
        ['GET', '/policy-ledger/ledger/export?format=csv'],
        ['POST', '/policy-ledger/ledger/verify'],
        ['POST', '/policy-ledger/ledger/seal'],
        ['GET', '/policy-ledger/subjects/export?identifier=p1@example.com'],
        ['POST', '/policy-ledger/subjects/erase'],
      ];
      for (const [method, path] of routes) {
        const res = await http(path, {
          method,
          admin: editor,
          ...(method === 'POST' ? { body: { identifier: 'p1@example.com' } } : {}),
        });
        assert.equal(res.status, 403, `${method} ${path}`);
      }
      assert.equal((await http('/policy-ledger/overview', { admin: editor })).status, 200);
      const draft = await createEdition(policyDoc, textsFor('by the editor'));
      const rel = await http(`/policy-ledger/editions/${draft}/release`, {
        admin: editor,
        body: {},
      });
      assert.equal(rel.status, 200, JSON.stringify(rel.body));
      assert.equal(rel.body.data.version, 4);
      // The subject erased by nobody: still there.
      assert.equal(
        (
          await http(`/policy-ledger/ledger?subject=p1@example.com&policy=${policyKey}`, {
            admin: true,
          })
        ).body.data.events.length,
        3,
      );
    });

    it('lists every policy with its edition timeline', async () => {
      const res = await http('/policy-ledger/overview', { admin: true });
      assert.equal(res.status, 200);
      const p = res.body.data.policies.find((x: { key: string }) => x.key === policyKey);
      assert.deepEqual(
        p.editions.map((e: { version: number; state: string }) => [e.version, e.state]),
        [
          [4, 'in-force'],
          [3, 'superseded'],
          [2, 'superseded'],
          [1, 'superseded'],
        ],
      );
      assert.equal(p.currentVersion, 4);
      assert.equal(p.upcomingVersion, null);
    });
  });
}
