/**
 * Nobody speaks for another person: whose decision a write records comes
 * from the caller's credentials. An anonymous caller names nobody (400); a
 * signed-in end user (users-permissions JWT) is `id:<user id>` and may name
 * nobody else (403); the operator's server (an API token) names anyone.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fullAccessToken, policyWithForm } from '../helpers/fixtures';
import { http, type Res } from '../helpers/http';
import { testApp } from '../helpers/strapi';

const TABLES = [
  'policy_ledger_submissions',
  'policy_ledger_events',
  'policy_ledger_evidence',
  'policy_ledger_idempotency',
  'policy_ledger_pending',
  'policy_ledger_outbox',
];
const PERMISSION = 'plugin::users-permissions.permission';
const ROLE = 'plugin::users-permissions.role';

export function speakersSpec() {
  describe('who speaks: the subject comes from the credentials', () => {
    let policyKey: string;
    let formKey: string;
    let token: string;
    let victim: string;
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

    const body = (email: string, over: Record<string, unknown> = {}) => ({
      locale: 'en',
      data: { name: 'Who', email },
      purposes: { processing: true, marketing: false },
      accepted: [{ policy: policyKey, version: 1 }],
      ...over,
    });
    /** `ordinary`: with a query string, the submission skips the fast path. */
    const submit = (b: unknown, headers: Record<string, string> = {}, ordinary = false) =>
      http(`/api/policy-ledger/forms/${formKey}/submissions${ordinary ? '?via=route' : ''}`, {
        body: b,
        headers,
      });
    const rows = async () => {
      const knex = testApp().strapi.db.connection;
      return Promise.all(TABLES.map(async (t) => Number((await knex(t).count({ n: '*' }))[0].n)));
    };
    const standing = async (subject: string) => {
      const res = await http(
        `/api/policy-ledger/subjects/status?subject=${encodeURIComponent(subject)}&policy=${policyKey}`,
        { headers: bearer(token) },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data as { acceptedVersion: number | null; purposes: Record<string, true> };
    };
    let n = 0;
    /** A new site account (POST /api/auth/local/register, as a stock app allows). */
    const register = async () => {
      const name = `speaker${process.pid}x${++n}`;
      const res = await http('/api/auth/local/register', {
        body: { username: name, email: `${name}@example.kz`, password: 'Speaker-password-1' },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return {
        jwt: res.body.jwt as string,
        id: String(res.body.user.id),
        email: `${name}@example.kz`,
      };
    };
    const refusedOn = (res: Res, status: number) => {
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.deepEqual(res.body.error.details.errors[0].path, ['subject']);
      assert.match(res.body.error.message, /subject/, JSON.stringify(res.body));
    };

    before(async () => {
      ({ key: policyKey, formKey } = await policyWithForm('who', 'Who speaks'));
      token = await fullAccessToken('speakers');
      victim = `victim-${process.pid}@example.kz`;
      // The victim agrees to marketing through the form, as themselves.
      const own = await submit(body(victim, { purposes: { processing: true, marketing: true } }));
      assert.equal(own.status, 201, JSON.stringify(own.body));
    });

    it('an anonymous caller naming a subject (e-mail or id) gets 400 naming `subject`, on the fast path and the route, and nothing is written', async () => {
      const before = await rows();
      const standingBefore = await standing(`email:${victim}`);
      for (const named of [`email:${victim}`, 'id:424242'])
        for (const ordinary of [false, true]) {
          const res = await submit(
            body(`other-${process.pid}@example.kz`, {
              subject: named,
              purposes: { processing: true, marketing: false },
            }),
            {},
            ordinary,
          );
          refusedOn(res, 400);
        }
      assert.deepEqual(await rows(), before);
      assert.deepEqual(await standing(`email:${victim}`), standingBefore);
      assert.equal((await standing('id:424242')).acceptedVersion, null);
    });

    it('a signed-in user submits a form and is recorded as id:<their id>, not as the e-mail typed', async () => {
      const user = await register();
      const typed = `typed-${process.pid}@example.kz`;
      for (const ordinary of [false, true]) {
        const res = await submit(body(typed), bearer(user.jwt), ordinary);
        assert.equal(res.status, 201, JSON.stringify(res.body));
        const [event] = res.body.data.receipt.events;
        assert.equal(event.content.strength, 'unverified');
      }
      assert.equal((await standing(`id:${user.id}`)).acceptedVersion, 1);
      assert.equal((await standing(`email:${typed}`)).acceptedVersion, null);
      // Naming themselves is the same person.
      const self = await submit(body(typed, { subject: `id:${user.id}` }), bearer(user.jwt));
      assert.equal(self.status, 201, JSON.stringify(self.body));
      const exported = await http(
        `/policy-ledger/subjects/export?identifier=${encodeURIComponent(`id:${user.id}`)}`,
        { admin: true },
      );
      assert.equal(exported.status, 200);
      assert.equal(exported.body.data.submissions.length, 3);
    });

    it('a signed-in user naming someone else gets 403, and nothing is written', async () => {
      const user = await register();
      const other = await register();
      const before = await rows();
      const standingBefore = await standing(`email:${victim}`);
      for (const named of [`email:${victim}`, `id:${other.id}`, 'id:424242']) {
        refusedOn(await submit(body(user.email, { subject: named }), bearer(user.jwt)), 403);
      }
      assert.deepEqual(await rows(), before);
      assert.deepEqual(await standing(`email:${victim}`), standingBefore);
      assert.equal((await standing(`id:${other.id}`)).acceptedVersion, null);
    });

    it('with the Authenticated role granted withdraw and status, a user withdraws and reads only their own', async () => {
      const { strapi } = testApp();
      const role = await strapi.db.query(ROLE).findOne({ where: { type: 'authenticated' } });
      const grants = await Promise.all(
        ['consents.withdraw', 'consents.status'].map((a) =>
          strapi.db
            .query(PERMISSION)
            .create({ data: { action: `plugin::policy-ledger.${a}`, role: role.id } }),
        ),
      );
      try {
        const user = await register();
        const granted = await submit(
          body(user.email, { purposes: { processing: true, marketing: true } }),
          bearer(user.jwt),
        );
        assert.equal(granted.status, 201, JSON.stringify(granted.body));
        const mine = await http(`/api/policy-ledger/subjects/status?policy=${policyKey}`, {
          headers: bearer(user.jwt),
        });
        assert.equal(mine.status, 200, JSON.stringify(mine.body));
        assert.equal(mine.body.data.purposes.marketing, true);

        const before = await rows();
        refusedOn(
          await http(
            `/api/policy-ledger/subjects/status?subject=${encodeURIComponent(`email:${victim}`)}&policy=${policyKey}`,
            { headers: bearer(user.jwt) },
          ),
          403,
        );
        refusedOn(
          await http('/api/policy-ledger/consents/withdraw', {
            headers: bearer(user.jwt),
            body: { subject: `email:${victim}`, policy: policyKey, purposes: ['marketing'] },
          }),
          403,
        );
        assert.deepEqual(await rows(), before);
        assert.equal((await standing(`email:${victim}`)).purposes.marketing, true);

        const withdrawn = await http('/api/policy-ledger/consents/withdraw', {
          headers: bearer(user.jwt),
          body: { policy: policyKey, purposes: ['marketing'] },
        });
        assert.equal(withdrawn.status, 201, JSON.stringify(withdrawn.body));
        assert.equal(withdrawn.body.data.events.length, 1);
        // Only the purposes consented to now are listed.
        assert.deepEqual((await standing(`id:${user.id}`)).purposes, { processing: true });
      } finally {
        for (const g of grants) await strapi.db.query(PERMISSION).delete({ where: { id: g.id } });
      }
    });

    it('an anonymous caller cannot name anyone on the consent routes either, even where Public may use them', async () => {
      const { strapi } = testApp();
      const role = await strapi.db.query(ROLE).findOne({ where: { type: 'public' } });
      const grants = await Promise.all(
        ['consents.create', 'consents.withdraw', 'consents.status'].map((a) =>
          strapi.db
            .query(PERMISSION)
            .create({ data: { action: `plugin::policy-ledger.${a}`, role: role.id } }),
        ),
      );
      strapi.plugin('policy-ledger').service('public-access').invalidate();
      try {
        const before = await rows();
        const named = { subject: `email:${victim}` };
        for (const res of [
          await http('/api/policy-ledger/consents', {
            body: { ...named, policy: policyKey, version: 1, locale: 'en', action: 'denied' },
          }),
          await http('/api/policy-ledger/consents/withdraw', {
            body: { ...named, policy: policyKey },
          }),
          await http('/api/policy-ledger/consents/withdraw', { body: { policy: policyKey } }),
          await http(
            `/api/policy-ledger/subjects/status?subject=${encodeURIComponent(named.subject)}&policy=${policyKey}`,
          ),
        ])
          refusedOn(res, 400);
        assert.deepEqual(await rows(), before);
        assert.equal((await standing(`email:${victim}`)).purposes.marketing, true);
      } finally {
        for (const g of grants) await strapi.db.query(PERMISSION).delete({ where: { id: g.id } });
        strapi.plugin('policy-ledger').service('public-access').invalidate();
      }
    });

    it('when the Public role may not submit, neither may a user whose role holds nothing', async () => {
      const { strapi } = testApp();
      const user = await register();
      const submitGrant = await strapi.db.query(PERMISSION).findOne({
        where: { role: { type: 'public' }, action: 'plugin::policy-ledger.forms.submit' },
      });
      await strapi.db.query(PERMISSION).delete({ where: { id: submitGrant.id } });
      strapi.plugin('policy-ledger').service('public-access').invalidate();
      try {
        const res = await submit(body(user.email), bearer(user.jwt));
        assert.equal(res.status, 403, JSON.stringify(res.body));
      } finally {
        const role = await strapi.db.query(ROLE).findOne({ where: { type: 'public' } });
        await strapi.db
          .query(PERMISSION)
          .create({ data: { action: 'plugin::policy-ledger.forms.submit', role: role.id } });
        strapi.plugin('policy-ledger').service('public-access').invalidate();
      }
    });

    it('the operator’s server (an API token) names anyone; its decisions carry no strength', async () => {
      const res = await submit(
        body(`server-${process.pid}@example.kz`, { subject: 'id:424243' }),
        bearer(token),
      );
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.data.receipt.events[0].content.strength, undefined);
      assert.equal((await standing('id:424243')).acceptedVersion, 1);
      const missing = await http('/api/policy-ledger/consents/withdraw', {
        headers: bearer(token),
        body: { policy: policyKey },
      });
      refusedOn(missing, 400);
    });

    it("the access export shows each event's evidence strength", async () => {
      const user = await register();
      const mine = await submit(body(user.email), bearer(user.jwt));
      assert.equal(mine.status, 201);
      const vouched = await http('/api/policy-ledger/consents', {
        headers: bearer(token),
        body: {
          subject: `id:${user.id}`,
          policy: policyKey,
          version: 1,
          locale: 'en',
          purposes: { marketing: true },
          action: 'granted',
        },
      });
      assert.equal(vouched.status, 201, JSON.stringify(vouched.body));
      const identifier = encodeURIComponent(`id:${user.id}`);
      const exported = await http(`/policy-ledger/subjects/export?identifier=${identifier}`, {
        admin: true,
      });
      assert.equal(exported.status, 200, JSON.stringify(exported.body));
      assert.deepEqual(
        exported.body.data.events.map((e: { method: string; strength: string | null }) => [
          e.method,
          e.strength,
        ]),
        [
          ['form', 'unverified'],
          ['api', null],
        ],
      );
      const html = await http(
        `/policy-ledger/subjects/export?identifier=${identifier}&format=html`,
        {
          admin: true,
        },
      );
      assert.equal(html.status, 200);
      assert.match(html.body as string, /<th>Verified<\/th>/);
      assert.match(html.body as string, /<td>unverified<\/td>/);
      assert.match(html.body as string, /<td>recorded by the operator<\/td>/);
    });
  });
}
