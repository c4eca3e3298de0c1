import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainCurrentQuery } from '../../server/src/fast-path/plain-query';

describe('plainCurrentQuery (what the raw listener answers itself)', () => {
  it('accepts no query, a locale and a format, in any order', () => {
    assert.deepEqual(plainCurrentQuery(''), { locale: null, format: 'markdown' });
    assert.deepEqual(plainCurrentQuery('locale=kk'), { locale: 'kk', format: 'markdown' });
    assert.deepEqual(plainCurrentQuery('format=html&locale=ru-KZ'), {
      locale: 'ru-KZ',
      format: 'html',
    });
  });

  it('leaves everything else to the Koa way, which validates it', () => {
    for (const q of [
      'locale=kk&locale=ru', // repeated
      'locale[]=kk', // qs array syntax
      'locale=k%6B', // escapes
      'locale=', // empty
      'locale=kk_KZ', // malformed
      'format=pdf',
      'format=html&format=markdown',
      'locale=kk&page=2', // another parameter
      'locale', // no value
      '=kk',
      'locale=kk&',
    ]) {
      assert.equal(plainCurrentQuery(q), null, q);
    }
  });
});
