import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';
import { createEdition, policyWithForm, released, textsFor } from '../helpers/fixtures';

const EVENTS = 'policy_ledger_events';

/** Admin → People: one person's record, their access export as a page, erasure. */
export function peopleSpec() {
  describe('a person’s record (admin)', () => {
    let key: string;
    let formKey: string;
    const email = `person-${process.pid}@example.kz`;
    const hostile = '<script>alert("x")</script> Ақжол';

    before(async () => {
      const made = await policyWithForm('person', 'person v1');
      ({ key, formKey } = made);
      const policy = made.policy;
      const sent = await http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body: {
          locale: 'kk',
          data: { name: hostile, email },
          purposes: { processing: true, marketing: true },
          accepted: [{ policy: key, version: 1 }],
        },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      // A material edition in force since: accepted by continued use on the next visit.
      await released(
        await createEdition(policy.documentId, textsFor('person v2'), { changeKind: 'material' }),
      );
    });

    const record = (identifier: string) =>
      http(`/policy-ledger/subjects/record?identifier=${encodeURIComponent(identifier)}`, {
        admin: true,
      });
    const eventCount = async () =>
      Number((await testApp().strapi.db.connection(EVENTS).count({ n: '*' }))[0].n);

    it('shows the standing per policy, the events with the texts accepted, and writes nothing', async () => {
      const before = await eventCount();
      const res = await record(email.toUpperCase());
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const r = res.body.data;
      assert.deepEqual(r.standings, [
        {
          policy: key,
          name: `Policy ${key}`,
          acceptedVersion: 1,
          acceptedLocale: 'kk',
          currentVersion: 2,
          needsAcceptance: false,
          reason: null,
          impliedOnNextVisit: true,
          purposes: { processing: true, marketing: true },
          expiredPurposes: [],
        },
      ]);
      assert.deepEqual(
        r.events.map((e: { action: string; version: number }) => [e.action, e.version]),
        [['granted', 1]],
      );
      assert.equal(r.events[0].evidence.userAgent !== undefined, true);
      assert.equal(r.texts.length, 1);
      assert.equal(r.texts[0].locale, 'kk');
      assert.match(r.texts[0].body, /person v1/);
      assert.equal(r.texts[0].contentHash, r.events[0].contentHash);
      assert.equal(r.submissions[0].data.name, hostile);
      assert.equal(await eventCount(), before, 'looking a person up records nothing');
    });

    it('answers an unknown person with an empty record and a bad identifier with 400', async () => {
      const none = await record('nobody@example.kz');
      assert.equal(none.status, 200);
      assert.deepEqual(
        [none.body.data.standings, none.body.data.events, none.body.data.submissions],
        [[], [], []],
      );
      const bad = await http('/policy-ledger/subjects/record', { admin: true });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /identifier/);
    });

    it('exports a readable page with every value escaped, and refuses an unknown format', async () => {
      const res = await http(
        `/policy-ledger/subjects/export?identifier=${encodeURIComponent(email)}&format=html`,
        { admin: true },
      );
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      assert.match(
        res.headers.get('content-disposition') ?? '',
        /attachment; filename="personal-data-[0-9a-f]{12}-\d{4}-\d{2}-\d{2}\.html"/,
      );
      const page = res.body as string;
      assert.ok(!page.includes('<script>'), 'no markup from the person’s data');
      assert.ok(page.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ақжол'));
      assert.match(page, /<h3>person v1 \(kk\)/);
      assert.match(page, /Text of person v1 in kk\./);
      const wrong = await http(
        `/policy-ledger/subjects/export?identifier=${encodeURIComponent(email)}&format=pdf`,
        { admin: true },
      );
      assert.equal(wrong.status, 400);
      assert.match(wrong.body.error.message, /format/);
    });

    it('erases the submission data and evidence; the standing stays', async () => {
      const erased = await http('/policy-ledger/subjects/erase', {
        admin: true,
        body: { identifier: email },
      });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      assert.deepEqual(erased.body.data, { submissions: 1, evidence: 1, held: 0, contacts: 0 });
      const r = (await record(email)).body.data;
      assert.equal(r.submissions[0].data, null);
      assert.ok(r.submissions[0].erasedAt);
      assert.equal(r.events[0].evidence, null);
      assert.equal(r.standings[0].acceptedVersion, 1);
    });
  });
}
