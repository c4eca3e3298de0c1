import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';
import { policyWithForm } from '../helpers/fixtures';
import { parseCsv } from '../helpers/csv';

/**
 * The register of data-subject requests, with the demo app's preset
 * (config/plugins.ts): Asia/Almaty, Kazakh public holidays, access and
 * withdrawal within 3 working days.
 */

export function requestsSpec() {
  describe('data-subject requests register (admin)', () => {
    const email = `requester-${process.pid}@example.kz`;
    let key: string;

    before(async () => {
      // Thursday 4 March 2027, 15:00 in Almaty; Monday 8 March is a holiday.
      testApp().clock.set('2027-03-04T10:00:00.000Z');
      const made = await policyWithForm('req', 'req v1');
      key = made.key;
      const formKey = made.formKey;
      const sent = await http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body: {
          locale: 'ru',
          data: { name: 'Ерлан', email },
          purposes: { processing: true, marketing: true },
          accepted: [{ policy: key, version: 1 }],
        },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
    });
    after(() => testApp().clock.reset());

    const create = (body: Record<string, unknown>) =>
      http('/policy-ledger/requests', { admin: true, body });
    const move = (id: string, body: Record<string, unknown>) =>
      http(`/policy-ledger/requests/${id}/status`, { admin: true, body });
    const act = (id: string, action: string) =>
      http(`/policy-ledger/requests/${id}/actions`, { admin: true, body: { action } });

    let accessId: string;

    it('receives a request today in Almaty with its due date in working days', async () => {
      const res = await create({ type: 'access', contact: email, note: 'by e-mail' });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const r = res.body.data;
      accessId = r.id;
      // Fri 5, (Sat 6, Sun 7, Mon 8 March), Tue 9, Wed 10.
      assert.deepEqual(
        [r.receivedOn, r.dueOn, r.status, r.deadline, r.daysLeft],
        ['2027-03-04', '2027-03-10', 'received', 'on-time', 6],
      );
      assert.equal(r.createdBy, 'admin@policy-ledger.test');
      const late = await create({ type: 'access', contact: email, receivedOn: '2027-03-05' });
      assert.equal(late.status, 400);
      assert.match(late.body.error.message, /receivedOn/);
      const bad = await create({ type: 'complaint', contact: email });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /type must be one of access/);
    });

    it('moves only along its statuses, with the identity check and reasons it needs', async () => {
      const skip = await move(accessId, { status: 'in-progress' });
      assert.equal(skip.status, 409);
      assert.match(skip.body.error.message, /can go to verifying or refused/);
      assert.equal((await move(accessId, { status: 'verifying' })).status, 200);
      const unchecked = await move(accessId, { status: 'in-progress' });
      assert.equal(unchecked.status, 400);
      assert.match(unchecked.body.error.message, /identityMethod is required/);
      const checked = await move(accessId, {
        status: 'in-progress',
        identityMethod: 'reply from the e-mail address on file',
      });
      assert.equal(checked.status, 200);
      assert.equal(checked.body.data.identityCheck.method, 'reply from the e-mail address on file');
    });

    it('answers from the request: the export it asks for, recorded on it', async () => {
      const wrong = await act(accessId, 'erase');
      assert.equal(wrong.status, 400);
      assert.match(wrong.body.error.message, /action must be export for a access request/);
      const res = await act(accessId, 'export');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.data.data.submissions[0].data.name, 'Ерлан');
      assert.deepEqual(
        res.body.data.request.actions.map((a: { action: string }) => a.action),
        ['export'],
      );
      assert.deepEqual(res.body.data.request.actions[0].result, { submissions: 1, events: 1 });
    });

    it('turns overdue after its due date, in the register and its CSV', async () => {
      testApp().clock.set('2027-03-11T04:00:00.000Z'); // 09:00 in Almaty, the day after
      const list = await http('/policy-ledger/requests?status=open', { admin: true });
      assert.equal(list.status, 200);
      assert.equal(list.body.data.timeZone, 'Asia/Almaty');
      const settings = await http('/policy-ledger/settings', { admin: true });
      assert.deepEqual(settings.body.data, { timeZone: 'Asia/Almaty' });
      assert.equal((await http('/policy-ledger/settings')).status, 401);
      assert.equal(list.body.data.today, '2027-03-11');
      const mine = list.body.data.requests.find((r: { id: string }) => r.id === accessId);
      assert.deepEqual([mine.deadline, mine.daysLeft], ['overdue', -1]);
      // Raw bytes: fetch's text() would drop the byte-order mark.
      const { url, adminToken } = testApp();
      const csv = await fetch(`${url}/policy-ledger/requests/export?status=open`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-disposition') ?? '', /requests-2027-03-11\.csv/);
      const bytes = Buffer.from(await csv.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark');
      const text = bytes.subarray(3).toString('utf8');
      assert.ok(text.startsWith('id,type,contact,receivedOn,dueOn,status'), text.slice(0, 80));
      assert.match(
        text,
        new RegExp(`${accessId},access,${email},2027-03-04,2027-03-10,in-progress,overdue,-1,`),
      );
    });

    it('closes: done is final', async () => {
      const done = await move(accessId, { status: 'done' });
      assert.equal(done.status, 200);
      assert.equal(done.body.data.deadline, 'closed');
      assert.ok(done.body.data.closedAt);
      assert.equal((await move(accessId, { status: 'refused', reason: 'x' })).status, 409);
    });

    it('withdraws consent from a withdrawal request, or records why it was refused', async () => {
      const w = (await create({ type: 'withdrawal', contact: email })).body.data;
      await move(w.id, { status: 'verifying' });
      await move(w.id, { status: 'in-progress', identityMethod: 'signed letter' });
      const res = await act(w.id, 'withdraw');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.data.request.actions[0].result, { withdrawn: 1 });
      const row = await testApp()
        .strapi.db.connection('policy_ledger_events')
        .where({ policy_key: key, action: 'withdrawn' })
        .first();
      assert.equal(row.method, 'admin');

      const o = (await create({ type: 'objection', contact: email })).body.data;
      const noReason = await move(o.id, { status: 'refused' });
      assert.equal(noReason.status, 400);
      assert.match(noReason.body.error.message, /reason is required/);
      const refused = await move(o.id, {
        status: 'refused',
        reason: 'Processing is required by the law on accounting (5 years).',
      });
      assert.equal(refused.status, 200);
      assert.match(refused.body.data.reason, /law on accounting/);
    });

    it('keeps what the officer typed: the intake note, reasons, identity methods and notes', async () => {
      const note = 'Phoned in, wants a copy "by post"';
      const made = await create({ type: 'erasure', contact: email, note: `  ${note} ` });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const id = made.body.data.id as string;
      assert.equal(made.body.data.note, note, 'trimmed');
      assert.deepEqual(made.body.data.changes, []);
      const steps = [
        { status: 'verifying', note: 'asked for ID by e-mail' },
        { status: 'in-progress', identityMethod: ' passport copy compared ', note: 'ID arrived' },
        { status: 'refused', reason: 'A legal duty to keep the invoices', note: '=1+1' },
      ];
      for (const body of steps) {
        const moved = await move(id, body);
        assert.equal(moved.status, 200, JSON.stringify(moved.body));
        // A note with a step never replaces the note taken at intake.
        assert.equal(moved.body.data.note, note);
      }
      const empty = (await create({ type: 'access', contact: email, note: '   ' })).body.data;
      assert.equal(empty.note, null, 'a blank note is no note');

      // Returned by the register, each change with who made it and what was typed.
      const list = await http('/policy-ledger/requests', { admin: true });
      assert.equal(list.status, 200);
      const r = list.body.data.requests.find((x: { id: string }) => x.id === id);
      assert.equal(r.note, note);
      assert.equal(r.reason, 'A legal duty to keep the invoices');
      assert.equal(r.identityCheck.method, 'passport copy compared');
      assert.deepEqual(
        r.changes.map((c: Record<string, unknown>) => [
          c.from,
          c.to,
          c.by,
          c.reason,
          c.identityMethod,
          c.note,
        ]),
        [
          [
            'received',
            'verifying',
            'admin@policy-ledger.test',
            null,
            null,
            'asked for ID by e-mail',
          ],
          [
            'verifying',
            'in-progress',
            'admin@policy-ledger.test',
            null,
            'passport copy compared',
            'ID arrived',
          ],
          [
            'in-progress',
            'refused',
            'admin@policy-ledger.test',
            'A legal duty to keep the invoices',
            null,
            '=1+1',
          ],
        ],
      );

      // A reason given with another status is kept on the change, not shown as a refusal.
      const other = (await create({ type: 'access', contact: email })).body.data;
      const noted = await move(other.id, { status: 'verifying', reason: 'asked twice' });
      assert.equal(noted.status, 200, JSON.stringify(noted.body));
      assert.equal(noted.body.data.reason, null);
      assert.equal(noted.body.data.changes[0].reason, 'asked twice');

      // Exported: the note, the identity method, the reason and each change with what was typed.
      const { url, adminToken } = testApp();
      const csv = await fetch(`${url}/policy-ledger/requests/export`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      assert.equal(csv.status, 200);
      const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
      const header = rows[0];
      assert.deepEqual(header.slice(8, 14), [
        'identityMethod',
        'identityCheckedAt',
        'reason',
        'note',
        'statusChanges',
        'actions',
      ]);
      const row = rows.find((cells) => cells[0] === id);
      assert.ok(row, `request ${id} in the CSV`);
      const cell = (name: string) => row[header.indexOf(name)];
      assert.equal(cell('note'), note);
      assert.equal(cell('identityMethod'), 'passport copy compared');
      assert.equal(cell('reason'), 'A legal duty to keep the invoices');
      const changes = cell('statusChanges').split('\n');
      assert.equal(changes.length, 3);
      assert.match(
        changes[0],
        /admin@policy-ledger\.test: received -> verifying \(note: asked for ID by e-mail\)$/,
      );
      assert.match(
        changes[1],
        /: verifying -> in-progress \(identity: passport copy compared; note: ID arrived\)$/,
      );
      assert.match(
        changes[2],
        /: in-progress -> refused \(reason: A legal duty to keep the invoices; note: =1\+1\)$/,
      );
      // Typed text that a spreadsheet would read as a formula is quoted.
      const formula = await create({ type: 'access', contact: email, note: '=HYPERLINK("x")' });
      const again = await fetch(`${url}/policy-ledger/requests/export`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      const quoted = parseCsv((await again.text()).replace(/^\uFEFF/, '')).find(
        (cells) => cells[0] === formula.body.data.id,
      );
      assert.equal(quoted?.[header.indexOf('note')], `'=HYPERLINK("x")`);
    });
  });
}
