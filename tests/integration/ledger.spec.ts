import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { http } from '../helpers/http';
import { ROOT, testApp } from '../helpers/strapi';
import { eventHash } from '../../server/src/domain/canonical';
import { contentOfRow } from '../../server/src/db/event-row';
import type { LedgerWrite } from '../../server/src/db/write';
import {
  DAY,
  createEdition,
  createForm,
  createPolicy,
  released,
  textsFor,
  uniqueKey,
  FORM,
} from '../helpers/fixtures';

const T0 = new Date('2028-02-01T10:00:00.000Z');
const T = {
  submissions: 'policy_ledger_submissions',
  events: 'policy_ledger_events',
  evidence: 'policy_ledger_evidence',
  checkpoints: 'policy_ledger_checkpoints',
};
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * Wraps the ledger's write service (services/ledger-store.ts) so that `spoil`
 * sees, and may corrupt, every write just before it is stored; returns the
 * function that puts the service back. Production code has no such switch.
 */
function spoilWrites(spoil: (w: LedgerWrite) => void): () => void {
  const store = testApp().strapi.plugin('policy-ledger').service('ledger-store') as {
    write(w: LedgerWrite): Promise<void>;
  };
  const original = store.write;
  store.write = (w) => {
    spoil(w);
    return original(w);
  };
  return () => {
    store.write = original;
  };
}

export function ledgerSpec() {
  describe('forms, submissions and the consent ledger', () => {
    let policyKey: string;
    let policyDoc: string;
    let formKey: string;
    let form: { documentId: string; revision: number; definitionHash: string };
    let token: string;
    let version = 1; // the edition in force, as the tests move it
    const knex = () => testApp().strapi.db.connection;
    const count = async (table: string) =>
      Number(((await knex()(table).count({ c: '*' }).first()) as { c: number | string }).c);
    const counts = async () => Promise.all(Object.values(T).map(count));
    const valid = (over: Record<string, unknown> = {}) => ({
      locale: 'ru',
      data: { name: 'Ana', email: 'ana@example.com', topic: 'books' },
      purposes: { processing: true, marketing: true },
      accepted: [{ policy: policyKey, version }],
      ...over,
    });
    const submit = (body: unknown, headers: Record<string, string> = {}, key = formKey) =>
      http(`/api/policy-ledger/forms/${key}/submissions`, {
        body,
        headers: { 'user-agent': 'ledger-test/1.0', ...headers },
      });
    const withToken = (p: string, body?: unknown) =>
      http(p, { body, headers: { authorization: `Bearer ${token}` } });
    const verify = async () => {
      const res = await http('/policy-ledger/ledger/verify', { admin: true, body: {} });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data;
    };
    const seal = async () => {
      testApp().clock.advance(60_000); // past the sealing lag
      return testApp().strapi.plugin('policy-ledger').service('integrity').seal();
    };

    before(async () => {
      testApp().clock.set(T0);
      policyKey = uniqueKey('ledger');
      const policy = await createPolicy(policyKey, {
        effectDelayDays: 0,
        operatorEmail: 'privacy@example.test',
      });
      policyDoc = policy.documentId;
      await released(await createEdition(policy.documentId, textsFor('ledger v1')));
      await http(`/content-manager/collection-types/plugin::policy-ledger.policy/${policyDoc}`, {
        method: 'PUT',
        admin: true,
        body: { effectDelayDays: null },
      });
      formKey = uniqueKey('form');
      form = await createForm(formKey, [policy.documentId], { retentionDays: 30 });
      const created = await testApp()
        .strapi.service('admin::api-token')
        .create({
          name: `ledger-${process.pid}`,
          type: 'full-access',
          lifespan: null,
          description: '',
        });
      token = created.accessKey;
    });
    after(() => testApp().clock.reset());

    it('publishes the form definition with the editions the person accepts', async () => {
      const stored = await testApp()
        .strapi.db.query(FORM)
        .findOne({ where: { documentId: form.documentId } });
      assert.equal(form.revision, 1, 'the create response carries the revision');
      assert.equal(form.definitionHash, stored.definitionHash);
      const res = await http(`/api/policy-ledger/forms/${formKey}?locale=kk`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const d = res.body.data;
      assert.equal(d.revision, 1);
      assert.equal(d.hash, form.definitionHash);
      assert.equal(d.title, 'Өтінім');
      assert.equal(d.fields[0].label, 'Аты');
      assert.deepEqual(
        d.purposes.map((p: { key: string; required: boolean }) => [p.key, p.required]),
        [
          ['processing', true],
          ['marketing', false],
        ],
      );
      assert.equal(d.policies[0].policy, policyKey);
      assert.equal(d.policies[0].current.version, 1);
      assert.equal(d.policies[0].current.contentHash, sha(textsFor('ledger v1').kk.body));
      assert.equal((await http('/api/policy-ledger/forms/no-such-form')).status, 404);
    });

    it('bumps the revision on every change and refuses a malformed definition', async () => {
      const url = `/content-manager/collection-types/${FORM}/${form.documentId}`;
      const bad = await http(url, {
        method: 'PUT',
        admin: true,
        body: { fields: [{ name: 'x', type: 'telepathy', category: 'other' }] },
      });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /fields\[0\]\.type/);
      const ok = await http(url, { method: 'PUT', admin: true, body: { retentionDays: 31 } });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const back = await http(url, { method: 'PUT', admin: true, body: { retentionDays: 30 } });
      assert.equal(back.status, 200);
      const row = await testApp()
        .strapi.db.query(FORM)
        .findOne({ where: { documentId: form.documentId } });
      assert.equal(row.revision, 3);
      form = row;
    });

    it('stores a valid submission with one event per bound policy and a matching receipt', async () => {
      const before = await counts();
      const res = await submit(valid({ pageUrl: 'https://shop.example/contact' }), {
        'x-forwarded-for': '203.0.113.77',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const { submissionId, receipt } = res.body.data;
      const after = await counts();
      assert.deepEqual(after.slice(0, 3), [before[0] + 1, before[1] + 1, before[2] + 1]);

      const sub = await knex()(T.submissions).where({ public_id: submissionId }).first();
      assert.deepEqual(JSON.parse(sub.data), {
        name: 'Ana',
        email: 'ana@example.com',
        topic: 'books',
      });
      assert.equal(Number(sub.form_revision), 3);
      const events = await knex()(T.events).where({ submission_id: submissionId });
      assert.equal(events.length, 1);
      const e = events[0];
      assert.equal(e.action, 'granted');
      assert.equal(Number(e.policy_version), 1);
      assert.equal(e.locale, 'ru');
      assert.equal(e.content_hash, sha(textsFor('ledger v1').ru.body));
      assert.equal(Number(e.form_revision), 3);
      assert.equal(e.form_hash, form.definitionHash);
      assert.equal(e.method, 'form');
      assert.deepEqual(JSON.parse(e.purposes), { marketing: true, processing: true });

      assert.equal(receipt.submission, submissionId);
      assert.deepEqual(receipt.events, [
        {
          id: e.event_id,
          action: 'granted',
          policy: policyKey,
          version: 1,
          locale: 'ru',
          contentHash: e.content_hash,
          hash: e.hash,
          // The event as stored, so that the receipt can be checked offline.
          content: contentOfRow(e),
          proof: {
            url: `/api/policy-ledger/receipts/${e.event_id}/proof`,
            availableAfter: new Date(T0.getTime() + 90_000).toISOString(),
          },
        },
      ]);
      assert.deepEqual(receipt.form, { key: formKey, revision: 3, hash: form.definitionHash });
      assert.equal(receipt.withdraw.contact, 'privacy@example.test');
      assert.equal(receipt.receivedAt, T0.toISOString());
    });

    it('refuses bad input with a clear 4xx and changes nothing', async () => {
      await http(`/content-manager/collection-types/${FORM}`, {
        admin: true,
        body: {
          name: 'Closed',
          key: `${formKey}-closed`,
          active: false,
          fields: [],
          purposes: [],
          policies: { connect: [{ documentId: policyDoc }] },
        },
      });
      const before = await counts();
      const cases: Array<[string, Promise<{ status: number; body: any }>, number, RegExp]> = [
        ['unknown form', submit(valid(), {}, 'no-such-form'), 404, /no-such-form/],
        ['inactive form', submit(valid(), {}, `${formKey}-closed`), 400, /not accepting/],
        [
          'missing required field',
          submit(valid({ data: { email: 'ana@example.com' } })),
          400,
          /data\.name is required/,
        ],
        [
          'unknown field',
          submit(valid({ data: { name: 'A', email: 'a@example.com', shoeSize: '42' } })),
          400,
          /data\.shoeSize is not a field/,
        ],
        [
          'bad e-mail',
          submit(valid({ data: { name: 'A', email: 'not-an-email' } })),
          400,
          /data\.email/,
        ],
        [
          'bad phone',
          submit(valid({ data: { name: 'A', email: 'a@example.com', phone: '8 701 123' } })),
          400,
          /data\.phone/,
        ],
        [
          'bad date',
          submit(valid({ data: { name: 'A', email: 'a@example.com', birthDate: '2001-02-30' } })),
          400,
          /data\.birthDate/,
        ],
        [
          'bad option',
          submit(valid({ data: { name: 'A', email: 'a@example.com', topic: 'weather' } })),
          400,
          /data\.topic/,
        ],
        [
          'over-long value',
          submit(valid({ data: { name: 'x'.repeat(51), email: 'a@example.com' } })),
          400,
          /data\.name must be at most 50/,
        ],
        [
          'oversized body',
          submit(valid({ data: { name: 'A', email: 'a@example.com', topic: 'y'.repeat(70_000) } })),
          413,
          /limit/,
        ],
        [
          'required purpose not granted',
          submit(valid({ purposes: { processing: false, marketing: true } })),
          400,
          /purposes\.processing is required/,
        ],
        [
          'unknown purpose',
          submit(valid({ purposes: { processing: true, telemetry: true } })),
          400,
          /purposes\.telemetry/,
        ],
        ['missing locale', submit(valid({ locale: undefined })), 400, /locale/],
        ['no accepted editions', submit(valid({ accepted: [] })), 400, /accepted must include/],
        [
          'stale version',
          submit(valid({ accepted: [{ policy: policyKey, version: 7 }] })),
          409,
          /neither the current nor the upcoming/,
        ],
      ];
      for (const [name, pending, status, message] of cases) {
        const res = await pending;
        assert.equal(res.status, status, `${name}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.data, null, name);
        assert.match(res.body.error.message, message, name);
      }
      const stale = await submit(valid({ accepted: [{ policy: policyKey, version: 7 }] }));
      assert.equal(stale.body.error.details.currentVersion, 1);
      assert.deepEqual(await counts(), before);
    });

    it('leaves neither a submission nor events behind when the database fails between them', async () => {
      const before = await counts();
      // A real failure in the database after the submission and its events are
      // written: the evidence row reuses an event id that already has evidence
      // (a unique index), so the database refuses it mid-write.
      const taken = (await knex()(T.evidence).first()) as { event_id: string } | undefined;
      assert.ok(taken, 'an earlier test left evidence');
      const restore = spoilWrites((w) => {
        w.evidence[0].event_id = taken.event_id;
      });
      try {
        const res = await submit(valid());
        assert.equal(res.status, 500);
      } finally {
        restore();
      }
      assert.deepEqual(await counts(), before);
    });

    it('stores concurrent submissions together, and fails only the one the database refuses', async () => {
      const taken = (await knex()(T.evidence).first()) as { event_id: string };
      const before = await counts();
      const sub = (i: number) =>
        valid({ data: { name: 'Crowd', email: `crowd${i}-${process.pid}@example.com` } });
      // The 6th write's evidence reuses an event id that has evidence already.
      const restore = spoilWrites((w) => {
        if (String(w.submission?.data ?? '').includes('crowd5-'))
          w.evidence[0].event_id = taken.event_id;
      });
      let results;
      try {
        results = await Promise.all(Array.from({ length: 24 }, (_, i) => submit(sub(i))));
      } finally {
        restore();
      }
      assert.deepEqual(
        results.map((r) => r.status),
        Array.from({ length: 24 }, (_, i) => (i === 5 ? 500 : 201)),
      );
      const after = await counts();
      const grew = after.map((n, i) => n - before[i]);
      const t = Object.keys(T);
      // 23 submissions, each with one event and its evidence; nothing of the refused one.
      assert.equal(grew[t.indexOf('submissions')], 23);
      assert.equal(grew[t.indexOf('events')], 23);
      assert.equal(grew[t.indexOf('evidence')], 23);
      const receipts = await knex()(T.events).whereIn(
        'submission_id',
        results.filter((r) => r.status === 201).map((r) => r.body.data.submissionId),
      );
      assert.equal(receipts.length, 23);
      assert.equal((await verify()).ok, true);
    });

    it('treats " Ana@Example.COM " and "ana@example.com" as one subject and never stores the e-mail in the ledger', async () => {
      const a = await submit(valid({ data: { name: 'Ana', email: ' Ana@Example.COM ' } }));
      // Only the operator's server names a subject.
      const b = await submit(valid({ subject: 'ana@example.com' }), {
        authorization: `Bearer ${token}`,
      });
      assert.equal(a.status, 201);
      assert.equal(b.status, 201);
      const subjects = await knex()(T.events)
        .distinct('subject')
        .whereIn('submission_id', [a.body.data.submissionId, b.body.data.submissionId]);
      assert.equal(subjects.length, 1);
      assert.match(subjects[0].subject, /^[0-9a-f]{64}$/);
      for (const table of [T.events, T.evidence, T.checkpoints]) {
        const rows = await knex()(table).select('*');
        assert.doesNotMatch(JSON.stringify(rows).toLowerCase(), /ana@example\.com/, table);
      }
      const ev = await knex()(T.evidence)
        .where({
          event_id: (
            await knex()(T.events).where({ submission_id: a.body.data.submissionId }).first()
          ).event_id,
        })
        .first();
      assert.equal(ev.user_agent, 'ledger-test/1.0');
    });

    it('keeps a long user agent and page URL (trimmed to 512 and 2,048 characters) and a long Idempotency-Key', async () => {
      const pageUrl = `https://shop.example/contact?utm_campaign=${'x'.repeat(2100)}`;
      const res = await submit(valid({ pageUrl: pageUrl.slice(0, 2048) }), {
        'user-agent': `Mozilla/5.0 ${'y'.repeat(700)}`,
        'idempotency-key': 'k'.repeat(200),
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const ev = await knex()(T.evidence)
        .where({ event_id: res.body.data.receipt.events[0].id })
        .first();
      assert.equal(ev.user_agent.length, 512);
      assert.equal(ev.page_url, pageUrl.slice(0, 2048));
      const again = await submit(valid({ pageUrl: pageUrl.slice(0, 2048) }), {
        'idempotency-key': 'k'.repeat(200),
      });
      assert.deepEqual(again.body.data, res.body.data);
    });

    it('replays an Idempotency-Key and refuses it with another body', async () => {
      const key = `idem-${process.pid}`;
      const first = await submit(valid(), { 'idempotency-key': key });
      const before = await counts();
      const again = await submit(valid(), { 'idempotency-key': key });
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.deepEqual(again.body.data, first.body.data);
      assert.deepEqual(await counts(), before);
      const other = await submit(valid({ purposes: { processing: true, marketing: false } }), {
        'idempotency-key': key,
      });
      assert.equal(other.status, 422);
      assert.deepEqual(await counts(), before);
    });

    it('keeps consents, withdrawal and status behind a token, and shows a withdrawn purpose inactive', async () => {
      for (const [p, body] of [
        ['/api/policy-ledger/consents', {}],
        ['/api/policy-ledger/consents/withdraw', {}],
      ] as const) {
        assert.equal((await http(p, { body })).status, 403, p);
      }
      assert.equal(
        (
          await http(
            `/api/policy-ledger/subjects/status?subject=ana@example.com&policy=${policyKey}`,
          )
        ).status,
        403,
      );

      let st = await withToken(
        `/api/policy-ledger/subjects/status?subject=${encodeURIComponent('ana@example.com')}&policy=${policyKey}`,
      );
      assert.equal(st.status, 200, JSON.stringify(st.body));
      assert.deepEqual(st.body.data, {
        policy: policyKey,
        acceptedVersion: 1,
        currentVersion: 1,
        needsAcceptance: false,
        reason: null,
        purposes: { marketing: true, processing: true },
        expiredPurposes: [],
      });

      const w = await withToken('/api/policy-ledger/consents/withdraw', {
        subject: 'ANA@example.com',
        policy: policyKey,
        purposes: ['marketing'],
      });
      assert.equal(w.status, 201, JSON.stringify(w.body));
      assert.equal(w.body.data.events.length, 1);
      assert.deepEqual(w.body.data.events[0].purposes, { marketing: false });
      st = await withToken(
        `/api/policy-ledger/subjects/status?subject=ana@example.com&policy=${policyKey}`,
      );
      assert.deepEqual(st.body.data.purposes, { processing: true });
      assert.equal(
        (await withToken('/api/policy-ledger/consents/withdraw', { subject: 'nobody' })).status,
        400,
      );
      assert.equal(
        (await withToken(`/api/policy-ledger/subjects/status?subject=ana@example.com`)).status,
        400,
      );
    });

    it('asks for re-acceptance of a reconsent edition until it is accepted', async () => {
      await http(`/content-manager/collection-types/plugin::policy-ledger.policy/${policyDoc}`, {
        method: 'PUT',
        admin: true,
        body: { effectDelayDays: 0 },
      });
      await released(
        await createEdition(policyDoc, textsFor('ledger v2'), { changeKind: 'reconsent' }),
      );
      const status = () =>
        withToken(`/api/policy-ledger/subjects/status?subject=ana@example.com&policy=${policyKey}`);
      let st = await status();
      assert.equal(st.body.data.currentVersion, 2);
      assert.equal(st.body.data.needsAcceptance, true);
      assert.equal(st.body.data.reason, 'reconsent-required');
      const stale = await withToken('/api/policy-ledger/consents', {
        subject: 'ana@example.com',
        policy: policyKey,
        version: 1,
        locale: 'kk',
        purposes: { processing: true },
        action: 'granted',
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.details.currentVersion, 2);
      const ok = await withToken('/api/policy-ledger/consents', {
        subject: 'ana@example.com',
        policy: policyKey,
        version: 2,
        locale: 'kk',
        purposes: { processing: true },
        action: 'granted',
      });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal(ok.body.data.event.contentHash, sha(textsFor('ledger v2').kk.body));
      version = 2;
      st = await status();
      assert.equal(st.body.data.acceptedVersion, 2);
      assert.equal(st.body.data.needsAcceptance, false);
    });

    it('records exactly one implied acceptance of a material edition, after it takes effect', async () => {
      await http(`/content-manager/collection-types/plugin::policy-ledger.policy/${policyDoc}`, {
        method: 'PUT',
        admin: true,
        body: { effectDelayDays: 7 },
      });
      const v3 = await released(
        await createEdition(policyDoc, textsFor('ledger v3'), { changeKind: 'material' }),
      );
      const status = () =>
        withToken(`/api/policy-ledger/subjects/status?subject=ana@example.com&policy=${policyKey}`);
      const implied = async () =>
        Number(
          (
            (await knex()(T.events)
              .where({ policy_key: policyKey, action: 'implied' })
              .count({ c: '*' })
              .first()) as { c: number }
          ).c,
        );
      await status();
      assert.equal(await implied(), 0, 'not before it takes effect');
      testApp().clock.set(new Date(new Date(v3.effectiveAt).getTime() + DAY));
      version = 3;
      const st = await status();
      assert.equal(st.body.data.acceptedVersion, 3);
      assert.equal(st.body.data.needsAcceptance, false);
      await Promise.all([status(), status(), status()]);
      assert.equal(await implied(), 1);
      const ev = await knex()(T.events).where({ policy_key: policyKey, action: 'implied' }).first();
      assert.equal(ev.method, 'continued-use');
      assert.equal(Number(ev.policy_version), 3);
      assert.equal(ev.content_hash, sha(textsFor('ledger v3').kk.body));
    });

    it('seals checkpoints once even when two runs start together', async () => {
      testApp().clock.advance(60_000);
      const integrity = testApp().strapi.plugin('policy-ledger').service('integrity');
      const before = await count(T.checkpoints);
      const runs = await Promise.all([integrity.runSealJob(), integrity.runSealJob()]);
      assert.equal(runs.filter(Boolean).length, 1);
      assert.equal(await count(T.checkpoints), before + 1);
      assert.equal((await submit(valid())).status, 201);
      testApp().clock.advance(120_000);
      const direct = await Promise.all([integrity.seal(), integrity.seal()]);
      assert.equal(direct.filter(Boolean).length, 1);
      assert.equal(await count(T.checkpoints), before + 2);
      const v = await verify();
      assert.equal(v.ok, true, JSON.stringify(v.firstMismatch));
      assert.equal(v.checkpoints, before + 2);
    });

    it('detects and names tampering', async () => {
      assert.equal((await submit(valid())).status, 201);
      // A gap in seq, as a rolled-back insert leaves one: the forged event goes there later.
      const template = await knex()(T.events).orderBy('seq', 'desc').first();
      const { seq: _ignored, ...gapRow } = template;
      await knex()(T.events).insert({
        ...gapRow,
        event_id: `gap-${process.pid}`,
        implied_key: null,
      });
      const gap = await knex()(T.events)
        .where({ event_id: `gap-${process.pid}` })
        .first();
      await knex()(T.events).where({ seq: gap.seq }).del();
      assert.equal((await submit(valid())).status, 201);
      await seal();
      assert.equal((await verify()).ok, true);
      const sealed = await knex()(T.events).orderBy('seq', 'asc');
      const [a, b] = sealed.slice(-2);
      const cp = await knex()(T.checkpoints).orderBy('seq_to', 'desc').first();

      // An edited event: named by its seq.
      await knex()(T.events)
        .where({ seq: a.seq })
        .update({ purposes: '{"marketing":true,"processing":true,"resale":true}' });
      let v = await verify();
      assert.equal(v.ok, false);
      assert.equal(v.firstMismatch.kind, 'event');
      assert.equal(v.firstMismatch.seq, Number(a.seq));
      await knex()(T.events).where({ seq: a.seq }).update({ purposes: a.purposes });
      assert.equal((await verify()).ok, true);

      // A deleted event: its checkpoint no longer matches.
      await knex()(T.events).where({ seq: b.seq }).del();
      v = await verify();
      assert.equal(v.ok, false);
      assert.equal(v.firstMismatch.kind, 'checkpoint');
      assert.equal(v.firstMismatch.checkpoint, cp.id);
      await knex()(T.events).insert(b);
      assert.equal((await verify()).ok, true);

      // Two swapped events: each matches its own hash, the order does not.
      const { seq: sa, ...restA } = a;
      const { seq: sb, ...restB } = b;
      await knex()(T.events)
        .where({ seq: sa })
        .update({ ...restB, event_id: 'swap-tmp', implied_key: null });
      await knex()(T.events)
        .where({ seq: sb })
        .update({ ...restA, implied_key: null });
      await knex()(T.events).where({ seq: sa }).update({ event_id: restB.event_id });
      v = await verify();
      assert.equal(v.ok, false);
      assert.equal(v.firstMismatch.kind, 'checkpoint');
      await knex()(T.events)
        .where({ seq: sa })
        .update({ ...restA, event_id: 'swap-tmp' });
      await knex()(T.events).where({ seq: sb }).update(restB);
      await knex()(T.events).where({ seq: sa }).update({ event_id: restA.event_id });
      assert.equal((await verify()).ok, true);

      // An event inserted into a sealed range (into the gap).
      assert.ok(Number(gap.seq) > Number(cp.seq_from) && Number(gap.seq) < Number(cp.seq_to));
      // A careful forger gives the event a valid hash of its own: only the checkpoint can tell.
      const forgedRow = {
        ...restA,
        seq: gap.seq,
        event_id: `forged-${process.pid}`,
        implied_key: null,
      };
      forgedRow.hash = eventHash(contentOfRow(forgedRow));
      await knex()(T.events).insert(forgedRow);
      v = await verify();
      assert.equal(v.ok, false);
      assert.equal(v.firstMismatch.kind, 'checkpoint');
      assert.equal(v.firstMismatch.checkpoint, cp.id);
      await knex()(T.events)
        .where({ event_id: `forged-${process.pid}` })
        .del();
      assert.equal((await verify()).ok, true);

      // An edited checkpoint.
      await knex()(T.checkpoints)
        .where({ id: cp.id })
        .update({ root: sha('forged root') });
      v = await verify();
      assert.equal(v.ok, false);
      assert.equal(v.firstMismatch.kind, 'checkpoint');
      assert.equal(v.firstMismatch.checkpoint, cp.id);
      await knex()(T.checkpoints).where({ id: cp.id }).update({ root: cp.root });
      assert.equal((await verify()).ok, true);
    });

    it('purges evidence and expired submissions, erases a person, and still verifies', async () => {
      const retention = testApp().strapi.plugin('policy-ledger').service('retention');
      const bob = await submit(valid({ data: { name: 'Bob', email: 'bob@example.com' } }));
      assert.equal(bob.status, 201);
      testApp().clock.advance(31 * DAY);
      const fresh = await submit(valid({ data: { name: 'Cem', email: 'cem@example.com' } }));
      // The job as cron runs it: claimed once per day across instances.
      const runs = await Promise.all([retention.runRetentionJob(), retention.runRetentionJob()]);
      const purged = runs.find(Boolean);
      assert.equal(runs.filter(Boolean).length, 1);
      assert.ok(purged.evidence > 0 && purged.submissions > 0, JSON.stringify(purged));
      const old = await knex()(T.submissions)
        .where({ public_id: bob.body.data.submissionId })
        .first();
      assert.equal(old.data, null);
      assert.equal(old.erase_reason, 'retention');
      const kept = await knex()(T.submissions)
        .where({ public_id: fresh.body.data.submissionId })
        .first();
      assert.notEqual(kept.data, null);
      assert.equal(
        Number(((await knex()(T.evidence).count({ c: '*' }).first()) as { c: number }).c),
        1,
      );
      assert.equal((await verify()).ok, true);

      const exported = await http(
        `/policy-ledger/subjects/export?identifier=${encodeURIComponent('cem@example.com')}`,
        { admin: true },
      );
      assert.equal(exported.status, 200);
      assert.equal(exported.body.data.submissions[0].data.name, 'Cem');
      assert.ok(exported.body.data.events.length >= 1);
      assert.equal(exported.body.data.texts[0].policy, policyKey);

      const erased = await http('/policy-ledger/subjects/erase', {
        admin: true,
        body: { identifier: 'CEM@example.com' },
      });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      assert.equal(erased.body.data.submissions, 1);
      const gone = await knex()(T.submissions)
        .where({ public_id: fresh.body.data.submissionId })
        .first();
      assert.equal(gone.data, null);
      assert.equal(gone.erase_reason, 'erasure');
      assert.doesNotMatch(
        JSON.stringify(await knex()(T.submissions).select('*')),
        /Cem|cem@example/,
      );
      assert.equal(
        (
          await http('/policy-ledger/subjects/erase', {
            admin: true,
            body: { identifier: 'nonsense' },
          })
        ).status,
        400,
      );
      await seal();
      assert.equal((await verify()).ok, true);
    });

    it('`npm run ledger:verify` exits 0 on a clean ledger and non-zero on a tampered one', async () => {
      // Asynchronously: this process is also the server, and must keep answering.
      const run = () =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>(
          (resolve, reject) => {
            const child = spawn('npm', ['run', '--silent', 'ledger:verify'], {
              cwd: ROOT,
              env: process.env,
            });
            let stdout = '';
            let stderr = '';
            child.stdout.on('data', (d) => (stdout += d));
            child.stderr.on('data', (d) => (stderr += d));
            child.on('error', reject);
            child.on('close', (status) => resolve({ status, stdout, stderr }));
          },
        );
      const clean = await run();
      assert.equal(clean.status, 0, clean.stdout + clean.stderr);
      assert.match(clean.stdout, /ledger OK/);
      const e = await knex()(T.events).orderBy('seq', 'asc').first();
      await knex()(T.events).where({ seq: e.seq }).update({ action: 'denied' });
      try {
        const bad = await run();
        assert.equal(bad.status, 1, bad.stdout + bad.stderr);
        assert.match(bad.stdout, new RegExp(`LEDGER MISMATCH: event ${e.event_id}`));
      } finally {
        await knex()(T.events).where({ seq: e.seq }).update({ action: e.action });
      }
    });
  });
}
