/**
 * Two Strapi instances on one database (PostgreSQL in CI): nothing may
 * depend on in-process state for correctness.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { instanceEnv, json, start, type Instance } from '../helpers/instances';

describe(`two instances on one ${process.env.DATABASE_CLIENT ?? 'sqlite'} database`, () => {
  let a: Instance;
  let b: Instance;
  let token: string;
  const T0 = new Date('2030-01-15T12:00:00.000Z');

  before(async () => {
    const env = instanceEnv();
    a = await start(env);
    // The second boots on the schema the first created.
    b = await start({ ...env, INSTANCE_BUILD_PLUGIN: 'false' });
    const reg = await json(`${a.url}/admin/register-admin`, {
      method: 'POST',
      body: JSON.stringify({
        email: 'multi@policy-ledger.test',
        password: 'Multi-pass-1',
        firstname: 'M',
        lastname: 'I',
      }),
    });
    assert.equal(reg.status, 200, JSON.stringify(reg.body));
    token = reg.body.data.token;
    for (const i of [a, b]) await i.send('clock', { at: T0.toISOString() });
  });

  after(async () => {
    for (const i of [a, b]) {
      if (!i) continue;
      await Promise.race([i.send('stop'), new Promise((r) => setTimeout(r, 5000))]).catch(() => {});
      i.child.kill('SIGKILL');
    }
  });

  const current = (i: Instance) =>
    json(`${i.url}/api/policy-ledger/policies/privacy/current?locale=en`);

  it('serves a release made on one instance from the other within the cache interval, and switches both at the effective instant', async () => {
    const before = await current(b);
    assert.equal(before.status, 200);
    assert.equal(before.body.data.version, 2, 'at T0 the demo edition 2 is in force');
    // An editor on A writes and releases a new edition taking effect in one hour.
    const created = await json(
      `${a.url}/content-manager/collection-types/plugin::policy-ledger.edition?locale=kk`,
      {
        method: 'POST',
        token,
        body: JSON.stringify({
          title: 'v-next kk',
          body: '# Next\n\nkk',
          policy: {
            connect: [
              {
                documentId: (
                  await json(
                    `${a.url}/content-manager/collection-types/plugin::policy-ledger.policy`,
                    { token },
                  )
                ).body.results[0].documentId,
              },
            ],
          },
        }),
      },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const doc = created.body.data.documentId;
    const ru = await json(
      `${a.url}/content-manager/collection-types/plugin::policy-ledger.edition/${doc}?locale=ru`,
      { method: 'PUT', token, body: JSON.stringify({ title: 'v-next ru', body: '# Next\n\nru' }) },
    );
    assert.equal(ru.status, 200);
    const effectiveAt = new Date(T0.getTime() + 30 * 86_400_000).toISOString();
    const rel = await json(`${a.url}/policy-ledger/editions/${doc}/release`, {
      method: 'POST',
      token,
      body: JSON.stringify({ effectiveAt }),
    });
    assert.equal(rel.status, 200, JSON.stringify(rel.body));
    const next = rel.body.data.version;
    assert.equal(next, 3, 'the demo has editions 1 and 2');

    // B learns of it within its cache interval (1 s here), with no message from A.
    const deadline = Date.now() + 3000;
    let seen = false;
    while (Date.now() < deadline && !seen) {
      const r = await current(b);
      seen = r.body.data.upcoming?.version === next || r.body.data.version === next;
      if (!seen) await new Promise((res) => setTimeout(res, 100));
    }
    assert.ok(seen, 'B announces the release made on A');

    for (const i of [a, b]) await i.send('clock', { at: effectiveAt });
    const [ra, rb] = await Promise.all([current(a), current(b)]);
    assert.equal(ra.body.data.version, next);
    assert.equal(rb.body.data.version, next);
  });

  it('shares the abuse limits: one address gets its 10 submissions a minute across both instances, then 429s with Retry-After', async () => {
    const limits = {
      perAddress: { points: 10, seconds: 60 },
      perSubject: { points: 1000, seconds: 60 },
    };
    for (const i of [a, b]) await i.send('limits', { limits });
    try {
      const form = await json(`${a.url}/api/policy-ledger/forms/contact?locale=ru`);
      const v = form.body.data.policies[0].current.version;
      const posts = Array.from({ length: 30 }, (_, n) =>
        fetch(`${(n % 2 ? a : b).url}/api/policy-ledger/forms/contact/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            locale: 'ru',
            data: { name: 'L', email: `limited${n}@example.com` },
            purposes: { processing: true },
            accepted: [{ policy: 'privacy', version: v }],
          }),
        }).then(async (r) => ({
          status: r.status,
          retryAfter: r.headers.get('retry-after'),
          body: await r.json(),
        })),
      );
      const results = await Promise.all(posts);
      const created = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status === 429);
      assert.equal(created.length, 10, JSON.stringify(results.map((r) => r.status)));
      assert.equal(refused.length, 20);
      for (const r of refused) {
        assert.ok(Number(r.retryAfter) >= 1 && Number(r.retryAfter) <= 60, String(r.retryAfter));
        assert.equal(r.body.error.name, 'RateLimitError');
        assert.equal(r.body.error.details.scope, 'address');
      }
    } finally {
      for (const i of [a, b]) await i.send('limits');
    }
  });

  it('verifies the ledger after concurrent submissions to both, sealing and retention running once per period', async () => {
    const T1 = new Date(T0.getTime() + 31 * 86_400_000);
    for (const i of [a, b]) await i.send('clock', { at: T1.toISOString() });
    const form = await json(`${a.url}/api/policy-ledger/forms/contact?locale=ru`);
    const v = form.body.data.policies[0].current.version;
    const posts = Array.from({ length: 60 }, (_, n) =>
      json(`${(n % 2 ? a : b).url}/api/policy-ledger/forms/contact/submissions`, {
        method: 'POST',
        body: JSON.stringify({
          locale: 'ru',
          data: { name: 'N', email: `multi${n}@example.com` },
          purposes: { processing: true },
          accepted: [{ policy: 'privacy', version: v }],
        }),
      }),
    );
    const results = await Promise.all(posts);
    assert.ok(
      results.every((r) => r.status === 201),
      JSON.stringify(results.find((r) => r.status !== 201)),
    );

    // An hour later, both instances run their jobs for the same period at once.
    const at = new Date(T1.getTime() + 3_600_000).toISOString();
    for (const i of [a, b]) await i.send('clock', { at });
    const seals = await Promise.all([a.send('seal'), b.send('seal')]);
    assert.equal(seals.filter(Boolean).length, 1, 'one checkpoint for the period');
    const retention = await Promise.all([a.send('retention'), b.send('retention')]);
    assert.equal(retention.filter(Boolean).length, 1, 'one retention run for the day');

    for (const i of [a, b]) {
      const res = await json(`${i.url}/policy-ledger/ledger/verify`, {
        method: 'POST',
        token,
        body: '{}',
      });
      assert.equal(res.status, 200);
      assert.equal(res.body.data.ok, true, JSON.stringify(res.body.data.firstMismatch));
      assert.ok(res.body.data.events >= 60);
      assert.equal(res.body.data.latestCheckpoint.seqTo >= 60, true);
    }
  });
});
