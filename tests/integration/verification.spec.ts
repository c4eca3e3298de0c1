import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { policyWithForm } from '../helpers/fixtures';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';

const EVENTS = 'policy_ledger_events';
const RECORDS = 'policy_ledger_verifications';

/** Incremental verification from the last verified checkpoint; full on demand and every night. */
export function verificationSpec() {
  describe('incremental and full verification', () => {
    let formKey: string;
    let key: string;
    const knex = () => testApp().strapi.db.connection;
    const verify = async (mode: 'full' | 'incremental') => {
      const res = await http('/policy-ledger/ledger/verify', { admin: true, body: { mode } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data;
    };
    const submit = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const res = await http(`/api/policy-ledger/forms/${formKey}/submissions`, {
          body: {
            locale: 'en',
            data: { name: 'V', email: `verify-${i}-${Date.now()}@example.kz` },
            purposes: { processing: true },
            accepted: [{ policy: key, version: 1 }],
          },
        });
        assert.equal(res.status, 201);
      }
    };
    const seal = async () => {
      testApp().clock.advance(60_000);
      return testApp().strapi.plugin('policy-ledger').service('integrity').seal();
    };

    before(async () => {
      ({ formKey, key } = await policyWithForm('verif', 'verif v1'));
      await submit(2);
      await seal();
    });

    it('verifies only what is new after a verified checkpoint, and agrees with a full run', async () => {
      const full = await verify('full');
      assert.equal(full.ok, true, JSON.stringify(full.firstMismatch));
      assert.equal(full.mode, 'full');
      const record = await knex()(RECORDS).orderBy('id', 'desc').first();
      assert.equal(record.checkpoint_hash, full.latestCheckpoint.hash);

      await submit(3);
      const cp = await seal();
      const inc = await verify('incremental');
      assert.equal(inc.ok, true, JSON.stringify(inc.firstMismatch));
      assert.equal(inc.mode, 'incremental');
      assert.deepEqual(inc.since, { checkpoint: record.checkpoint_id, seqTo: record.seq_to });
      assert.equal(inc.events, 3, 'only the new events are read');
      assert.equal(inc.checkpoints, 1);
      assert.equal(inc.latestCheckpoint.hash, cp.hash);
      const again = await verify('full');
      assert.equal(again.ok, true);
      assert.ok(again.events > inc.events);
    });

    it('names a tampered new event in both modes alike', async () => {
      await submit(1);
      await seal();
      const last = await knex()(EVENTS).orderBy('seq', 'desc').first();
      await knex()(EVENTS).where({ seq: last.seq }).update({ locale: 'kk' });
      const inc = await verify('incremental');
      const full = await verify('full');
      assert.equal(inc.ok, false);
      assert.deepEqual(inc.firstMismatch, full.firstMismatch);
      assert.equal(inc.firstMismatch.seq, Number(last.seq));
      await knex()(EVENTS).where({ seq: last.seq }).update({ locale: last.locale });
      assert.equal((await verify('incremental')).ok, true);
    });

    it('leaves verified ranges to the full run, which still catches them', async () => {
      assert.equal((await verify('full')).ok, true);
      const first = await knex()(EVENTS).orderBy('seq', 'asc').first();
      await knex()(EVENTS).where({ seq: first.seq }).update({ method: 'admin' });
      assert.equal((await verify('incremental')).ok, true, 'already verified: not read again');
      const full = await verify('full');
      assert.equal(full.ok, false);
      assert.equal(full.firstMismatch.seq, Number(first.seq));
      await knex()(EVENTS).where({ seq: first.seq }).update({ method: first.method });
      assert.equal((await verify('full')).ok, true);
    });

    it('splits a full verification over worker threads and finds what one thread finds', async () => {
      const service = () => testApp().strapi.plugin('policy-ledger').service('verification');
      const run = (threads: number) => service().verify('full', { consistency: false, threads });
      await submit(2);
      await seal();
      const inApp = await run(0);
      const one = await run(1);
      const three = await run(3);
      assert.equal(inApp.threads, 0, 'in the app thread');
      assert.equal(inApp.events, one.events);
      assert.equal(one.ok, true, JSON.stringify(one.firstMismatch));
      assert.equal(three.ok, true, JSON.stringify(three.firstMismatch));
      assert.equal(three.threads, 3, 'verified in worker threads, not in the app thread');
      assert.equal(one.threads, 1);
      for (const k of ['events', 'auditEntries', 'checkpoints'] as const) {
        assert.equal(three[k], one[k], k);
      }
      // One altered event in each third of the ledger: each share finds its own,
      // and the verification reports the earliest, as one thread would.
      const cps = await knex()('policy_ledger_checkpoints').orderBy('id', 'asc');
      const picks = [cps[0], cps[Math.floor(cps.length / 2)], cps[cps.length - 1]];
      const altered: { seq: number; locale: string | null }[] = [];
      for (const cp of [...picks].reverse()) {
        const event = await knex()(EVENTS).where('seq', '>=', cp.seq_from).orderBy('seq').first();
        altered.push({ seq: event.seq, locale: event.locale });
        await knex()(EVENTS).where({ seq: event.seq }).update({ locale: 'xx' });
        const [a, b] = [await run(1), await run(3)];
        assert.equal(b.ok, false);
        assert.deepEqual(b.firstMismatch, a.firstMismatch);
        assert.equal(b.firstMismatch.seq, Number(event.seq));
      }
      for (const { seq, locale } of altered) await knex()(EVENTS).where({ seq }).update({ locale });
      assert.equal((await run(3)).ok, true);
      // A deleted event at the end of a share breaks that share's Merkle root.
      const middle = picks[1];
      const lastOfShare = await knex()(EVENTS).where({ seq: middle.seq_to }).first();
      await knex()(EVENTS).where({ seq: middle.seq_to }).delete();
      const gone = await run(3);
      assert.equal(gone.ok, false);
      assert.deepEqual(gone.firstMismatch, (await run(1)).firstMismatch);
      await knex()(EVENTS).insert(lastOfShare);
      assert.equal((await run(3)).ok, true);
    });

    it('verifies everything when the verification record or its checkpoint was changed', async () => {
      await submit(1);
      await seal();
      const record = await knex()(RECORDS).orderBy('id', 'desc').first();
      // A record moved forward to skip what follows: it no longer matches its HMAC.
      await knex()(RECORDS)
        .where({ id: record.id })
        .update({ seq_to: Number(record.seq_to) + 1 });
      let r = await verify('incremental');
      assert.equal(r.mode, 'full');
      assert.match(r.note, /does not match its hash/);
      assert.equal(r.ok, true);
      await knex()(RECORDS).where({ id: record.id }).update({ seq_to: record.seq_to });

      const latest = await knex()(RECORDS).orderBy('id', 'desc').first();
      const cp = await knex()('policy_ledger_checkpoints')
        .where({ id: latest.checkpoint_id })
        .first();
      await knex()('policy_ledger_checkpoints')
        .where({ id: cp.id })
        .update({ hash: 'f'.repeat(64) });
      r = await verify('incremental');
      assert.equal(r.mode, 'full');
      assert.match(r.note, /changed since it was verified/);
      assert.equal(r.ok, false);
      await knex()('policy_ledger_checkpoints').where({ id: cp.id }).update({ hash: cp.hash });
      assert.equal((await verify('incremental')).ok, true);
    });

    it('checks that the counters and subject states agree with the events, apart from the hashes', async () => {
      const clean = await verify('full');
      assert.equal(clean.consistency.ok, true, JSON.stringify(clean.consistency));
      assert.ok(clean.consistency.counters.groups > 0);
      assert.ok(clean.consistency.subjectStates.people > 0);

      // A counter off by one: the hashes still verify, the report does not.
      const counter = await knex()('policy_ledger_counters')
        .where({ policy_key: key, action: 'granted' })
        .first();
      await knex()('policy_ledger_counters')
        .where({ id: counter.id })
        .update({ n: Number(counter.n) + 1 });
      const drifted = await verify('full');
      assert.equal(drifted.ok, true);
      assert.equal(drifted.consistency.ok, false);
      assert.match(drifted.consistency.counters.mismatches[0], new RegExp(`${key} v1 granted`));
      await knex()('policy_ledger_counters').where({ id: counter.id }).update({ n: counter.n });

      // A person's kept version wrong: found among the people of the new events.
      await submit(1);
      await seal();
      const last = await knex()(EVENTS).orderBy('seq', 'desc').first();
      await knex()('policy_ledger_subject_state')
        .where({ subject: last.subject, policy_key: key })
        .update({ accepted_version: 99 });
      const inc = await verify('incremental');
      assert.equal(inc.ok, true);
      assert.equal(inc.consistency.counters, null, 'counters wait for the full run');
      assert.equal(inc.consistency.subjectStates.ok, false);
      assert.match(inc.consistency.subjectStates.mismatches[0], /state v99, events v1/);
      await knex()('policy_ledger_subject_state')
        .where({ subject: last.subject, policy_key: key })
        .update({ accepted_version: 1 });
      assert.equal((await verify('full')).consistency.ok, true);
    });

    it('runs the full verification once a night across instances and records it in the audit trail', async () => {
      const verification = testApp().strapi.plugin('policy-ledger').service('verification');
      const runs = await Promise.all([verification.runVerifyJob(), verification.runVerifyJob()]);
      assert.equal(runs.filter(Boolean).length, 1);
      const done = runs.find(Boolean);
      assert.equal(done.mode, 'full');
      assert.equal(done.ok, true);
      const entry = await knex()('policy_ledger_audit')
        .where({ action: 'ledger.verified' })
        .orderBy('seq', 'desc')
        .first();
      assert.equal(entry.actor_type, 'system');
      assert.equal(JSON.parse(entry.details).mode, 'full');
      const bad = await http('/policy-ledger/ledger/verify', {
        admin: true,
        body: { mode: 'partial' },
      });
      assert.equal(bad.status, 400);
      assert.match(JSON.stringify(bad.body.error), /mode/);
    });
  });
}
