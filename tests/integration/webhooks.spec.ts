import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  DAY,
  createEdition,
  createForm,
  createPolicy,
  release,
  released,
  textsFor,
  uniqueKey,
  cancel,
  fullAccessToken,
} from '../helpers/fixtures';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';

interface Delivery {
  event: string;
  createdAt: string;
  [k: string]: any;
}

/** A real HTTP receiver for Strapi's webhook deliveries. */
function receiver() {
  const got: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push(JSON.parse(body) as Delivery);
      res.writeHead(204).end();
    });
  });
  return {
    got,
    server,
    async listen() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    },
    /** The first delivery `match` accepts, once it arrives (deliveries are queued). */
    async next(match: (d: Delivery) => boolean): Promise<Delivery> {
      for (let i = 0; i < 200; i++) {
        const d = got.find(match);
        if (d) return d;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no such delivery; got ${JSON.stringify(got.map((d) => d.event))}`);
    },
  };
}

export function webhooksSpec() {
  describe('webhooks: editions released, in force, cancelled; consents recorded, withdrawn', () => {
    const hook = receiver();
    let webhookId: number | string;
    let key: string;
    let policyDocumentId: string;
    let formKey: string;
    const T0 = new Date('2031-03-01T09:00:00.000Z');

    before(async () => {
      testApp().clock.set(T0);
      // Announcements start from the first sealing run this spec makes.
      await testApp()
        .strapi.store({ type: 'plugin', name: 'policy-ledger' })
        .delete({ key: 'in-force-announced-until' });
      const url = await hook.listen();
      const created = await http('/admin/webhooks', {
        admin: true,
        body: {
          name: `policy-ledger-${process.pid}`,
          url,
          headers: {},
          events: [
            'policy-ledger.edition.released',
            'policy-ledger.edition.in-force',
            'policy-ledger.edition.cancelled',
            'policy-ledger.consent.recorded',
            'policy-ledger.consent.withdrawn',
          ],
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      webhookId = created.body.data.id;
      key = uniqueKey('hooks');
      const policy = await createPolicy(key, { effectDelayDays: 0 });
      policyDocumentId = policy.documentId;
      await released(await createEdition(policy.documentId, textsFor('hooks v1')));
      formKey = uniqueKey('hooksform');
      await createForm(formKey, [policy.documentId]);
    });

    after(async () => {
      await http(`/admin/webhooks/${webhookId}`, { admin: true, method: 'DELETE' });
      hook.server.close();
      testApp().clock.reset();
    });

    it('sends edition.released with the version and effective instant, nothing personal', async () => {
      const d = await hook.next(
        (x) => x.event === 'policy-ledger.edition.released' && x.edition?.policy === key,
      );
      assert.equal(d.edition.version, 1);
      assert.equal(d.edition.effectiveAt, T0.toISOString());
      assert.equal(d.edition.cancelledAt, null);
    });

    it('sends consent.recorded for a submission and consent.withdrawn for a withdrawal, by pseudonym', async () => {
      const sent = await http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body: {
          locale: 'en',
          data: { name: 'Hook', email: 'hook@example.kz' },
          purposes: { processing: true, marketing: true },
          accepted: [{ policy: key, version: 1 }],
        },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      const eventId = sent.body.data.receipt.events[0].id;
      const recorded = await hook.next(
        (x) => x.event === 'policy-ledger.consent.recorded' && x.events?.[0]?.id === eventId,
      );
      const e = recorded.events[0];
      assert.deepEqual(
        { action: e.action, policy: e.policy, version: e.version, form: e.form },
        { action: 'granted', policy: key, version: 1, form: formKey },
      );
      assert.deepEqual(e.purposes, { processing: true, marketing: true });
      assert.match(e.subject, /^[0-9a-f]{64}$/, 'a pseudonym');
      assert.doesNotMatch(JSON.stringify(recorded), /hook@example\.kz/, 'no e-mail in the payload');

      const token = await fullAccessToken('hooks');
      const w = await http('/api/policy-ledger/consents/withdraw', {
        headers: { authorization: `Bearer ${token}` },
        body: { subject: 'hook@example.kz', policy: key, purposes: ['marketing'] },
      });
      assert.equal(w.status, 201, JSON.stringify(w.body));
      const withdrawn = await hook.next(
        (x) =>
          x.event === 'policy-ledger.consent.withdrawn' &&
          x.events?.some((y: { policy: string }) => y.policy === key),
      );
      assert.equal(withdrawn.events[0].subject, e.subject);
      assert.equal(withdrawn.events[0].action, 'withdrawn');
    });

    it('sends edition.in-force once, when the sealing job passes the effective instant', async () => {
      const v2 = await createEdition(policyDocumentId, textsFor('hooks v2'));
      const effectiveAt = new Date(T0.getTime() + 2 * DAY).toISOString();
      const r = await release(v2, { effectiveAt });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const integrity = testApp().strapi.plugin('policy-ledger').service('integrity');
      const inForce = (x: Delivery) =>
        x.event === 'policy-ledger.edition.in-force' &&
        x.edition?.policy === key &&
        x.edition.version === 2;
      testApp().clock.set(new Date(T0.getTime() + DAY));
      await integrity.runSealJob(); // starts the count: nothing due yet
      testApp().clock.set(new Date(T0.getTime() + 2 * DAY + 60_000));
      await integrity.runSealJob();
      const d = await hook.next(inForce);
      assert.equal(d.edition.effectiveAt, effectiveAt);
      testApp().clock.set(new Date(T0.getTime() + 2 * DAY + 120_000));
      await integrity.runSealJob();
      assert.equal(hook.got.filter(inForce).length, 1, 'announced once');
    });

    it('sends edition.cancelled for a cancelled scheduled edition', async () => {
      const v3 = await createEdition(policyDocumentId, textsFor('hooks v3'));
      const r = await release(v3, {
        effectiveAt: new Date(T0.getTime() + 30 * DAY).toISOString(),
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal((await cancel(v3)).status, 200);
      const d = await hook.next(
        (x) => x.event === 'policy-ledger.edition.cancelled' && x.edition?.policy === key,
      );
      assert.equal(d.edition.version, 3);
      assert.ok(d.edition.cancelledAt);
    });
  });
}
