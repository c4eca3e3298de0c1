import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createPolicyLedgerClient,
  isPolicyLedgerError,
  isPolicyLedgerNetworkError,
  newIdempotencyKey,
  type FetchLike,
} from '../../client/src';
import { urlOf } from '../../client/src/request';
import { delayBefore } from '../../client/src/retry';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
const strapiError = (status: number, name: string, message: string, details = {}, headers = {}) =>
  json(status, { data: null, error: { status, name, message, details } }, headers);

/** A fetch that answers from a script, and what it was asked. */
function scripted(...answers: Array<Response | Error>) {
  const calls: Array<{ url: string; init: RequestInit; headers: Headers }> = [];
  const f: FetchLike = async (url, init) => {
    calls.push({ url, init, headers: new Headers(init.headers) });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  };
  return { calls, fetch: f };
}

const sleeps: number[] = [];
const sleep = async (ms: number) => void sleeps.push(ms);
const client = (f: FetchLike, extra = {}) =>
  createPolicyLedgerClient({ baseUrl: 'https://cms.example.kz/', fetch: f, sleep, ...extra });
const created = () => json(201, { data: { submissionId: 's1' } });
const submission = { locale: 'en', accepted: [{ policy: 'privacy', version: 1 }] };

describe('client: requests', () => {
  it('encodes path segments and query values, and leaves out empty ones', () => {
    assert.equal(
      urlOf('https://x/api/policy-ledger', '/policies/a%2Fb/current', {
        locale: 'kk',
        format: undefined,
        subject: 'a+b@example.kz',
      }),
      'https://x/api/policy-ledger/policies/a%2Fb/current?locale=kk&subject=a%2Bb%40example.kz',
    );
  });

  it('sends the token, the prefix, If-None-Match and Accept-Language only when given', async () => {
    const s = scripted(new Response(null, { status: 304, headers: { etag: '"h-1"' } }));
    const res = await client(s.fetch, { token: 't0k', prefix: '/cms/policy-ledger' }).current(
      'privacy',
      { locale: 'ru', etag: '"h-1"' },
    );
    assert.deepEqual(res, { status: 'not-modified', etag: '"h-1"' });
    assert.equal(
      s.calls[0].url,
      'https://cms.example.kz/cms/policy-ledger/policies/privacy/current?locale=ru',
    );
    assert.equal(s.calls[0].headers.get('authorization'), 'Bearer t0k');
    assert.equal(s.calls[0].headers.get('if-none-match'), '"h-1"');
    assert.equal(s.calls[0].headers.get('accept-language'), null);
    const t = scripted(json(200, { data: { policy: 'privacy' } }, { etag: '"h-2"' }));
    const ok = await client(t.fetch).current('privacy', { acceptLanguage: 'kk-KZ' });
    assert.deepEqual(ok, { status: 'ok', data: { policy: 'privacy' }, etag: '"h-2"' });
    assert.equal(t.calls[0].headers.get('accept-language'), 'kk-KZ');
  });

  it('types error answers: Strapi name, message, details and field errors', async () => {
    const details = { errors: [{ path: ['data', 'email'], message: 'data.email is required' }] };
    const s = scripted(strapiError(400, 'ValidationError', 'data.email is required', details));
    const e = await client(s.fetch)
      .submit('contact', submission)
      .catch((x: unknown) => x);
    assert.ok(isPolicyLedgerError(e));
    assert.deepEqual(
      [e.status, e.name, e.message, e.fieldErrors],
      [400, 'ValidationError', 'data.email is required', details.errors],
    );
    assert.equal(s.calls.length, 1, 'a 400 is not retried');
  });

  it('names an answer that is not Strapi JSON after its status', async () => {
    const s = scripted(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const e = await client(s.fetch)
      .policies()
      .catch((x: unknown) => x);
    assert.ok(isPolicyLedgerError(e));
    assert.deepEqual([e.status, e.name, e.message, e.details], [502, 'HttpError', 'HTTP 502', {}]);
  });

  it('recognizes its errors across two copies of the module (by a registered symbol)', () => {
    const foreign = Object.assign(new Error('x'), { status: 404 });
    Object.defineProperty(foreign, Symbol.for('policy-ledger.error'), { value: 'http' });
    assert.equal(isPolicyLedgerError(foreign), true);
    assert.equal(isPolicyLedgerNetworkError(foreign), false);
    assert.equal(isPolicyLedgerError(new Error('x')), false);
  });
});

describe('client: writes and retries', () => {
  it('retries a network failure and a 503 with the same Idempotency-Key', async () => {
    sleeps.length = 0;
    const s = scripted(new TypeError('fetch failed'), strapiError(503, 'Busy', 'busy'), created());
    const res = await client(s.fetch).submit('contact', submission);
    assert.deepEqual(res, { submissionId: 's1' });
    const keys = s.calls.map((c) => c.headers.get('idempotency-key'));
    assert.equal(keys.length, 3);
    assert.match(keys[0]!, UUID);
    assert.deepEqual(new Set(keys).size, 1);
    assert.equal(sleeps.length, 2);
    assert.ok(sleeps[0] >= 200 && sleeps[0] < 300 && sleeps[1] >= 400 && sleeps[1] < 500);
    assert.equal(s.calls[0].init.method, 'POST');
    assert.equal(s.calls[0].headers.get('content-type'), 'application/json');
    assert.deepEqual(JSON.parse(String(s.calls[0].init.body)), submission);
  });

  it('uses a given key, waits as Retry-After says, and gives up after `retries`', async () => {
    sleeps.length = 0;
    const s = scripted(strapiError(503, 'Busy', 'busy', {}), strapiError(504, 'Timeout', 't'));
    const busy = strapiError(503, 'Busy', 'busy', {}, { 'retry-after': '2' });
    const t = scripted(busy, created());
    await client(t.fetch).consent(
      { subject: 'a@b.kz', policy: 'privacy', version: 1, locale: 'en', action: 'granted' },
      { idempotencyKey: 'my-key' },
    );
    assert.deepEqual(sleeps, [2000]);
    assert.equal(t.calls[1].headers.get('idempotency-key'), 'my-key');
    const e = await client(s.fetch)
      .withdraw({ subject: 'a@b.kz' }, { retries: 1 })
      .catch((x: unknown) => x);
    assert.ok(isPolicyLedgerError(e));
    assert.equal(e.status, 504);
    assert.equal(s.calls.length, 2);
  });

  it('wraps a network failure once retries are spent, and never wraps an abort', async () => {
    const e = await client(scripted(new TypeError('a'), new TypeError('b')).fetch)
      .submit('contact', submission, { retries: 1 })
      .catch((x: unknown) => x);
    assert.ok(isPolicyLedgerNetworkError(e));
    assert.equal((e.cause as Error).message, 'b');
    const abort = new AbortController();
    abort.abort();
    const aborted = await client(scripted(new DOMException('aborted', 'AbortError')).fetch)
      .submit('contact', submission, { signal: abort.signal })
      .catch((x: unknown) => x);
    assert.equal((aborted as Error).name, 'AbortError');
  });

  it('backs off 200 ms × 2ⁿ (plus under 100 ms), or Retry-After up to 10 s', () => {
    for (let n = 0; n < 3; n++) {
      const d = delayBefore(n, new TypeError('x'));
      assert.ok(d >= 200 * 2 ** n && d < 200 * 2 ** n + 100);
    }
  });
});

describe('newIdempotencyKey', () => {
  it('is a v4 UUID, also from getRandomValues alone', () => {
    assert.match(newIdempotencyKey(), UUID);
    const bare = { getRandomValues: crypto.getRandomValues.bind(crypto) };
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey(bare)));
    assert.equal(keys.size, 50);
    for (const k of keys) assert.match(k, UUID);
  });
});
