/**
 * Pure helpers behind the officer's small things: the setup warnings' one line and dismissals,
 * the readable export's language, the Diff's default locale and edition labels, and the request
 * an audit entry points to.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import type { SetupWarning } from '../../shared/contracts';
import {
  DISMISSED_KEY,
  dismissWarning,
  readDismissed,
  splitWarnings,
  warningFingerprint,
} from '../../admin/src/utils/setupWarnings';
import { exportLocale } from '../../admin/src/utils/exportLocale';
import {
  defaultDiffLocale,
  editionOptionLabel,
} from '../../admin/src/pages/tabs/diff/diffDefaults';
import { requestOfEntry, shortRequestId } from '../../admin/src/pages/tabs/audit/auditRequest';

const memory = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
};

const warning = (
  code: SetupWarning['code'],
  values: SetupWarning['values'] = {},
): SetupWarning => ({
  code,
  message: code,
  values,
});

describe('setup warnings', () => {
  const off = warning('sealing-off');
  const mail = warning('mail-failing', { count: 2 });
  const behind = warning('sealing-behind', { unsealed: 5, age: 90, expected: 60 });

  it('counts every warning in one line while none is dismissed', () => {
    const { shown, count, error } = splitWarnings([off, mail], {});
    assert.deepEqual(shown, [off, mail]);
    assert.equal(count, 2);
    assert.equal(error, false);
  });

  it('hides a dismissed warning until it changes', () => {
    const storage = memory();
    const dismissed = dismissWarning(storage, mail);
    assert.deepEqual(readDismissed(storage), dismissed);
    assert.deepEqual(splitWarnings([off, mail], dismissed), {
      shown: [off],
      count: 1,
      error: false,
    });
    const more = warning('mail-failing', { count: 3 });
    assert.deepEqual(splitWarnings([off, more], dismissed).shown, [off, more]);
  });

  it('keeps a dismissed error-level warning counted in the line', () => {
    const dismissed = dismissWarning(memory(), behind);
    const { shown, count, error } = splitWarnings([behind], dismissed);
    assert.deepEqual(shown, []);
    assert.equal(count, 1);
    assert.equal(error, true);
  });

  it('fingerprints by code and values, whatever their order', () => {
    assert.equal(
      warningFingerprint(warning('sealing-behind', { a: 1, b: 2 })),
      warningFingerprint(warning('sealing-behind', { b: 2, a: 1 })),
    );
  });

  it('reads an unreadable or foreign entry as no dismissals', () => {
    assert.deepEqual(readDismissed(memory({ [DISMISSED_KEY]: 'not json' })), {});
    assert.deepEqual(readDismissed(memory({ [DISMISSED_KEY]: '[1]' })), {});
    assert.deepEqual(readDismissed(memory({ [DISMISSED_KEY]: '{"a":1,"b":"x"}' })), { b: 'x' });
    assert.deepEqual(readDismissed(undefined), {});
  });
});

describe('readable export language', () => {
  it('follows the interface language, English otherwise', () => {
    assert.equal(exportLocale('kk'), 'kk');
    assert.equal(exportLocale('ru-RU'), 'ru');
    assert.equal(exportLocale('en-GB'), 'en');
    assert.equal(exportLocale('de'), 'en');
    assert.equal(exportLocale(undefined), 'en');
  });
});

describe('Diff defaults', () => {
  it('prefers the interface language, then the policy default, then the first locale', () => {
    assert.equal(defaultDiffLocale(['en', 'kk', 'ru'], 'ru', 'kk'), 'ru');
    assert.equal(defaultDiffLocale(['en', 'kk', 'ru'], 'de', 'kk'), 'kk');
    assert.equal(defaultDiffLocale(['en', 'ru'], 'de', 'kk'), 'en');
    assert.equal(defaultDiffLocale(['en', 'kk-KZ'], 'kk', null), 'kk-KZ');
    assert.equal(defaultDiffLocale([], 'kk', 'kk'), '');
  });

  it('names a draft once, a released edition by version and state', () => {
    const draft = { version: null, editionDate: null, title: 'Privacy' };
    assert.equal(editionOptionLabel(draft, 'Draft', 'Draft'), 'Draft · Privacy');
    const released = { version: 3, editionDate: '2026-03-01', title: 'Privacy' };
    assert.equal(editionOptionLabel(released, 'v3', 'In force'), 'v3 · In force · 2026-03-01');
  });
});

describe('audit entries and requests', () => {
  const id = '1a2b3c4d-0000-4000-8000-000000000000';
  it("names a request's own entries by their target, others by the request in their details", () => {
    assert.equal(requestOfEntry({ action: 'request.status', target: id, details: {} }), id);
    assert.equal(
      requestOfEntry({ action: 'subject.erased', target: 'abc', details: { request: id } }),
      id,
    );
    assert.equal(requestOfEntry({ action: 'subject.erased', target: 'abc', details: {} }), null);
    assert.equal(shortRequestId(id), '1a2b3c4d');
  });
});
