import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { auditHash } from '../../server/src/domain/audit';
import { auditContentOf } from '../../server/src/db/audit-row';
import { createEdition, policyWithForm, release, textsFor } from '../helpers/fixtures';
import { http } from '../helpers/http';
import { ADMIN, testApp } from '../helpers/strapi';

const AUDIT = 'policy_ledger_audit';
const CHECKPOINTS = 'policy_ledger_checkpoints';
const CM = '/content-manager/collection-types';

interface Entry {
  seq: number;
  action: string;
  target: string | null;
  actor: { type: string; id: string | null; name: string | null };
  details: Record<string, unknown>;
  sealed: boolean;
}

/** Admin → Audit: who released, cancelled, exported, erased, verified, sealed, changed a form. */
export function auditSpec() {
  describe('the audit trail (admin)', () => {
    let key: string;
    let formDoc: string;
    let policyDoc: string;
    const email = `audited-${process.pid}@example.kz`;
    const knex = () => testApp().strapi.db.connection;
    const trail = async (query = '') => {
      const res = await http(`/policy-ledger/audit${query}`, { admin: true });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data as { entries: Entry[]; nextCursor: string | null; timeZone: string };
    };
    const latest = async (action: string) => (await trail(`?action=${action}`)).entries[0];
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
      const made = await policyWithForm('audit', 'audit v1');
      key = made.key;
      formDoc = made.form.documentId;
      policyDoc = made.policy.documentId;
      const sent = await http(`/api/policy-ledger/forms/${made.formKey}/submissions`, {
        body: {
          locale: 'ru',
          data: { name: 'Audited', email },
          purposes: { processing: true, marketing: true },
          accepted: [{ policy: key, version: 1 }],
        },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
    });

    it('records a release and a cancellation with the admin who did them', async () => {
      const released = await latest('edition.released');
      assert.equal(released.target, `${key} v1`);
      assert.deepEqual(
        { type: released.actor.type, name: released.actor.name },
        { type: 'admin', name: ADMIN.email },
      );
      assert.ok(released.details.effectiveAt);

      const draft = await createEdition(policyDoc, textsFor('audit v2'));
      testApp().clock.advance(60_000);
      const v2 = await http(`/policy-ledger/editions/${draft}/release`, {
        admin: true,
        body: { effectiveAt: new Date(testApp().clock.now().getTime() + 30 * 86400e3) },
      });
      assert.equal(v2.status, 200, JSON.stringify(v2.body));
      const cancelled = await http(`/policy-ledger/editions/${draft}/cancel`, {
        admin: true,
        body: {},
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      const entry = await latest('edition.cancelled');
      assert.equal(entry.target, `${key} v2`);
      assert.equal(entry.details.documentId, draft);
      // A refused release records nothing.
      const before = (await trail()).entries[0].seq;
      assert.equal((await release(draft)).status, 409);
      assert.equal((await trail()).entries[0].seq, before);
    });

    it('records a form change with its new revision, and exports with their filters', async () => {
      const changed = await http(`${CM}/plugin::policy-ledger.collection-form/${formDoc}`, {
        method: 'PUT',
        admin: true,
        body: { name: 'Renamed form' },
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      const entry = await latest('form.changed');
      assert.equal(entry.details.revision, 2);
      assert.equal(entry.actor.name, ADMIN.email);

      const exported = await http(
        `/policy-ledger/ledger/export?format=csv&policy=${key}&subject=${encodeURIComponent(email)}`,
        { admin: true },
      );
      assert.equal(exported.status, 200);
      const e = await latest('ledger.exported');
      assert.equal(e.target, key);
      const filters = e.details.filters as Record<string, string>;
      assert.equal(filters.policy, key);
      assert.match(filters.subject, /^[0-9a-f]{64}$/, 'the person by pseudonym');
    });

    it('records an access export and an erasure by pseudonym; the trail never holds the e-mail', async () => {
      const exp = await http(
        `/policy-ledger/subjects/export?identifier=${encodeURIComponent(email)}&format=html`,
        { admin: true },
      );
      assert.equal(exp.status, 200);
      const exported = await latest('subject.exported');
      assert.equal(exported.details.format, 'html');
      const erased = await http('/policy-ledger/subjects/erase', {
        admin: true,
        body: { identifier: email },
      });
      assert.equal(erased.status, 200);
      const entry = await latest('subject.erased');
      assert.equal(entry.target, exported.target);
      assert.equal(entry.details.submissions, 1);
      const all = JSON.stringify(await knex()(AUDIT).select('*'));
      assert.ok(!all.toLowerCase().includes(email.toLowerCase()), 'no e-mail in the trail');
    });

    it('seals its entries into the checkpoints, verifies, and names a tampered entry', async () => {
      const sealedBefore = (await trail()).entries[0];
      await seal();
      const v = await verify();
      assert.equal(v.ok, true, JSON.stringify(v.firstMismatch));
      assert.ok(v.auditEntries >= 8, `${v.auditEntries} audit entries`);
      const verified = await latest('ledger.verified');
      assert.equal(verified.details.ok, true);
      assert.equal(
        (await trail()).entries.find((x) => x.seq === sealedBefore.seq)?.sealed,
        true,
        'sealed',
      );
      const cp = await knex()(CHECKPOINTS).orderBy('id', 'desc').first();
      assert.ok(Number(cp.audit_count) > 0);

      const row = await knex()(AUDIT).where({ seq: sealedBefore.seq }).first();
      // An edited entry: named by its seq.
      await knex()(AUDIT).where({ seq: row.seq }).update({ actor_name: 'someone-else@example.kz' });
      let r = await verify();
      assert.equal(r.ok, false);
      assert.deepEqual(
        { kind: r.firstMismatch.kind, auditSeq: r.firstMismatch.auditSeq },
        { kind: 'audit', auditSeq: Number(row.seq) },
      );
      // Re-hashed by a careful forger: only the checkpoint can tell.
      const forged = { ...row, actor_name: 'someone-else@example.kz' };
      await knex()(AUDIT)
        .where({ seq: row.seq })
        .update({ hash: auditHash(auditContentOf(forged)) });
      r = await verify();
      assert.equal(r.ok, false);
      assert.equal(r.firstMismatch.kind, 'audit');
      assert.equal(r.firstMismatch.checkpoint, cp.id);
      assert.match(r.firstMismatch.reason, /audit entr/);
      await knex()(AUDIT).where({ seq: row.seq }).update(row);
      assert.equal((await verify()).ok, true);

      // A deleted entry.
      await knex()(AUDIT).where({ seq: row.seq }).del();
      r = await verify();
      assert.equal(r.ok, false);
      assert.equal(r.firstMismatch.kind, 'audit');
      await knex()(AUDIT).insert(row);
      assert.equal((await verify()).ok, true);
    });

    it('seals entries even when no consent was recorded since (a checkpoint of audit entries only)', async () => {
      await seal();
      const before = await knex()(CHECKPOINTS).orderBy('id', 'desc').first();
      const res = await http('/policy-ledger/ledger/seal', { admin: true, body: {} });
      assert.equal(res.status, 200);
      assert.ok((await latest('ledger.sealed')).actor.name);
      const cp = await seal();
      assert.ok(cp, 'a checkpoint for the audit entries alone');
      assert.equal(Number(cp.event_count), 0);
      assert.equal(Number(cp.seq_from), Number(before.seq_to) + 1);
      assert.ok(Number(cp.audit_count) >= 1);
      // The next consent still seals from where the events ended.
      const v = await verify();
      assert.equal(v.ok, true, JSON.stringify(v.firstMismatch));
    });

    it('pages newest first, filters by action and day, refuses bad filters, exports CSV', async () => {
      const first = await trail('?limit=2');
      assert.equal(first.entries.length, 2);
      assert.ok(first.entries[0].seq > first.entries[1].seq);
      const next = await trail(`?limit=2&cursor=${first.nextCursor}`);
      assert.ok(next.entries[0].seq < first.entries[1].seq);
      assert.equal(
        first.timeZone,
        (testApp().strapi.config.get('plugin::policy-ledger') as { timeZone: string }).timeZone,
      );

      const bad = await http('/policy-ledger/audit?action=edition.deleted', { admin: true });
      assert.equal(bad.status, 400);
      assert.match(JSON.stringify(bad.body.error), /action/);
      const badDay = await http('/policy-ledger/audit?from=yesterday', { admin: true });
      assert.equal(badDay.status, 400);
      assert.match(JSON.stringify(badDay.body.error), /from/);
      const future = await trail('?from=2999-01-01');
      assert.equal(future.entries.length, 0);

      const { url, adminToken } = testApp();
      const csv = await fetch(
        `${url}/policy-ledger/audit/export?bom=true&action=edition.released`,
        {
          headers: { authorization: `Bearer ${adminToken}` },
        },
      );
      assert.equal(csv.status, 200);
      assert.match(
        csv.headers.get('content-disposition') ?? '',
        /policy-ledger-audit-edition\.released-\d{4}-\d{2}-\d{2}\.csv/,
      );
      const bytes = new Uint8Array(await csv.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
      assert.equal(
        lines[0],
        'seq,id,occurredAt,actorType,actorId,actor,action,target,details,hash,sealed',
      );
      assert.ok(lines.slice(1).every((l) => l.split(',')[6] === 'edition.released'));
      assert.ok(lines.some((l) => l.includes(`${key} v1`)));
      assert.equal((await latest('audit.exported')).actor.name, ADMIN.email);
    });
  });
}
