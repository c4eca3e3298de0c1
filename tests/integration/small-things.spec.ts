import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { http } from '../helpers/http';
import { policyWithForm } from '../helpers/fixtures';

/**
 * The officer's small things: the readable access export in the admin's language, and an
 * erasure run from a request pointing to that request in the audit trail.
 */
export function smallThingsSpec() {
  describe('readable export language, erasure from a request (admin)', () => {
    const email = `small-${process.pid}@example.kz`;
    const exportHtml = (locale: string) =>
      http(
        `/policy-ledger/subjects/export?identifier=${encodeURIComponent(email)}&format=html&locale=${locale}`,
        { admin: true },
      );

    before(async () => {
      const { key, formKey } = await policyWithForm('small', 'small v1');
      const sent = await http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body: {
          locale: 'kk',
          data: { name: 'Айгерім', email },
          purposes: { processing: true },
          accepted: [{ policy: key, version: 1 }],
        },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
    });

    it('renders the readable export in Kazakh or Russian when asked, English by default', async () => {
      const kk = await exportHtml('kk');
      assert.equal(kk.status, 200);
      const page = kk.body as string;
      assert.match(page, /<html lang="kk">/);
      assert.match(page, /<h1>Сіз туралы сақталған дербес деректер<\/h1>/);
      assert.match(page, /<h2>Сіз қабылдаған мәтіндер<\/h2>/);
      assert.match(page, /Text of small v1 in kk\./, 'the data itself stays as recorded');
      const ru = (await exportHtml('ru')).body as string;
      assert.match(ru, /<h1>Персональные данные, которые мы храним о вас<\/h1>/);
      const en = await http(
        `/policy-ledger/subjects/export?identifier=${encodeURIComponent(email)}&format=html`,
        { admin: true },
      );
      assert.match(en.body as string, /<h1>Personal data held about you<\/h1>/);
      const wrong = await exportHtml('de');
      assert.equal(wrong.status, 400);
      assert.match(wrong.body.error.message, /locale/);
    });

    it('names the request an erasure answers in its audit entry', async () => {
      const made = await http('/policy-ledger/requests', {
        admin: true,
        body: { type: 'erasure', contact: email },
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const id: string = made.body.data.id;
      const move = (body: Record<string, unknown>) =>
        http(`/policy-ledger/requests/${id}/status`, { admin: true, body });
      assert.equal((await move({ status: 'verifying' })).status, 200);
      const started = await move({ status: 'in-progress', identityMethod: 'reply by e-mail' });
      assert.equal(started.status, 200, JSON.stringify(started.body));
      const erased = await http(`/policy-ledger/requests/${id}/actions`, {
        admin: true,
        body: { action: 'erase' },
      });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      const trail = await http('/policy-ledger/audit?action=subject.erased', { admin: true });
      assert.equal(trail.status, 200);
      const entry = trail.body.data.entries[0];
      assert.deepEqual(entry.details, {
        submissions: 1,
        evidence: 1,
        held: 0,
        contacts: 0,
        request: id,
      });
    });
  });
}
