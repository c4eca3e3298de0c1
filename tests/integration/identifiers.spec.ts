import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  DAY,
  createEdition,
  createForm,
  createPolicy,
  released,
  textsFor,
  uniqueKey,
} from '../helpers/fixtures';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';
import type { ReceivedMail } from '../helpers/smtp';
import { backfillIdentifiers } from '../../server/src/db/identifier-backfill';
import { pseudonymOf } from '../../server/src/utils/subjects';

const SUBMISSIONS = 'policy_ledger_submissions';
const EVENTS = 'policy_ledger_events';
const EVIDENCE = 'policy_ledger_evidence';
const PENDING = 'policy_ledger_pending';
const OUTBOX = 'policy_ledger_outbox';
const IDENTIFIERS = 'policy_ledger_identifiers';

interface PersonMessage {
  kind: string;
  createdAt: string;
  sentAt: string | null;
}
interface Held {
  id: string;
  form: string;
  status: string;
  expiresAt: string;
  data: Record<string, unknown>;
  purposes: Record<string, boolean>;
  messages: PersonMessage[];
}
interface Person {
  subject: string;
  submissions: Array<{
    id: string;
    data: Record<string, unknown> | null;
    erasedAt: string | null;
    messages: PersonMessage[];
  }>;
  held: Held[];
  events: Array<{ submission: string | null; evidence: unknown }>;
  standings: unknown[];
}

/** The confirmation link's path in a message, as the person would click it. */
function linkPath(mail: ReceivedMail): string {
  const m = /(https?:\/\/\S+\/confirmations\/[A-Za-z0-9._%-]+)/.exec(mail.text);
  assert.ok(m, `no confirmation link in: ${mail.text}`);
  return new URL(m[1]).pathname;
}

/**
 * An access or erasure answer finds everything held on a person by any
 * identifier they typed: a form keyed by e-mail that also asks for a phone
 * is found by the phone; a submission held for double opt-in (and its
 * confirmation e-mail) is found by the e-mail or the phone — and erasure
 * takes all of it.
 */
export function identifiersSpec() {
  describe('a person found by every identifier they typed (the index of identifiers)', () => {
    const plugin = () => testApp().strapi.plugin('policy-ledger');
    const knex = () => testApp().strapi.db.connection;
    const sink = () => testApp().mail;
    let key: string;
    let plainForm: string;
    let doiForm: string;
    const tag = `${process.pid}-${Date.now() % 100000}`;
    // Phones unique to this run (the 777x prefixes are this spec's alone).
    const digits = String(Date.now()).slice(-7);

    const submit = (form: string, data: Record<string, unknown>) =>
      http(`/api/policy-ledger/forms/${form}/submissions`, {
        body: {
          locale: 'en',
          data: { name: 'Ana', ...data },
          purposes: { processing: true, marketing: false },
          accepted: [{ policy: key, version: 1 }],
        },
      });
    const record = async (identifier: string) => {
      const res = await http<{ data: Person }>(
        `/policy-ledger/subjects/record?identifier=${encodeURIComponent(identifier)}`,
        { admin: true },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data;
    };
    const exported = async (identifier: string, format: 'json' | 'html' = 'json') => {
      const res = await http(
        `/policy-ledger/subjects/export?identifier=${encodeURIComponent(identifier)}&format=${format}`,
        { admin: true },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const erase = async (identifier: string) => {
      const res = await http('/policy-ledger/subjects/erase', {
        admin: true,
        body: { identifier },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data as { submissions: number; evidence: number; held: number };
    };
    const indexRows = (ref: string) =>
      knex()(IDENTIFIERS).where({ ref }).orderBy('id') as Promise<
        Array<{ pseudonym: string; kind: string; ref: string }>
      >;
    const pseudonym = (identifier: string) => pseudonymOf(testApp().strapi, identifier);

    before(async () => {
      key = uniqueKey('ident');
      const policy = await createPolicy(key, { effectDelayDays: 0 });
      await released(await createEdition(policy.documentId, textsFor('ident v1')));
      plainForm = uniqueKey('identform');
      await createForm(plainForm, [policy.documentId]);
      doiForm = uniqueKey('identdoi');
      await createForm(doiForm, [policy.documentId], { doubleOptIn: true });
    });

    it('indexes every e-mail and phone of a submission, in its write, and finds the person by the phone they typed', async () => {
      const email = `by-phone-${tag}@example.kz`;
      const typed = `+7 (771) ${digits.slice(0, 3)}-${digits.slice(3)}`;
      const phone = `+7771${digits}`;
      const res = await submit(plainForm, { email: email.toUpperCase(), phone: typed });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const id = res.body.data.submissionId as string;

      // The submission is keyed by the e-mail (its subject); the index holds the phone's pseudonym.
      const row = await knex()(SUBMISSIONS).where({ public_id: id }).first();
      assert.equal(row.subject, pseudonym(`email:${email}`));
      assert.deepEqual(
        (await indexRows(id)).map((r) => [r.kind, r.pseudonym]),
        [['submission', pseudonym(`phone:${phone}`)]],
      );
      // Keyed by its only identifier: nothing to index.
      const alone = await submit(plainForm, { email: `alone-${tag}@example.kz` });
      assert.equal(alone.status, 201, JSON.stringify(alone.body));
      assert.deepEqual(await indexRows(alone.body.data.submissionId), []);

      // Looked up by the phone, written as the person wrote it: everything held on them.
      const person = await record(typed);
      assert.equal(person.subject, pseudonym(`phone:${phone}`));
      assert.equal(person.submissions.length, 1);
      assert.equal(person.submissions[0].id, id);
      assert.deepEqual(person.submissions[0].data, {
        name: 'Ana',
        email,
        phone,
      });
      assert.deepEqual(person.submissions[0].messages, []);
      assert.equal(person.events.length, 1, 'the events of the submission found');
      assert.equal(person.events[0].submission, id);
      assert.ok(person.events[0].evidence, 'with their evidence');
      assert.equal(person.standings.length, 1);
      assert.deepEqual(person.held, []);

      // The access export (JSON and the readable page) says the same.
      const json = (await exported(phone)) as { data: Person };
      assert.equal(json.data.submissions[0].id, id);
      assert.equal(json.data.events.length, 1);
      const page = String(await exported(phone, 'html'));
      assert.ok(page.includes(phone), 'the phone is on the page');
      assert.ok(page.includes(id));
    });

    it('erases by the phone: the data, the evidence and the index rows, in one go; later lookups find nothing personal', async () => {
      const email = `erase-phone-${tag}@example.kz`;
      const phone = `+7772${digits}`;
      const res = await submit(plainForm, { email, phone });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const id = res.body.data.submissionId as string;
      const eventIds = (await knex()(EVENTS).where({ submission_id: id })).map(
        (e: { event_id: string }) => e.event_id,
      );
      assert.equal(eventIds.length, 1);

      assert.deepEqual(await erase(phone), { submissions: 1, evidence: 1, held: 0, contacts: 0 });
      const row = await knex()(SUBMISSIONS).where({ public_id: id }).first();
      assert.equal(row.data, null);
      assert.ok(row.erased_at);
      assert.equal(row.erase_reason, 'erasure');
      assert.deepEqual(await indexRows(id), [], 'no index row left');
      assert.equal((await knex()(EVIDENCE).whereIn('event_id', eventIds)).length, 0);
      assert.equal(
        (await knex()(EVENTS).where({ submission_id: id })).length,
        1,
        'the pseudonymous event stays',
      );

      // By the phone: nothing at all. By the e-mail: the erased submission, nothing personal.
      const byPhone = await record(phone);
      assert.deepEqual([byPhone.submissions, byPhone.held, byPhone.events], [[], [], []]);
      const byEmail = await record(email);
      assert.equal(byEmail.submissions.length, 1);
      assert.equal(byEmail.submissions[0].data, null);
      assert.ok(byEmail.submissions[0].erasedAt);
      assert.equal(byEmail.events[0].evidence, null);
      assert.ok(!JSON.stringify(byEmail).includes(phone));

      // The audit entry counts what was erased.
      const trail = await http('/policy-ledger/audit?action=subject.erased', { admin: true });
      const entry = trail.body.data.entries[0];
      assert.equal(entry.target, pseudonym(`phone:${phone}`));
      assert.deepEqual(entry.details, { submissions: 1, evidence: 1, held: 0, contacts: 0 });
    });

    it('finds a submission held for double opt-in by its e-mail and by its phone, with its confirmation e-mail, and erases it: the link is then refused', async () => {
      const email = `held-${tag}@example.kz`;
      const phone = `+7773${digits}`;
      const res = await submit(doiForm, { email, phone });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const id = res.body.data.submissionId as string;
      assert.deepEqual(
        (await indexRows(id)).map((r) => [r.kind, r.pseudonym]),
        [['pending', pseudonym(`phone:${phone}`)]],
        'indexed in the write that holds it',
      );

      const byEmail = await record(email);
      assert.deepEqual([byEmail.submissions, byEmail.events], [[], []], 'nothing recorded');
      assert.equal(byEmail.held.length, 1);
      const held = byEmail.held[0];
      assert.equal(held.id, id);
      assert.equal(held.form, doiForm);
      assert.equal(held.status, 'awaiting-confirmation');
      assert.deepEqual(held.data, { name: 'Ana', email, phone });
      assert.deepEqual(held.purposes, { processing: true, marketing: false });
      assert.ok(held.expiresAt > new Date(Date.now() - DAY).toISOString());
      assert.equal(held.messages.length, 1);
      assert.equal(held.messages[0].kind, 'confirmation');
      assert.ok(held.messages[0].createdAt);
      assert.deepEqual((await record(phone)).held, byEmail.held, 'the same, by the phone');

      // Once sent, the message says when; never its text or link.
      await plugin().service('mailer').flush();
      const mail = sink().to(email)[0];
      assert.ok(mail, 'the confirmation e-mail arrived');
      const path = linkPath(mail);
      const sent = (await record(phone)).held[0].messages[0];
      assert.ok(sent.sentAt, 'sent');
      const json = JSON.stringify(await exported(phone));
      assert.ok(json.includes(id));
      assert.ok(!json.includes('/confirmations/'), 'no link in the export');
      const page = String(await exported(email, 'html'));
      assert.match(page, /Waiting for your confirmation/);
      assert.ok(page.includes(phone));
      assert.ok(!page.includes('/confirmations/'));

      // Erased by the phone: the held row, its e-mail and its index rows, counted.
      assert.deepEqual(await erase(phone), { submissions: 0, evidence: 0, held: 1, contacts: 0 });
      assert.equal(await knex()(PENDING).where({ public_id: id }).first(), undefined);
      assert.deepEqual(await knex()(OUTBOX).where({ ref: id }), []);
      assert.deepEqual(await indexRows(id), []);
      const after = await record(email);
      assert.deepEqual([after.submissions, after.held, after.events], [[], [], []]);
      const trail = await http('/policy-ledger/audit?action=subject.erased', { admin: true });
      assert.deepEqual(trail.body.data.entries[0].details, {
        submissions: 0,
        evidence: 0,
        held: 1,
        contacts: 0,
      });

      // The link no longer records anything.
      const late = await http(path, { method: 'POST' });
      assert.equal(late.status, 410, JSON.stringify(late.body));
      assert.equal(late.body.error.details.code, 'CONFIRMATION_GONE');
      assert.equal(await knex()(SUBMISSIONS).where({ public_id: id }).first(), undefined);
    });

    it('moves the index with a confirmation: the recorded submission is found by the phone, with its confirmation e-mail', async () => {
      const email = `confirmed-${tag}@example.kz`;
      const phone = `+7774${digits}`;
      const res = await submit(doiForm, { email, phone });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const id = res.body.data.submissionId as string;
      await plugin().service('mailer').flush();
      const confirmed = await http(linkPath(sink().to(email)[0]), { method: 'POST' });
      assert.equal(confirmed.status, 201, JSON.stringify(confirmed.body));

      assert.deepEqual(
        (await indexRows(id)).map((r) => [r.kind, r.pseudonym]),
        [['submission', pseudonym(`phone:${phone}`)]],
        "the held row's index rows became the submission's",
      );
      const person = await record(phone);
      assert.deepEqual(person.held, []);
      assert.equal(person.submissions.length, 1);
      assert.equal(person.submissions[0].id, id);
      assert.equal(person.submissions[0].messages.length, 1);
      assert.equal(person.submissions[0].messages[0].kind, 'confirmation');
      assert.ok(person.submissions[0].messages[0].sentAt);
      assert.equal(person.events.length, 1);

      // Erasure takes the record of the e-mail sent about it too.
      assert.deepEqual(await erase(phone), { submissions: 1, evidence: 1, held: 0, contacts: 0 });
      assert.deepEqual(await knex()(OUTBOX).where({ ref: id }), []);
      assert.deepEqual(await indexRows(id), []);
    });

    it('drops the index rows of what expires or is erased by retention', async () => {
      const email = `expired-${tag}@example.kz`;
      const phone = `+7775${digits}`;
      const heldRes = await submit(doiForm, { email, phone });
      assert.equal(heldRes.status, 202);
      const heldId = heldRes.body.data.submissionId as string;
      const shortForm = uniqueKey('identshort');
      const shortKey = uniqueKey('identshortp');
      const policy = await createPolicy(shortKey, { effectDelayDays: 0 });
      await released(await createEdition(policy.documentId, textsFor('ident short v1')));
      await createForm(shortForm, [policy.documentId], { retentionDays: 1 });
      const kept = await http(`/api/policy-ledger/forms/${shortForm}/submissions`, {
        body: {
          locale: 'en',
          data: { name: 'Ana', email: `kept-${email}`, phone },
          purposes: { processing: true },
          accepted: [{ policy: shortKey, version: 1 }],
        },
      });
      assert.equal(kept.status, 201, JSON.stringify(kept.body));
      const keptId = kept.body.data.submissionId as string;
      assert.equal((await indexRows(keptId)).length, 1);

      testApp().clock.advance(8 * DAY);
      await plugin().service('retention').purge();
      assert.equal(await knex()(PENDING).where({ public_id: heldId }).first(), undefined);
      assert.deepEqual(await indexRows(heldId), []);
      const erased = await knex()(SUBMISSIONS).where({ public_id: keptId }).first();
      assert.equal(erased.data, null);
      assert.equal(erased.erase_reason, 'retention');
      assert.deepEqual(await indexRows(keptId), []);
      const person = await record(phone);
      assert.deepEqual([person.submissions, person.held], [[], []]);
    });

    it('indexes what an older version stored, once, at start (the backfill)', async () => {
      const email = `older-${tag}@example.kz`;
      const phone = `+7776${digits}`;
      const res = await submit(plainForm, { email, phone });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const id = res.body.data.submissionId as string;
      const heldRes = await submit(doiForm, { email: `older-held-${tag}@example.kz`, phone });
      assert.equal(heldRes.status, 202);
      const heldId = heldRes.body.data.submissionId as string;
      // As stored before the index existed.
      await knex()(IDENTIFIERS).whereIn('ref', [id, heldId]).del();
      assert.deepEqual((await record(phone)).submissions, []);

      const store = testApp().strapi.store({ type: 'plugin', name: 'policy-ledger' });
      await store.delete({ key: 'identifiers-backfill' });
      const done = await backfillIdentifiers(testApp().strapi);
      assert.ok(done && done.submissions >= 1 && done.held >= 1, JSON.stringify(done));
      assert.equal((await indexRows(id)).length, 1);
      assert.equal((await indexRows(heldId)).length, 1);
      const person = await record(phone);
      assert.deepEqual(
        person.submissions.map((s) => s.id),
        [id],
      );
      assert.deepEqual(
        person.held.map((h) => h.id),
        [heldId],
      );
      // Done once: a second start does nothing, and the index rows are not doubled.
      assert.equal(await backfillIdentifiers(testApp().strapi), null);
      assert.equal((await indexRows(id)).length, 1);
    });
  });
}
