import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  isValidLocaleTag,
  parseAcceptLanguage,
  matchLocale,
  negotiateLocale,
  type NegotiateInput,
} from '../../server/src/domain/locale';

describe('isValidLocaleTag', () => {
  it('accepts well-formed tags', () => {
    for (const tag of ['kk', 'kk-KZ', 'zh-Hant-TW', 'ru', 'en-GB', 'es-419', 'fil', 'de-CH-1901']) {
      assert.equal(isValidLocaleTag(tag), true, tag);
    }
  });

  it('rejects malformed or dangerous tags', () => {
    for (const tag of [
      '',
      'k',
      'kk_KZ',
      '../x',
      'kk;drop',
      'kk-',
      '-kk',
      'kk--KZ',
      'kkkk',
      '12',
      'kk KZ',
      'kk\n',
      'kk-KZ/..',
      'kk-abcdefghi',
      '*',
    ]) {
      assert.equal(isValidLocaleTag(tag), false, JSON.stringify(tag));
    }
  });

  it('rejects tags longer than 35 characters even if the pattern matches', () => {
    const long = 'en' + '-abcdefgh'.repeat(4); // 2 + 36 = 38 chars
    assert.equal(long.length > 35, true);
    assert.equal(isValidLocaleTag(long), false);
    const ok = 'en' + '-abcdefgh'.repeat(3) + '-abcdef'; // 2 + 27 + 7 = 36 → still too long
    assert.equal(isValidLocaleTag(ok), false);
    const fits = 'en' + '-abcdefgh'.repeat(3) + '-abcde'; // 35
    assert.equal(fits.length, 35);
    assert.equal(isValidLocaleTag(fits), true);
  });
});

describe('parseAcceptLanguage', () => {
  it('returns [] for a missing or empty header', () => {
    assert.deepEqual(parseAcceptLanguage(undefined), []);
    assert.deepEqual(parseAcceptLanguage(null), []);
    assert.deepEqual(parseAcceptLanguage(''), []);
  });

  it('defaults q to 1 and orders by q descending', () => {
    assert.deepEqual(parseAcceptLanguage('en;q=0.5, kk-KZ, ru;q=0.8'), [
      { tag: 'kk-KZ', q: 1 },
      { tag: 'ru', q: 0.8 },
      { tag: 'en', q: 0.5 },
    ]);
  });

  it('parses a typical browser header', () => {
    assert.deepEqual(parseAcceptLanguage('ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7'), [
      { tag: 'ru-RU', q: 1 },
      { tag: 'ru', q: 0.9 },
      { tag: 'en-US', q: 0.8 },
      { tag: 'en', q: 0.7 },
    ]);
  });

  it('drops entries with q=0 (in any spelling)', () => {
    assert.deepEqual(parseAcceptLanguage('en;q=0, kk, ru;q=0.000, de;q=0.0'), [
      { tag: 'kk', q: 1 },
    ]);
  });

  it('keeps the header order for equal q-values', () => {
    assert.deepEqual(
      parseAcceptLanguage('ru;q=0.5, kk;q=0.5, en;q=0.5, de').map((w) => w.tag),
      ['de', 'ru', 'kk', 'en'],
    );
    assert.deepEqual(
      parseAcceptLanguage('kk, ru, en').map((w) => w.tag),
      ['kk', 'ru', 'en'],
    );
  });

  it('ignores malformed entries but keeps the valid ones', () => {
    const parsed = parseAcceptLanguage(
      'kk_KZ, ../etc, ru;q=abc, en;q=2, de;q=1.5, fr;q=.5, , ;q=0.5, es;foo=bar, kk;q=0.4, it;q=-1',
    );
    assert.deepEqual(parsed, [{ tag: 'kk', q: 0.4 }]);
  });

  it('accepts q=1.0/1.000 and up to three decimals, tolerating whitespace', () => {
    assert.deepEqual(parseAcceptLanguage(' ru ; q = 0.125 ,kk;Q=1.000,en;q=1.'), [
      { tag: 'kk', q: 1 },
      { tag: 'en', q: 1 },
      { tag: 'ru', q: 0.125 },
    ]);
    assert.deepEqual(parseAcceptLanguage('ru;q=0.1234'), []);
  });

  it('keeps the wildcard "*"', () => {
    assert.deepEqual(parseAcceptLanguage('kk, *;q=0.1'), [
      { tag: 'kk', q: 1 },
      { tag: '*', q: 0.1 },
    ]);
  });
});

describe('matchLocale', () => {
  it('matches exactly, case-insensitively, returning the available spelling', () => {
    assert.equal(matchLocale('KK', ['ru', 'kk']), 'kk');
    assert.equal(matchLocale('en-gb', ['en-GB', 'en']), 'en-GB');
  });

  it('prefers the bare language over a sibling region (en-GB → en, not en-US)', () => {
    assert.equal(matchLocale('en-GB', ['en-US', 'en']), 'en');
    assert.equal(matchLocale('kk-KZ', ['kk-CN', 'kk']), 'kk');
  });

  it('falls back to the primary subtag, then to any locale of the same language', () => {
    assert.equal(matchLocale('kk-KZ', ['ru', 'kk']), 'kk');
    assert.equal(matchLocale('en-GB', ['ru', 'en-US']), 'en-US');
    assert.equal(matchLocale('fr', ['ru', 'kk']), null);
  });
});

const base: NegotiateInput = {
  available: ['kk', 'ru', 'en'],
  known: ['kk', 'ru', 'en', 'de', 'fr'],
  fallbacks: {},
  defaultLocale: 'kk',
};

const nego = (over: Partial<NegotiateInput>) => negotiateLocale({ ...base, ...over });

/**
 * Wraps a fallback map so that a chain walk that never ends fails fast instead
 * of hanging the test process: more than `limit` lookups throws.
 */
function bounded(map: Record<string, string[]>, limit = 100): Record<string, string[]> {
  let lookups = 0;
  return new Proxy(map, {
    get(target, key, receiver) {
      if (typeof key === 'string' && ++lookups > limit)
        throw new Error(`fallback chain looked up ${lookups} times: cycle not detected`);
      return Reflect.get(target, key, receiver);
    },
  });
}

describe('negotiateLocale', () => {
  it('serves the ?locale= value when available, ignoring Accept-Language', () => {
    assert.deepEqual(nego({ queryLocale: 'ru', acceptLanguage: 'en, kk;q=0.9' }), {
      requestedLocale: 'ru',
      servedLocale: 'ru',
    });
  });

  it('lets ?locale= win even when it is not available (it walks its own chain, not Accept-Language)', () => {
    const r = nego({
      available: ['kk', 'ru'],
      queryLocale: 'en',
      acceptLanguage: 'ru',
      fallbacks: { en: ['kk'] },
    });
    assert.deepEqual(r, { requestedLocale: 'en', servedLocale: 'kk' });
  });

  it('uses Accept-Language when there is no ?locale=', () => {
    assert.deepEqual(nego({ queryLocale: null, acceptLanguage: 'en' }), {
      requestedLocale: 'en',
      servedLocale: 'en',
    });
    assert.deepEqual(nego({ queryLocale: '', acceptLanguage: 'ru' }), {
      requestedLocale: 'ru',
      servedLocale: 'ru',
    });
  });

  it('maps kk-KZ to kk', () => {
    assert.deepEqual(nego({ queryLocale: 'kk-KZ' }), { requestedLocale: 'kk', servedLocale: 'kk' });
    assert.deepEqual(nego({ acceptLanguage: 'kk-KZ' }), {
      requestedLocale: 'kk',
      servedLocale: 'kk',
    });
  });

  it('matches case-insensitively', () => {
    assert.deepEqual(nego({ queryLocale: 'RU' }), { requestedLocale: 'ru', servedLocale: 'ru' });
  });

  it('picks the highest-q available locale', () => {
    assert.deepEqual(nego({ acceptLanguage: 'en;q=0.5, ru;q=0.9, kk;q=0.1' }), {
      requestedLocale: 'ru',
      servedLocale: 'ru',
    });
    assert.deepEqual(nego({ acceptLanguage: 'kk;q=0.2, en' }), {
      requestedLocale: 'en',
      servedLocale: 'en',
    });
  });

  it('skips unavailable higher-q locales in favour of an available lower-q one', () => {
    assert.deepEqual(nego({ acceptLanguage: 'fr, de;q=0.9, ru;q=0.3' }), {
      requestedLocale: 'ru',
      servedLocale: 'ru',
    });
  });

  it('ignores q=0 locales even when available', () => {
    const r = nego({ available: ['kk', 'ru'], acceptLanguage: 'ru;q=0, kk;q=0.1' });
    assert.deepEqual(r, { requestedLocale: 'kk', servedLocale: 'kk' });
  });

  it('matches an unavailable region to its language (en-GB → en)', () => {
    assert.deepEqual(nego({ acceptLanguage: 'en-GB' }), {
      requestedLocale: 'en',
      servedLocale: 'en',
    });
    assert.deepEqual(nego({ queryLocale: 'en-GB' }), { requestedLocale: 'en', servedLocale: 'en' });
  });

  it('prefers the bare language over another region of it (en-GB with en-US and en → en)', () => {
    const r = nego({ available: ['en-US', 'en', 'kk'], acceptLanguage: 'en-GB' });
    assert.deepEqual(r, { requestedLocale: 'en', servedLocale: 'en' });
  });

  it('prefers the exact region when it is available', () => {
    const r = nego({ available: ['en', 'en-GB', 'kk'], acceptLanguage: 'en-GB' });
    assert.deepEqual(r, { requestedLocale: 'en-GB', servedLocale: 'en-GB' });
  });

  it('walks the fallback chain when the requested locale is missing (en → ru)', () => {
    const r = nego({ available: ['kk', 'ru'], queryLocale: 'en', fallbacks: { en: ['ru'] } });
    assert.deepEqual(r, { requestedLocale: 'en', servedLocale: 'ru' });
  });

  it('walks the chain for an Accept-Language request too, naming the language as requested', () => {
    const r = nego({
      available: ['kk', 'ru'],
      acceptLanguage: 'en-US, de;q=0.5',
      fallbacks: { en: ['ru'] },
    });
    assert.deepEqual(r, { requestedLocale: 'en', servedLocale: 'ru' });
  });

  it('follows multi-step chains in order', () => {
    const r = nego({
      available: ['kk', 'ru'],
      queryLocale: 'de',
      fallbacks: { de: ['fr', 'en'], fr: ['xx'], en: ['ru'] },
    });
    assert.deepEqual(r, { requestedLocale: 'de', servedLocale: 'ru' });
    const r2 = nego({
      available: ['kk', 'ru'],
      queryLocale: 'de',
      fallbacks: { de: ['kk', 'ru'] },
    });
    assert.deepEqual(r2, { requestedLocale: 'de', servedLocale: 'kk' });
  });

  it('does not loop forever on a cyclic chain and ends at the default locale', () => {
    const r = nego({
      available: ['kk', 'ru'],
      defaultLocale: 'ru',
      queryLocale: 'en',
      fallbacks: bounded({ en: ['de'], de: ['fr'], fr: ['en', 'de'] }),
    });
    assert.deepEqual(r, { requestedLocale: 'en', servedLocale: 'ru' });
  });

  it('does not loop forever on a self-referencing chain', () => {
    const r = nego({
      available: ['ru'],
      defaultLocale: 'ru',
      queryLocale: 'en',
      fallbacks: bounded({ en: ['en', 'EN'] }),
    });
    assert.deepEqual(r, { requestedLocale: 'en', servedLocale: 'ru' });
  });

  it('serves the policy default locale when there is no hint', () => {
    assert.deepEqual(nego({}), { requestedLocale: 'kk', servedLocale: 'kk' });
    assert.deepEqual(nego({ defaultLocale: 'ru' }), { requestedLocale: 'ru', servedLocale: 'ru' });
    assert.deepEqual(nego({ defaultLocale: 'ru', queryLocale: null, acceptLanguage: '' }), {
      requestedLocale: 'ru',
      servedLocale: 'ru',
    });
  });

  it('serves the default when the Accept-Language header has only malformed entries', () => {
    assert.deepEqual(nego({ defaultLocale: 'ru', acceptLanguage: 'kk_KZ, ;;;, ../x' }), {
      requestedLocale: 'ru',
      servedLocale: 'ru',
    });
  });

  it('serves the default locale for an unknown language without a chain', () => {
    const r = nego({ defaultLocale: 'ru', queryLocale: 'fr' });
    assert.deepEqual(r, { requestedLocale: 'fr', servedLocale: 'ru' });
    const r2 = nego({ defaultLocale: 'ru', acceptLanguage: 'ja-JP' });
    assert.deepEqual(r2, { requestedLocale: 'ja', servedLocale: 'ru' });
  });

  it('serves the default locale for "*"', () => {
    assert.deepEqual(nego({ defaultLocale: 'ru', acceptLanguage: '*' }), {
      requestedLocale: 'ru',
      servedLocale: 'ru',
    });
    assert.deepEqual(nego({ defaultLocale: 'en', acceptLanguage: 'fr, *;q=0.5' }), {
      requestedLocale: 'en',
      servedLocale: 'en',
    });
  });

  it('treats "*" by its q-value like any other entry', () => {
    // "*" at q=1 before kk at q=0.5: the wildcard comes first, so the default is served.
    assert.deepEqual(nego({ defaultLocale: 'ru', acceptLanguage: '*, kk;q=0.5' }), {
      requestedLocale: 'ru',
      servedLocale: 'ru',
    });
    // kk at q=1 before "*": kk is served.
    assert.deepEqual(nego({ defaultLocale: 'ru', acceptLanguage: 'kk, *;q=0.5' }), {
      requestedLocale: 'kk',
      servedLocale: 'kk',
    });
  });

  it('serves some available locale when even the default locale is missing', () => {
    const r = nego({ available: ['ru'], defaultLocale: 'kk', queryLocale: 'fr' });
    assert.deepEqual(r, { requestedLocale: 'fr', servedLocale: 'ru' });
    const r2 = nego({ available: ['ru'], defaultLocale: 'kk' });
    assert.equal(r2.servedLocale, 'ru');
  });

  it('always serves a locale the edition actually has', () => {
    const inputs: Partial<NegotiateInput>[] = [
      { queryLocale: 'zz' },
      { acceptLanguage: 'zz, yy;q=0.5' },
      { acceptLanguage: '*' },
      { queryLocale: 'en', fallbacks: { en: ['zz'] }, available: ['ru'] },
      { defaultLocale: 'zz' },
    ];
    for (const over of inputs) {
      const r = nego(over);
      assert.ok(
        (over.available ?? base.available).includes(r.servedLocale),
        JSON.stringify({ over, r }),
      );
    }
  });

  it('throws when the edition has no locale at all', () => {
    assert.throws(() => nego({ available: [] }), /no locale/);
  });
});
