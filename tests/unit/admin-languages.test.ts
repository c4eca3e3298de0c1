/**
 * The admin's interface languages as the plugin's switch lists them
 * (admin/src/language/adminLocales.ts): the host's configured locales, English first, each named
 * in its own language.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  adminLocales,
  nativeLanguageName,
  recordAdminLocales,
} from '../../admin/src/language/adminLocales';

describe('admin interface languages', () => {
  it('lists the configured locales once each, English first', () => {
    assert.deepEqual(adminLocales(), ['en']);
    recordAdminLocales(['ru', 'kk', 'en', 'ru', '']);
    assert.deepEqual(adminLocales(), ['en', 'ru', 'kk']);
  });

  it('names each language in that language, Kazakh included', () => {
    assert.equal(nativeLanguageName('en'), 'English');
    assert.equal(nativeLanguageName('ru'), 'Русский');
    assert.match(nativeLanguageName('kk'), /^Қазақ/);
    assert.equal(nativeLanguageName('not a tag'), 'not a tag');
  });
});
