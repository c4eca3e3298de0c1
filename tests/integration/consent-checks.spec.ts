/**
 * The app's own code asks "may I use this person's data for this purpose
 * now?": `consents.check` / `checkMany`, the route policy `has-consent` on a
 * route of the demo app (GET /api/member-offers), Global Privacy Control kept
 * and enforced, and a purpose's lifetime (`renewAfterDays`) with a moved clock.
 * The demo app declares `purposes.marketing: { renewAfterDays: 365, gpc: true }`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConsentCheck } from '../../shared/contracts';
import { DAY, fullAccessToken, policyWithForm } from '../helpers/fixtures';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';

const PERMISSION = 'plugin::users-permissions.permission';
const ROLE = 'plugin::users-permissions.role';

type CheckArgs = { subject: string; purpose: string; policy?: string; minStrength?: string };
type SubjectCheck = ConsentCheck & { subject: string };
interface ConsentsService {
  check(input: CheckArgs): Promise<ConsentCheck>;
  checkMany(input: {
    subjects: Iterable<string> | AsyncIterable<string>;
    purpose: string;
    policy?: string;
    batchSize?: number;
  }): AsyncGenerator<SubjectCheck>;
}

export function consentChecksSpec() {
  describe('consent checks for the app’s own code, GPC and lifetimes', () => {
    let policyKey: string;
    let formKey: string;
    let token: string;
    let permission: { id: number };
    const consents = () =>
      testApp().strapi.plugin('policy-ledger').service('consents') as unknown as ConsentsService;
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    const person = (name: string) => `${name}-${process.pid}@example.kz`;
    const body = (email: string, marketing: boolean, over: Record<string, unknown> = {}) => ({
      locale: 'en',
      data: { name: 'Check', email },
      purposes: { processing: true, marketing },
      accepted: [{ policy: policyKey, version: 1 }],
      ...over,
    });
    const submit = (b: unknown, headers: Record<string, string> = {}) =>
      http(`/api/policy-ledger/forms/${formKey}/submissions`, { body: b, headers });
    const withdraw = (subject: string) =>
      http('/api/policy-ledger/consents/withdraw', {
        body: { subject, purposes: ['marketing'] },
        headers: bearer(token),
      });
    const rows = async () => {
      const knex = testApp().strapi.db.connection;
      return Number((await knex('policy_ledger_events').count({ n: '*' }))[0].n);
    };
    let n = 0;
    const register = async () => {
      const name = `checker${process.pid}x${++n}`;
      const res = await http('/api/auth/local/register', {
        body: { username: name, email: `${name}@example.kz`, password: 'Checker-password-1' },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return {
        jwt: res.body.jwt as string,
        id: String(res.body.user.id),
        email: `${name}@example.kz`,
      };
    };

    before(async () => {
      ({ key: policyKey, formKey } = await policyWithForm('chk', 'Checks'));
      token = await fullAccessToken('checks');
      // The app lets signed-in members call its offers route (Users & Permissions → Authenticated).
      const { strapi } = testApp();
      const role = await strapi.db.query(ROLE).findOne({ where: { type: 'authenticated' } });
      permission = await strapi.db
        .query(PERMISSION)
        .create({ data: { action: 'api::member-offers.member-offers.list', role: role.id } });
    });
    after(async () => {
      testApp().clock.reset();
      await testApp()
        .strapi.db.query(PERMISSION)
        .delete({ where: { id: permission.id } });
    });

    it('answers granted, not granted, withdrawn and denied from the ledger, and refuses bad input naming the field', async () => {
      const ana = person('ana');
      assert.equal((await submit(body(ana, true))).status, 201);
      const granted = await consents().check({ subject: ana, purpose: 'marketing' });
      assert.equal(granted.allowed, true);
      assert.equal(granted.reason, 'granted');
      assert.equal(granted.acceptedVersion, 1);
      assert.ok(granted.since && granted.expiresAt);
      const lifetime = (Date.parse(granted.expiresAt) - Date.parse(granted.since)) / DAY;
      assert.ok(
        lifetime > 364 && lifetime <= 365,
        `marketing lasts 365 days in the demo: ${lifetime}`,
      );
      assert.equal(
        (await consents().check({ subject: ana, purpose: 'processing' })).expiresAt,
        null,
      );
      assert.equal(
        (await consents().check({ subject: person('nobody'), purpose: 'marketing' })).reason,
        'not-granted',
      );
      assert.equal((await withdraw(ana)).status, 201);
      const withdrawn = await consents().check({ subject: ana, purpose: 'marketing' });
      assert.deepEqual([withdrawn.allowed, withdrawn.reason], [false, 'withdrawn']);
      // Still allowed to process the request: only marketing was withdrawn.
      assert.equal((await consents().check({ subject: ana, purpose: 'processing' })).allowed, true);

      const bo = person('bo');
      assert.equal((await submit(body(bo, false))).status, 201);
      assert.equal(
        (await consents().check({ subject: bo, purpose: 'marketing' })).reason,
        'denied',
      );

      for (const [args, field] of [
        [{ subject: 'not an identifier', purpose: 'marketing' }, 'subject'],
        [{ subject: ana, purpose: 'no such-purpose!' }, 'purpose'],
        [{ subject: ana, purpose: 'marketing', minStrength: 'strong' }, 'minStrength'],
      ] as Array<[CheckArgs, string]>) {
        await assert.rejects(consents().check(args), (e: Error & { details?: any }) => {
          assert.equal(e.name, 'ValidationError');
          assert.deepEqual(e.details.errors[0].path, [field]);
          return true;
        });
      }
      await assert.rejects(
        consents().check({ subject: ana, purpose: 'marketing', policy: 'no-such-policy' }),
        (e: Error) => e.name === 'NotFoundError',
      );
    });

    it('tells an unverified grant from one the operator’s server recorded, and checks the policy', async () => {
      const cy = person('cy');
      assert.equal((await submit(body(cy, true))).status, 201); // anonymous: unverified
      const strict = { subject: cy, purpose: 'marketing', minStrength: 'confirmed' };
      assert.equal((await consents().check(strict)).reason, 'unverified');
      // The operator's server records the grant again (it vouches for the person).
      const server = await http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body: body(cy, true, { subject: cy }),
        headers: bearer(token),
      });
      assert.equal(server.status, 201, JSON.stringify(server.body));
      assert.equal((await consents().check(strict)).allowed, true);
      const withPolicy = await consents().check({ ...strict, policy: policyKey });
      assert.deepEqual([withPolicy.allowed, withPolicy.acceptedVersion], [true, 1]);
    });

    it('answers from the states the sealing job folds, with the events since on top', async () => {
      const hal = person('hal');
      const granted = await submit(body(hal, true));
      assert.equal(granted.status, 201);
      const knex = testApp().strapi.db.connection;
      // hal's pseudonym: the subject of the latest entry (this test writes alone).
      const subject = (await knex('policy_ledger_events').orderBy('seq', 'desc').first())
        .subject as string;
      const sealAndFold = async () => {
        testApp().clock.advance(60_000); // past the sealing lag
        await testApp().strapi.plugin('policy-ledger').service('integrity').sealNow('job');
      };
      await sealAndFold();
      const stateOf = (kind: string, key: string) =>
        knex('policy_ledger_purpose_state').where({ subject, kind, key }).first();
      const word = await stateOf('purpose', 'marketing');
      assert.ok(word, 'the fold stored hal’s word on marketing');
      assert.deepEqual(
        [JSON.parse(word.state).action, JSON.parse(word.state).value],
        ['granted', true],
      );
      assert.equal(JSON.parse((await stateOf('policy', policyKey)).state).acceptedVersion, 1);
      const cursor = await knex('policy_ledger_purpose_state')
        .where({ subject: '', kind: 'cursor' })
        .first();
      assert.ok(Number(cursor.seq) >= Number(word.seq));
      const check = () =>
        consents().check({ subject: hal, purpose: 'marketing', policy: policyKey });
      assert.deepEqual([(await check()).allowed, (await check()).acceptedVersion], [true, 1]);

      // What the check reads: the folded word decides while nothing follows it.
      await knex('policy_ledger_purpose_state')
        .where({ subject, kind: 'purpose', key: 'marketing' })
        .update({ state: JSON.stringify({ ...JSON.parse(word.state), value: false }) });
      assert.equal((await check()).reason, 'denied');
      await knex('policy_ledger_purpose_state')
        .where({ subject, kind: 'purpose', key: 'marketing' })
        .update({ state: word.state });

      // A withdrawal counts at once, before any seal: the events after the cursor are read too.
      assert.equal((await withdraw(hal)).status, 201);
      assert.equal((await check()).reason, 'withdrawn');
      await sealAndFold();
      assert.equal(JSON.parse((await stateOf('purpose', 'marketing')).state).action, 'withdrawn');
      assert.equal((await check()).reason, 'withdrawn');
      // Processing was not withdrawn: its word is still the grant.
      assert.equal((await consents().check({ subject: hal, purpose: 'processing' })).allowed, true);
      testApp().clock.reset();
    });

    it('checks a list of 2,500 people in batches, in the order given, from an async iterable', async () => {
      const granted = person('bulk-granted');
      assert.equal((await submit(body(granted, true))).status, 201);
      async function* list() {
        for (let i = 0; i < 2500; i++)
          yield i === 1234 ? granted : `bulk${i}-${process.pid}@example.kz`;
      }
      const before = await rows();
      const out: SubjectCheck[] = [];
      for await (const r of consents().checkMany({ subjects: list(), purpose: 'marketing' }))
        out.push(r);
      assert.equal(out.length, 2500);
      assert.equal(out[1234].subject, granted);
      assert.equal(out[1234].allowed, true);
      assert.equal(out.filter((r) => r.allowed).length, 1);
      assert.equal(out[2499].subject, `bulk2499-${process.pid}@example.kz`);
      assert.equal(out[2499].reason, 'not-granted');
      assert.equal(await rows(), before, 'a check writes nothing');
      await assert.rejects(
        (async () => {
          for await (const r of consents().checkMany({
            subjects: [granted, 'oops'],
            purpose: 'marketing',
          }))
            void r;
        })(),
        (e: Error & { details?: any }) => {
          assert.equal(e.name, 'ValidationError');
          assert.match(e.message, /^subjects\[1\]/);
          return true;
        },
      );
    });

    it('guards a route of the app with has-consent: 403 with the reason, then 200 once granted', async () => {
      const user = await register();
      const offers = () => http('/api/member-offers', { headers: bearer(user.jwt) });
      const refused = await offers();
      assert.equal(refused.status, 403, JSON.stringify(refused.body));
      assert.equal(refused.body.error.name, 'PolicyError');
      assert.equal(refused.body.error.details.reason, 'not-granted');
      assert.equal(refused.body.error.details.purpose, 'marketing');

      assert.equal((await submit(body(user.email, true), bearer(user.jwt))).status, 201);
      const allowed = await offers();
      assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
      assert.equal(allowed.body.data.length, 1);

      // The site withdraws it for them (its server, say from the account page).
      assert.equal((await withdraw(`id:${user.id}`)).status, 201);
      assert.equal((await offers()).body.error.details.reason, 'withdrawn');
      // Nobody signed in: users-permissions refuses before the policy asks.
      assert.equal((await http('/api/member-offers')).status, 403);
    });

    it('keeps Sec-GPC: 1 on the decision, and refuses a grant of a GPC purpose unless acknowledged', async () => {
      const gpc = { 'sec-gpc': '1' };
      const dee = person('dee');
      const before = await rows();
      const refused = await submit(body(dee, true), gpc);
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.deepEqual(refused.body.error.details.errors[0].path, ['gpcAcknowledged']);
      assert.match(refused.body.error.message, /"marketing"/);
      assert.equal(await rows(), before, 'nothing written');

      const acknowledged = await submit(body(dee, true, { gpcAcknowledged: true }), gpc);
      assert.equal(acknowledged.status, 201, JSON.stringify(acknowledged.body));
      assert.equal(acknowledged.body.data.receipt.events[0].content.gpc, 'acknowledged');

      const plain = await submit(body(person('eve'), false), gpc);
      assert.equal(plain.status, 201, JSON.stringify(plain.body));
      assert.equal(plain.body.data.receipt.events[0].content.gpc, 'on');

      const none = await submit(body(person('fay'), true));
      assert.equal(none.body.data.receipt.events[0].content.gpc, undefined);

      // The same rule without a form, and the signal on a withdrawal.
      const consent = (over: Record<string, unknown>) =>
        http('/api/policy-ledger/consents', {
          body: {
            subject: dee,
            policy: policyKey,
            version: 1,
            locale: 'en',
            action: 'granted',
            purposes: { marketing: true },
            ...over,
          },
          headers: { ...bearer(token), ...gpc },
        });
      assert.equal((await consent({})).status, 400);
      const ok = await consent({ gpcAcknowledged: true });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      const w = await http('/api/policy-ledger/consents/withdraw', {
        body: { subject: dee, purposes: ['marketing'] },
        headers: { ...bearer(token), ...gpc },
      });
      assert.equal(w.status, 201);
      const stored = await testApp()
        .strapi.db.connection('policy_ledger_events')
        .where({ event_id: w.body.data.events[0].id })
        .first();
      assert.equal(stored.gpc, 'on');
      // The ledger still verifies with the signal hashed in.
      testApp().clock.advance(60_000); // past the sealing lag
      await testApp().strapi.plugin('policy-ledger').service('integrity').seal();
      const verified = await http('/policy-ledger/ledger/verify', { admin: true, body: {} });
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      assert.equal(verified.body.data.ok, true, JSON.stringify(verified.body.data));
      testApp().clock.reset();
    });

    it('lets a marketing grant expire after 365 days: status asks again, check refuses, a new grant renews it', async () => {
      const gus = person('gus');
      assert.equal((await submit(body(gus, true))).status, 201);
      const status = async () => {
        const res = await http(
          `/api/policy-ledger/subjects/status?subject=${encodeURIComponent(gus)}&policy=${policyKey}`,
          { headers: bearer(token) },
        );
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return res.body.data;
      };
      assert.deepEqual((await status()).purposes, { processing: true, marketing: true });
      // 365 calendar days in the plugin's zone (Asia/Almaty): from the start of the day 365 days after the grant's.
      const { expiresAt } = await consents().check({ subject: gus, purpose: 'marketing' });
      assert.ok(expiresAt);
      const days = (Date.parse(expiresAt) - Date.now()) / DAY;
      assert.ok(days > 364 && days <= 365, String(days));
      testApp().clock.set(new Date(Date.parse(expiresAt) - 60_000));
      assert.equal((await consents().check({ subject: gus, purpose: 'marketing' })).allowed, true);
      testApp().clock.set(new Date(expiresAt));
      const expired = await status();
      assert.equal(expired.needsAcceptance, true);
      assert.equal(expired.reason, 'expired');
      assert.deepEqual(expired.expiredPurposes, ['marketing']);
      assert.deepEqual(expired.purposes, { processing: true });
      // The privacy officer's view of the person says so too.
      const record = await http(
        `/policy-ledger/subjects/record?identifier=${encodeURIComponent(gus)}`,
        { admin: true },
      );
      assert.equal(record.status, 200, JSON.stringify(record.body));
      const standing = record.body.data.standings.find(
        (x: { policy: string }) => x.policy === policyKey,
      );
      assert.equal(standing.reason, 'expired');
      assert.deepEqual(standing.expiredPurposes, ['marketing']);
      assert.equal(standing.purposes.marketing, true, 'granted, and expired');
      assert.equal(
        (await consents().check({ subject: gus, purpose: 'marketing' })).reason,
        'expired',
      );
      // Processing has no lifetime.
      assert.equal((await consents().check({ subject: gus, purpose: 'processing' })).allowed, true);
      assert.equal((await submit(body(gus, true))).status, 201);
      assert.equal((await status()).needsAcceptance, false);
      assert.equal((await consents().check({ subject: gus, purpose: 'marketing' })).allowed, true);
      testApp().clock.reset();
    });
  });
}
