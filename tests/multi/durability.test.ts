/**
 * kill -9 during a load of submissions: every submission that was answered
 * 201 is in the database afterwards, with its event, and the ledger verifies.
 * Runs on the database the environment names (SQLite in WAL mode by default).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { instanceEnv, json, start, type Instance } from '../helpers/instances';

const ROOT = path.resolve(__dirname, '..', '..');

describe(`durability under kill -9 (${process.env.DATABASE_CLIENT ?? 'sqlite'})`, () => {
  const extra: Record<string, string> = {};
  if ((process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite')
    extra.DATABASE_FILENAME = path.join(ROOT, '.tmp', `durability-${process.pid}.db`);
  const env = instanceEnv(extra);
  const instances: Instance[] = [];
  after(() => instances.forEach((i) => i.child.kill('SIGKILL')));

  it('keeps every submission answered 201', async () => {
    const first = await start(env);
    instances.push(first);
    const reg = await json(`${first.url}/admin/register-admin`, {
      method: 'POST',
      body: JSON.stringify({
        email: 'durable@policy-ledger.test',
        password: 'Durable-pass-1',
        firstname: 'D',
        lastname: 'U',
      }),
    });
    assert.equal(reg.status, 200, JSON.stringify(reg.body));
    const version = (await json(`${first.url}/api/policy-ledger/forms/contact`)).body.data
      .policies[0].current.version;

    const acknowledged: string[] = [];
    let n = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        try {
          const res = await json(`${first.url}/api/policy-ledger/forms/contact/submissions`, {
            method: 'POST',
            body: JSON.stringify({
              locale: 'kk',
              data: { name: 'D', email: `d${n++}@example.com` },
              purposes: { processing: true },
              accepted: [{ policy: 'privacy', version }],
            }),
          });
          if (res.status === 201) acknowledged.push(res.body.data.submissionId);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    await new Promise((r) => setTimeout(r, 2000));
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(workers);
    assert.ok(acknowledged.length > 50, `only ${acknowledged.length} submissions before the kill`);
    console.log(`${acknowledged.length} submissions answered 201 before kill -9`);

    // Start again on the same database and look for every acknowledged submission.
    const second = await start({ ...env, INSTANCE_BUILD_PLUGIN: 'false' });
    instances.push(second);
    const login = await json(`${second.url}/admin/login`, {
      method: 'POST',
      body: JSON.stringify({ email: 'durable@policy-ledger.test', password: 'Durable-pass-1' }),
    });
    const token = login.body.data.token as string;
    const found = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await json(
        `${second.url}/policy-ledger/ledger?policy=privacy&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
        { token },
      );
      assert.equal(page.status, 200);
      for (const e of page.body.data.events) if (e.submission) found.add(e.submission);
      cursor = page.body.data.nextCursor;
    } while (cursor);
    const lost = acknowledged.filter((id) => !found.has(id));
    assert.deepEqual(
      lost,
      [],
      `${lost.length} of ${acknowledged.length} acknowledged submissions lost`,
    );
    const verify = await json(`${second.url}/policy-ledger/ledger/verify`, {
      method: 'POST',
      token,
      body: '{}',
    });
    assert.equal(verify.body.data.ok, true, JSON.stringify(verify.body.data.firstMismatch));
  });
});
