import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
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
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';
import type { ReceivedMail } from '../helpers/smtp';
import { pseudonymOf } from '../../server/src/utils/subjects';

const EVENTS = 'policy_ledger_events';
const SUBMISSIONS = 'policy_ledger_submissions';
const PENDING = 'policy_ledger_pending';
const OUTBOX = 'policy_ledger_outbox';

/** The confirmation link in a message, as the person would click it. */
function linkIn(mail: ReceivedMail): { url: URL; path: string; token: string } {
  const m = /(https?:\/\/\S+\/confirmations\/([A-Za-z0-9._%-]+))/.exec(mail.text);
  assert.ok(m, `no confirmation link in: ${mail.text}`);
  const url = new URL(m[1]);
  return { url, path: url.pathname, token: decodeURIComponent(m[2]) };
}

/**
 * Double opt-in through a real SMTP server, the forgeries it stops, expiry
 * of what is never confirmed, evidence strength, and notices of material
 * changes sent once per person and edition.
 */
export function doubleOptInSpec() {
  describe('double opt-in, forgery, evidence strength and notices', () => {
    const plugin = () => testApp().strapi.plugin('policy-ledger');
    const knex = () => testApp().strapi.db.connection;
    const sink = () => testApp().mail;
    const sendMail = () => plugin().service('mailer').flush();
    let policy: { documentId: string };
    let key: string;
    let doiForm: string;
    let plainForm: string;
    let phoneForm: string;
    const victim = `victim-${Date.now()}@example.kz`;

    const submit = (form: string, email: string, extra: Record<string, unknown> = {}) =>
      http(`/api/policy-ledger/forms/${form}/submissions`, {
        body: {
          locale: 'ru',
          data: { name: 'Forged Name', email },
          purposes: { processing: true, marketing: true },
          accepted: [{ policy: key, version: 1 }],
          ...extra,
        },
      });
    const subjectOf = async (email: string) => pseudonymOf(testApp().strapi, `email:${email}`);
    const standing = async (email: string) =>
      plugin()
        .service('standing')
        .standingOf(await subjectOf(email), key);

    before(async () => {
      key = uniqueKey('doi');
      policy = await createPolicy(key, { effectDelayDays: 0 });
      await released(await createEdition(policy.documentId, textsFor('doi v1')));
      doiForm = uniqueKey('doiform');
      await createForm(doiForm, [policy.documentId], { doubleOptIn: true });
      plainForm = uniqueKey('plainform');
      await createForm(plainForm, [policy.documentId]);
      phoneForm = uniqueKey('phoneform');
      await createForm(phoneForm, [policy.documentId], {
        fields: [
          { name: 'name', type: 'text', required: true, category: 'identity' },
          { name: 'phone', type: 'phone', required: true, category: 'contact' },
        ],
      });
    });

    it('holds an anonymous submission (202), e-mails a link through SMTP, and records it once the link is confirmed', async () => {
      const definition = await http(`/api/policy-ledger/forms/${doiForm}?locale=ru`);
      assert.equal(definition.body.data.doubleOptIn, true);

      const res = await submit(doiForm, victim, { notices: true });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const pending = res.body.data;
      assert.equal(pending.status, 'pending');
      assert.equal(pending.confirmation.sentTo, `v***@example.kz`);
      const id = pending.submissionId as string;
      // Nothing recorded: no submission, no event, nobody's standing moved.
      assert.equal(await knex()(SUBMISSIONS).where({ public_id: id }).first(), undefined);
      assert.equal(await knex()(EVENTS).where({ submission_id: id }).first(), undefined);
      assert.equal((await standing(victim)).acceptedVersion, null);

      assert.equal((await sendMail()).sent >= 1, true);
      const [mail] = sink().to(victim);
      assert.ok(mail, 'the confirmation e-mail arrived over SMTP');
      assert.match(mail.subject, /Подтвердите/);
      assert.match(mail.html, /<a href="http/);
      const link = linkIn(mail);
      assert.match(link.path, /^\/api\/policy-ledger\/confirmations\//);

      // Opening the link (as a mail scanner would) changes nothing.
      const page = await http(link.path, { headers: { accept: 'text/html' } });
      assert.equal(page.status, 200);
      assert.match(String(page.body), /<form method="post">/);
      const json = await http(link.path);
      assert.equal(json.body.data.status, 'pending');
      assert.equal(await knex()(EVENTS).where({ submission_id: id }).first(), undefined);

      const confirmed = await http(link.path, { method: 'POST' });
      assert.equal(confirmed.status, 201, JSON.stringify(confirmed.body));
      const receipt = confirmed.body.data;
      assert.equal(receipt.status, 'recorded');
      assert.equal(receipt.submissionId, id);
      assert.equal(receipt.receipt.events[0].content.strength, 'confirmed');
      const events = await knex()(EVENTS).where({ submission_id: id });
      assert.equal(events.length, 1);
      assert.equal(events[0].strength, 'confirmed');
      assert.ok(await knex()(SUBMISSIONS).where({ public_id: id }).first());
      assert.equal(await knex()(PENDING).where({ public_id: id }).first(), undefined);
      const contact = await knex()('policy_ledger_contacts')
        .where({ subject: await subjectOf(victim) })
        .first();
      assert.ok(contact.confirmed_at);
      assert.ok(contact.notices);
      assert.deepEqual((await standing(victim)).purposes, { processing: true, marketing: true });

      // A second click replays the receipt and records nothing more.
      const again = await http(link.path, { method: 'POST' });
      assert.equal(again.status, 201);
      assert.deepEqual(again.body.data, receipt);
      assert.equal((await knex()(EVENTS).where({ submission_id: id })).length, 1);
      assert.equal((await http(link.path)).body.data.status, 'confirmed');
      // A browser gets pages, not JSON.
      const thanks = await http(link.path, { method: 'POST', headers: { accept: 'text/html' } });
      assert.match(String(thanks.body), /<html/);
    });

    it('refuses the forgery: no anonymous caller can change a confirmed standing or reach the export', async () => {
      const before = await standing(victim);
      const events = async () =>
        (
          await knex()(EVENTS)
            .where({ subject: await subjectOf(victim) })
            .count({ c: '*' })
        )[0].c;
      const count = Number(await events());
      const submissions = Number(
        (
          await knex()(SUBMISSIONS)
            .where({ subject: await subjectOf(victim) })
            .count({ c: '*' })
        )[0].c,
      );

      // Through the double opt-in form: held, and the link goes to the victim, not the forger.
      const held = await submit(doiForm, victim, {
        purposes: { processing: true, marketing: false },
      });
      assert.equal(held.status, 202);
      assert.deepEqual(await standing(victim), before);
      // Through a form without double opt-in, and through /consents: refused.
      const direct = await submit(plainForm, victim, {
        purposes: { processing: true, marketing: false },
      });
      assert.equal(direct.status, 409, JSON.stringify(direct.body));
      assert.equal(direct.body.error.details.code, 'CONFIRMED_PERSON');
      // The same with the abuse limits off (the look-up no longer rides on their count).
      const config = testApp().strapi.config;
      const limits = config.get('plugin::policy-ledger.limits') as Record<string, unknown>;
      config.set('plugin::policy-ledger.limits', { ...limits, enabled: false });
      try {
        const unlimited = await submit(plainForm, victim, {
          purposes: { processing: true, marketing: false },
        });
        assert.equal(unlimited.status, 409, JSON.stringify(unlimited.body));
        assert.equal(unlimited.body.error.details.code, 'CONFIRMED_PERSON');
      } finally {
        config.set('plugin::policy-ledger.limits', limits);
      }
      const publicRole = await testApp()
        .strapi.db.query('plugin::users-permissions.role')
        .findOne({ where: { type: 'public' } });
      const grant = await testApp()
        .strapi.db.query('plugin::users-permissions.permission')
        .create({
          data: { action: 'plugin::policy-ledger.consents.withdraw', role: publicRole.id },
        });
      try {
        await new Promise((r) => setTimeout(r, 1100)); // the permission cache (1 s in tests)
        // Even where Public may withdraw, an anonymous caller names nobody.
        const withdraw = await http('/api/policy-ledger/consents/withdraw', {
          body: { subject: `email:${victim}`, purposes: ['marketing'] },
        });
        assert.equal(withdraw.status, 400, JSON.stringify(withdraw.body));
        assert.deepEqual(withdraw.body.error.details.errors[0].path, ['subject']);
      } finally {
        await testApp()
          .strapi.db.query('plugin::users-permissions.permission')
          .delete({ where: { id: grant.id } });
      }
      // Naming another identifier on a double opt-in form is the operator's server's privilege.
      const named = await submit(doiForm, `forger-${Date.now()}@example.kz`, {
        subject: `email:${victim}`,
      });
      assert.equal(named.status, 400);
      assert.deepEqual(named.body.error.details.errors[0].path, ['subject']);

      assert.deepEqual(await standing(victim), before);
      assert.equal(Number(await events()), count);
      const exported = await http(
        `/policy-ledger/subjects/export?identifier=${encodeURIComponent(`email:${victim}`)}`,
        { admin: true },
      );
      assert.equal(exported.status, 200, JSON.stringify(exported.body));
      assert.equal(exported.body.data.submissions.length, submissions);
      // Recorded: nothing of the forger's. Held, awaiting the victim's confirmation: what was sent
      // with their e-mail (personal data held on them until the link expires).
      assert.ok(!JSON.stringify(exported.body.data.submissions).includes('marketing":false'));
      assert.ok(!JSON.stringify(exported.body.data.events).includes('marketing":false'));
      assert.equal(exported.body.data.held.length, 1);
      assert.equal(exported.body.data.held[0].id, held.body.data.submissionId);
      assert.equal(exported.body.data.held[0].status, 'awaiting-confirmation');

      // The operator's own server (an API token) may still record for the person.
      const token = await fullAccessToken(uniqueKey('doitoken'));
      const byServer = await http(`/api/policy-ledger/forms/${plainForm}/submissions`, {
        admin: token,
        body: {
          locale: 'ru',
          data: { name: 'Real', email: victim },
          purposes: { processing: true, marketing: true },
          accepted: [{ policy: key, version: 1 }],
        },
      });
      assert.equal(byServer.status, 201, JSON.stringify(byServer.body));
      assert.equal(byServer.body.data.receipt.events[0].content.strength, undefined);
    });

    it('refuses a forged link (400), answers 410 once it expired, and erases what was never confirmed', async () => {
      const email = `late-${Date.now()}@example.kz`;
      const res = await submit(doiForm, email);
      assert.equal(res.status, 202);
      const id = res.body.data.submissionId;
      await sendMail();
      const { path, token } = linkIn(sink().to(email)[0]);
      const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
      const bad = await http(path.replace(encodeURIComponent(token), forged), { method: 'POST' });
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      assert.deepEqual(bad.body.error.details.errors[0].path, ['token']);

      testApp().clock.advance(8 * DAY);
      const late = await http(path, { method: 'POST' });
      assert.equal(late.status, 410, JSON.stringify(late.body));
      assert.equal(late.body.error.details.code, 'CONFIRMATION_EXPIRED');
      assert.ok(
        await knex()(PENDING).where({ public_id: id }).first(),
        'kept until retention runs',
      );
      const purged = await plugin().service('retention').purge();
      assert.ok(purged.unconfirmed >= 1);
      assert.equal(await knex()(PENDING).where({ public_id: id }).first(), undefined);
      assert.equal(await knex()(OUTBOX).where({ ref: id }).first(), undefined);
      assert.equal(await knex()(EVENTS).where({ submission_id: id }).first(), undefined);
    });

    it('records anonymous decisions without an e-mail as unverified, and the acceptance report splits by strength', async () => {
      const res = await http(`/api/policy-ledger/forms/${phoneForm}/submissions`, {
        body: {
          locale: 'ru',
          data: { name: 'Phone', phone: '+7 701 000 00 01' },
          purposes: { processing: true },
          accepted: [{ policy: key, version: 1 }],
        },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.data.receipt.events[0].content.strength, 'unverified');
      const stats = await http(
        `/policy-ledger/stats/acceptance?policy=${key}&groupBy=version,strength`,
        { admin: true },
      );
      assert.equal(stats.status, 200, JSON.stringify(stats.body));
      const by = Object.fromEntries(
        stats.body.data.rows.map((r: { strength: string | null; granted: number }) => [
          String(r.strength),
          r.granted,
        ]),
      );
      assert.equal(by.confirmed, 1, JSON.stringify(stats.body.data.rows));
      assert.equal(by.unverified, 1);
      assert.equal(by.null, 1, 'the API-token submission');
    });

    it('notifies each person who asked, once per edition, through SMTP, and records and counts it', async () => {
      // A second confirmed person who did not ask for notices.
      const quiet = `quiet-${Date.now()}@example.kz`;
      assert.equal((await submit(doiForm, quiet)).status, 202);
      await sendMail();
      assert.equal((await http(linkIn(sink().to(quiet)[0]).path, { method: 'POST' })).status, 201);

      const before = sink().messages.length;
      await released(
        await createEdition(policy.documentId, textsFor('doi v2'), { changeKind: 'material' }),
      );
      await plugin().service('notices').run();
      await plugin().service('notices').run();
      await sendMail();
      const notices = sink().messages.slice(before);
      assert.equal(notices.length, 1, JSON.stringify(notices.map((m) => m.to)));
      assert.deepEqual(notices[0].to, [victim]);
      assert.match(notices[0].text, /doi v2 changes \(ru\)/, 'the change summary, in their locale');
      assert.match(notices[0].text, /\/policies\/.+\/editions\/2/);
      const entries = await knex()(EVENTS).where({
        action: 'notified',
        subject: await subjectOf(victim),
      });
      assert.equal(entries.length, 1);
      assert.equal(Number(entries[0].policy_version), 2);
      const stats = await http(`/policy-ledger/stats/acceptance?policy=${key}`, { admin: true });
      assert.equal(stats.body.data.totals.notified, 1);
      // The notice is in the ledger and verifies like every entry.
      await plugin().service('integrity').seal();
      assert.equal((await plugin().service('verification').verify('incremental')).ok, true);
    });

    it('lists the confirmed address kept for notices in the access export, and erasure deletes it with the e-mails to it', async () => {
      const exported = await http(
        `/policy-ledger/subjects/export?identifier=${encodeURIComponent(victim)}`,
        { admin: true },
      );
      assert.equal(exported.status, 200, JSON.stringify(exported.body));
      assert.equal(exported.body.data.contacts.length, 1);
      assert.deepEqual(
        [exported.body.data.contacts[0].email, exported.body.data.contacts[0].notices],
        [victim, true],
      );
      assert.ok((await knex()('policy_ledger_outbox').where({ recipient: victim })).length >= 2);
      const erased = await http('/policy-ledger/subjects/erase', {
        admin: true,
        body: { identifier: victim },
      });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      assert.equal(erased.body.data.contacts, 1);
      assert.equal(
        await knex()('policy_ledger_contacts')
          .where({ subject: await subjectOf(victim) })
          .first(),
        undefined,
      );
      assert.deepEqual(await knex()('policy_ledger_outbox').where({ recipient: victim }), []);
      // No notice of a later change reaches them.
      const before = sink().messages.length;
      await released(
        await createEdition(policy.documentId, textsFor('doi v3'), { changeKind: 'material' }),
      );
      await plugin().service('notices').run();
      await sendMail();
      assert.deepEqual(
        sink()
          .messages.slice(before)
          .filter((m) => m.to.includes(victim)),
        [],
      );
    });
  });
}
