import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { before, describe, it } from 'node:test';
import type { EventContent, SealedProof } from '../../shared/contracts';
import { eventHash } from '../../server/src/domain/canonical';
import { pseudonymOf } from '../../server/src/utils/subjects';
import {
  createEdition,
  createForm,
  createPolicy,
  fullAccessToken,
  released,
  textsFor,
  uniqueKey,
} from '../helpers/fixtures';
import { http, type Res } from '../helpers/http';
import type { ReceivedMail } from '../helpers/smtp';
import { ROOT, testApp } from '../helpers/strapi';

const EVENTS = 'policy_ledger_events';
const SUBMISSIONS = 'policy_ledger_submissions';
const LINKS = 'policy_ledger_links';
const LINK_REQUESTS = 'policy_ledger_link_requests';
const PERMISSION = 'plugin::users-permissions.permission';
const ROLE = 'plugin::users-permissions.role';
const run = promisify(execFile);

/**
 * Linked identities: the operator's server links two identifiers of one
 * person (and unlinks them), a signed-in user's confirmed e-mail is linked to
 * their account; standing, the person's record, erasure and the people
 * counts take the linked identifiers as one person.
 */
export function identitiesSpec() {
  describe('linked identities: one person, several identifiers', () => {
    const plugin = () => testApp().strapi.plugin('policy-ledger');
    const knex = () => testApp().strapi.db.connection;
    const p = (identifier: string) => pseudonymOf(testApp().strapi, identifier);
    let key: string;
    let doiForm: string;
    let plainForm: string;
    let token: string;
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    const tag = `${process.pid}-${Date.now()}`;
    const email = `linked-${tag}@example.kz`;
    const phone = `+7701${String(Date.now()).slice(-7)}`;

    /** The app's own consent check on marketing (consents.check). */
    const mayMarket = async (subject: string) =>
      (
        (await plugin().service('consents').check({ subject, purpose: 'marketing' })) as {
          reason: string;
        }
      ).reason;
    const link = (action: 'link' | 'unlink', subject: string, linkedSubject: string, t = token) =>
      http(`/api/policy-ledger/identities/${action}`, {
        body: { subject, linkedSubject },
        headers: t ? bearer(t) : {},
      });
    const status = async (subject: string) => {
      const res = await http(
        `/api/policy-ledger/subjects/status?subject=${encodeURIComponent(subject)}&policy=${key}`,
        { headers: bearer(token) },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data as { acceptedVersion: number | null; purposes: Record<string, true> };
    };
    const record = async (identifier: string) => {
      const res = await http(
        `/policy-ledger/subjects/record?identifier=${encodeURIComponent(identifier)}`,
        { admin: true },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data;
    };
    const counts = async () => {
      testApp().clock.advance(120_000);
      await plugin().service('integrity').seal();
      await plugin().service('people-counts').catchUp();
      return plugin().service('people-counts').countsOf(key);
    };
    const refused = (res: Res, status: number) =>
      assert.equal(res.status, status, JSON.stringify(res.body));

    before(async () => {
      key = uniqueKey('ident');
      const policy = await createPolicy(key, { effectDelayDays: 0 });
      await released(await createEdition(policy.documentId, textsFor('ident v1')));
      doiForm = uniqueKey('identdoi');
      await createForm(doiForm, [policy.documentId], { doubleOptIn: true });
      plainForm = uniqueKey('identplain');
      await createForm(plainForm, [policy.documentId]);
      token = await fullAccessToken('identities');

      // The e-mail: an anonymous form, marketing yes. The phone: the operator's server, marketing no, later.
      const byForm = await http(`/api/policy-ledger/forms/${plainForm}/submissions`, {
        body: {
          locale: 'ru',
          data: { name: 'Linked', email },
          purposes: { processing: true, marketing: true },
          accepted: [{ policy: key, version: 1 }],
        },
      });
      assert.equal(byForm.status, 201, JSON.stringify(byForm.body));
      testApp().clock.advance(1000);
      const byServer = await http('/api/policy-ledger/consents', {
        body: {
          subject: phone,
          policy: key,
          version: 1,
          locale: 'ru',
          purposes: { processing: true, marketing: false },
          action: 'granted',
        },
        headers: bearer(token),
      });
      assert.equal(byServer.status, 201, JSON.stringify(byServer.body));
    });

    it('only the operator’s server may link: anonymous callers and signed-in users get 403', async () => {
      const before = await knex()(EVENTS).count({ n: '*' });
      refused(await link('link', email, phone, ''), 403);
      const name = `linker${process.pid}`;
      const reg = await http('/api/auth/local/register', {
        body: { username: name, email: `${name}@example.kz`, password: 'Linker-password-1' },
      });
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      refused(await link('link', email, phone, reg.body.jwt), 403);
      // Even with the route granted to their role, a user is not the operator's server.
      const { strapi } = testApp();
      const role = await strapi.db.query(ROLE).findOne({ where: { type: 'authenticated' } });
      const grant = await strapi.db
        .query(PERMISSION)
        .create({ data: { action: 'plugin::policy-ledger.identities.link', role: role.id } });
      try {
        const res = await link('link', `id:${reg.body.user.id}`, email, reg.body.jwt);
        refused(res, 403);
        assert.match(res.body.error.message, /API token/);
      } finally {
        await strapi.db.query(PERMISSION).delete({ where: { id: grant.id } });
      }
      assert.deepEqual(await knex()(EVENTS).count({ n: '*' }), before);
    });

    it('refuses linking an identifier to itself and malformed bodies (400)', async () => {
      const self = await link('link', email, `EMAIL:${email.toUpperCase()}`);
      refused(self, 400);
      assert.deepEqual(self.body.error.details.errors[0].path, ['linkedSubject']);
      refused(await link('link', email, 'not an identifier'), 400);
      const extra = await http('/api/policy-ledger/identities/link', {
        body: { subject: email, linkedSubject: phone, more: 1 },
        headers: bearer(token),
      });
      refused(extra, 400);
    });

    it('linking merges standing, the person’s record and the people counts; twice records one entry', async () => {
      assert.deepEqual((await status(email)).purposes, { processing: true, marketing: true });
      assert.deepEqual((await status(phone)).purposes, { processing: true });
      const two = await counts();
      assert.equal(two.people, 2);
      assert.deepEqual([await mayMarket(email), await mayMarket(phone)], ['granted', 'denied']);

      const res = await link('link', email, phone);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.data.action, 'linked');
      assert.equal(res.body.data.linked, true);
      assert.equal(res.body.data.identities, 2);
      assert.ok(res.body.data.recorded.id);
      const entry = await knex()(EVENTS).where({ event_id: res.body.data.recorded.id }).first();
      assert.equal(entry.action, 'linked');
      assert.equal(entry.subject, p(`email:${email}`));
      assert.equal(entry.linked_subject, p(phone));
      assert.equal(entry.policy_key, '');
      assert.equal(entry.method, 'api');

      const again = await link('link', phone, email);
      assert.equal(again.status, 200);
      assert.equal(again.body.data.recorded, null, 'linked already: nothing recorded');
      assert.equal(
        (await knex()(EVENTS).where({ action: 'linked', subject: entry.subject })).length,
        1,
      );

      // One person: the phone's later decision (marketing no) is the person's.
      for (const id of [email, phone]) {
        const s = await status(id);
        assert.equal(s.acceptedVersion, 1);
        assert.deepEqual(s.purposes, { processing: true });
      }
      // The app's own check takes the person's latest word too, whichever identifier it is given.
      assert.deepEqual([await mayMarket(email), await mayMarket(phone)], ['denied', 'denied']);
      const r = await record(phone);
      assert.equal(r.subject, p(phone));
      assert.deepEqual(r.identities, [p(phone), p(`email:${email}`)]);
      assert.deepEqual(r.links, [
        {
          subject: [p(phone), p(`email:${email}`)].sort()[0],
          linkedSubject: [p(phone), p(`email:${email}`)].sort()[1],
        },
      ]);
      assert.deepEqual(
        r.events.map((e: { action: string }) => e.action),
        ['granted', 'granted', 'linked'],
        JSON.stringify(r.events),
      );
      assert.equal(r.submissions.length, 1, "the e-mail's submission is in the phone's record");
      assert.equal(r.standings.length, 1, 'no standing for the link entry');
      assert.deepEqual(r.standings[0].purposes, { processing: true, marketing: false });

      const one = await counts();
      assert.equal(one.people, 1, 'a linked pair counts once');
      // (A purpose nobody consents to any more is listed with 0.)
      assert.deepEqual(
        one.purposes.filter((x: { people: number }) => x.people > 0),
        [{ purpose: 'processing', people: 1, expired: 0 }],
      );
      assert.deepEqual(one.byEdition, [{ version: 1, people: 1 }]);
    });

    it('seals and verifies link entries, and their receipt proof checks out offline', async () => {
      const verified = await http('/policy-ledger/ledger/verify', {
        admin: true,
        body: { mode: 'full' },
      });
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      assert.equal(verified.body.data.ok, true, JSON.stringify(verified.body.data));

      const row = await knex()(EVENTS)
        .where({ action: 'linked', linked_subject: p(phone) })
        .first();
      const listed = await http(`/policy-ledger/ledger?action=linked&limit=500`, { admin: true });
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      const event = (
        listed.body.data.events as Array<EventContent & { hash: string; seq: number }>
      ).find((e) => e.id === row.event_id);
      assert.ok(event, 'the admin ledger lists the link entry');
      const { hash, seq: _seq, ...content } = event;
      assert.equal(eventHash(content), hash);
      assert.equal(content.linkedSubject, p(phone));

      const proof = await http(`/api/policy-ledger/receipts/${row.event_id}/proof`);
      assert.equal(proof.status, 200, JSON.stringify(proof.body));
      assert.equal(proof.body.data.status, 'sealed');
      const file = {
        format: 'policy-ledger-receipt/1',
        event: content,
        hash,
        proof: proof.body.data as SealedProof,
      };
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'link-receipt-'));
      const name = path.join(dir, 'receipt.json');
      fs.writeFileSync(name, JSON.stringify(file));
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'cli/verify-receipt.ts'), name],
        { cwd: ROOT },
      );
      assert.match(stdout, /The receipt checks out/);

      const csv = await http(`/policy-ledger/ledger/export?format=csv&action=linked`, {
        admin: true,
      });
      assert.equal(csv.status, 200);
      assert.match(String(csv.body), /,linkedSubject/);
      assert.ok(String(csv.body).includes(p(phone)));
    });

    it('unlinking splits them again; unlinking twice records nothing; a pair never linked is a 409', async () => {
      const res = await link('unlink', phone, email);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.data.linked, false);
      assert.equal(res.body.data.identities, 1);
      assert.ok(res.body.data.recorded);
      assert.deepEqual((await status(email)).purposes, { processing: true, marketing: true });
      assert.deepEqual((await status(phone)).purposes, { processing: true });
      assert.deepEqual([await mayMarket(email), await mayMarket(phone)], ['granted', 'denied']);
      const r = await record(email);
      assert.deepEqual(r.identities, [p(`email:${email}`)]);
      assert.deepEqual(r.links, []);
      assert.deepEqual(
        r.events.map((e: { action: string }) => e.action),
        ['granted', 'linked', 'unlinked'],
        'the entries that named it stay in its record',
      );

      const again = await link('unlink', phone, email);
      assert.equal(again.status, 200);
      assert.equal(again.body.data.recorded, null);
      const never = await link('unlink', email, `never-${tag}@example.kz`);
      refused(never, 409);
      assert.equal(never.body.error.details.connected, false);

      const two = await counts();
      assert.equal(two.people, 2, 'unlinked: two people again');
      assert.deepEqual(two.purposes, [
        { purpose: 'marketing', people: 1, expired: 0 },
        { purpose: 'processing', people: 2, expired: 0 },
      ]);
      const row = await knex()(LINKS)
        .where({ subject: [p(phone), p(`email:${email}`)].sort()[0] })
        .first();
      assert.equal(Number(row.generation), 2);
    });

    it('erasing one identifier erases every linked one’s data', async () => {
      const relinked = await link('link', email, phone);
      assert.ok(relinked.body.data.recorded, 'linked again: a new entry');
      assert.equal((await counts()).people, 1);
      const erased = await http('/policy-ledger/subjects/erase', {
        admin: true,
        body: { identifier: phone },
      });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      assert.equal(erased.body.data.submissions, 1, JSON.stringify(erased.body.data));
      const sub = await knex()(SUBMISSIONS)
        .where({ subject: p(`email:${email}`) })
        .first();
      assert.equal(sub.data, null);
      assert.ok(sub.erased_at);
      // The pseudonymous events stay: the standing is still one person's.
      assert.deepEqual((await status(email)).purposes, { processing: true });
    });

    it("links a signed-in user's e-mail to their account once they confirm it", async () => {
      const name = `account${process.pid}x${Date.now()}`;
      const reg = await http('/api/auth/local/register', {
        body: { username: name, email: `${name}@example.kz`, password: 'Account-password-1' },
      });
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      const account = `id:${reg.body.user.id}`;
      const typed = `typed-${tag}@example.kz`;
      const submit = () =>
        http(`/api/policy-ledger/forms/${doiForm}/submissions`, {
          body: {
            locale: 'en',
            data: { name: 'Account', email: typed },
            purposes: { processing: true, marketing: true },
            accepted: [{ policy: key, version: 1 }],
          },
          headers: bearer(reg.body.jwt),
        });
      const res = await submit();
      // Recorded at once, as the account (not held: the user is signed in).
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const id = res.body.data.submissionId as string;
      const sub = await knex()(SUBMISSIONS).where({ public_id: id }).first();
      assert.equal(sub.subject, p(account));
      assert.equal((await status(typed)).acceptedVersion, null, 'not linked yet');
      const waiting = await knex()(LINK_REQUESTS).where({ public_id: id }).first();
      assert.equal(waiting.subject, p(account));
      assert.equal(waiting.linked_subject, p(`email:${typed}`));

      await plugin().service('mailer').flush();
      const mails: ReceivedMail[] = testApp().mail.to(typed);
      assert.equal(mails.length, 1, 'one e-mail to the address typed');
      assert.match(mails[0].subject, /confirm your e-mail/);
      const m = /(https?:\/\/\S+\/confirmations\/([A-Za-z0-9._%-]+))/.exec(mails[0].text);
      assert.ok(m, mails[0].text);
      const linkPath = new URL(m[1]).pathname;
      assert.match(linkPath, /\/confirmations\/link\./);
      assert.equal((await http(linkPath)).body.data.status, 'pending');

      const confirmed = await http(linkPath, { method: 'POST' });
      assert.equal(confirmed.status, 201, JSON.stringify(confirmed.body));
      assert.equal(confirmed.body.data.submissionId, id);
      assert.equal(confirmed.body.data.receipt.events.length, 1);
      const entry = await knex()(EVENTS).where({ action: 'linked', submission_id: id }).first();
      assert.equal(entry.strength, 'confirmed');
      assert.equal(entry.method, 'form');
      assert.deepEqual([entry.subject, entry.linked_subject], [p(account), p(`email:${typed}`)]);
      assert.deepEqual(
        await plugin()
          .service('identities')
          .pseudonymsOf(p(`email:${typed}`)),
        [p(`email:${typed}`), p(account)],
      );
      // The e-mail is the account's person now: its standing is the account's.
      assert.equal((await status(typed)).acceptedVersion, 1);
      assert.equal((await http(linkPath)).body.data.status, 'confirmed');
      assert.equal(await knex()(LINK_REQUESTS).where({ public_id: id }).first(), undefined);

      // A second click links nothing more and answers the same receipt.
      const twice = await http(linkPath, { method: 'POST' });
      assert.equal(twice.status, 201);
      assert.deepEqual(twice.body.data, confirmed.body.data);
      assert.equal((await knex()(EVENTS).where({ action: 'linked', submission_id: id })).length, 1);

      // Submitting again with the same e-mail asks nothing: it is linked already.
      assert.equal((await submit()).status, 201);
      await plugin().service('mailer').flush();
      assert.equal(testApp().mail.to(typed).length, 1);
    });
  });
}
