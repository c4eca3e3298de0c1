/**
 * The acceptance table's groupings (admin/src/pages/tabs/acceptance/groups.ts): which
 * groupings are offered, how a count is read, how a group cell reads in each plugin
 * language, and how rows are keyed and marked for the browser tests.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createIntl } from 'react-intl';

import {
  COUNT_KEYS,
  GROUP_BY_LABEL,
  GROUP_BY_OPTIONS,
  GROUP_KEY_LABEL,
  groupValue,
  isGroupByOption,
  isGroupKey,
  num,
  rowDataAttributes,
  rowKey,
} from '../../admin/src/pages/tabs/acceptance/groups';
import en from '../../admin/src/translations/en.json';
import kk from '../../admin/src/translations/kk.json';
import ru from '../../admin/src/translations/ru.json';
import type { AcceptanceRow, GroupKey } from '../../shared/contracts';

/** The messages as registerTrads registers them: prefixed with the plugin id. */
const intl = (locale: string, messages: Record<string, string> = {}) =>
  createIntl({
    locale,
    messages: Object.fromEntries(
      Object.entries(messages).map(([k, v]) => [`policy-ledger.${k}`, v]),
    ),
    // A locale without the plugin's messages falls back to the English defaults, quietly.
    onError: () => {},
  });

const counts = { granted: 0, implied: 0, withdrawn: 0, denied: 0, total: 0, notified: 0 };
const row = (groups: Partial<AcceptanceRow>, over: Partial<AcceptanceRow> = {}): AcceptanceRow => ({
  ...counts,
  ...groups,
  ...over,
});

describe('admin: acceptance groupings offered', () => {
  it('offers each grouping once, every one of them labelled and made of known keys', () => {
    assert.equal(new Set(GROUP_BY_OPTIONS).size, GROUP_BY_OPTIONS.length);
    assert.deepEqual(Object.keys(GROUP_BY_LABEL).sort(), [...GROUP_BY_OPTIONS].sort());
    for (const option of GROUP_BY_OPTIONS) {
      const keys = option.split(',');
      assert.ok(keys.length >= 1 && keys.every(isGroupKey), option);
      assert.equal(new Set(keys).size, keys.length, `${option} names a key once`);
      assert.ok(GROUP_BY_LABEL[option].length > 0);
    }
    for (const key of Object.keys(GROUP_KEY_LABEL)) assert.ok(isGroupKey(key), key);
  });

  it('takes exactly the five group keys, case and spelling as the server has them', () => {
    for (const key of ['version', 'locale', 'form', 'day', 'strength'])
      assert.equal(isGroupKey(key), true, key);
    for (const key of ['', 'Version', 'VERSION', ' version', 'version,locale', 'total', 'toString'])
      assert.equal(isGroupKey(key), false, JSON.stringify(key));
  });

  it('takes only the offered groupings, in their order and without spaces', () => {
    for (const option of GROUP_BY_OPTIONS) assert.equal(isGroupByOption(option), true, option);
    for (const value of [
      '',
      'locale',
      'form',
      'locale,version',
      'day,version',
      'version, locale',
      'version,locale,form',
      'VERSION',
      'constructor',
    ])
      assert.equal(isGroupByOption(value), false, JSON.stringify(value));
  });

  it('lists every decision count, and the notices after the total', () => {
    assert.deepEqual(COUNT_KEYS, [
      'granted',
      'implied',
      'withdrawn',
      'denied',
      'total',
      'notified',
    ]);
  });
});

describe('admin: a count as a number', () => {
  it('keeps finite numbers, zero and negative ones included', () => {
    assert.equal(num(12), 12);
    assert.equal(num(0), 0);
    assert.equal(num(-3), -3);
    assert.equal(num(2.5), 2.5);
  });

  it('reads counts the database sends as strings (bigint counts)', () => {
    assert.equal(num('42'), 42);
    assert.equal(num(' 7 '), 7);
    assert.equal(num('0'), 0);
  });

  it('gives 0 for anything that is not a finite number', () => {
    for (const value of [
      undefined,
      null,
      '',
      'abc',
      '12 people',
      NaN,
      Infinity,
      -Infinity,
      'Infinity',
      {},
    ])
      assert.equal(num(value), 0, String(value));
  });
});

describe('admin: a group cell', () => {
  const { formatMessage } = intl('en', en);
  const cell = (key: GroupKey, groups: Partial<AcceptanceRow>) =>
    groupValue(key, row(groups), formatMessage);

  it('names a version "v<n>", version 0 included', () => {
    assert.equal(cell('version', { version: 3 }), 'v3');
    assert.equal(cell('version', { version: 0 }), 'v0');
  });

  it('says how a decision without a form or a proof came in', () => {
    assert.equal(cell('form', { form: null }), 'via API');
    assert.equal(cell('form', { form: '' }), 'via API');
    assert.equal(cell('form', {}), 'via API');
    assert.equal(cell('form', { form: 'signup' }), 'signup');
    assert.equal(cell('strength', { strength: null }), 'your server, an admin or continued use');
    assert.equal(cell('strength', { strength: 'confirmed' }), 'confirmed by e-mail');
    assert.equal(cell('strength', { strength: 'unverified' }), 'unverified (anonymous)');
  });

  it('shows a dash for a missing version, locale or day, and the value otherwise', () => {
    for (const key of ['version', 'locale', 'day'] as const) {
      assert.equal(cell(key, {}), '—', key);
      assert.equal(cell(key, { [key]: null }), '—', key);
    }
    assert.equal(cell('locale', { locale: 'kk' }), 'kk');
    assert.equal(cell('day', { day: '2029-05-10' }), '2029-05-10');
  });

  it('reads in Russian and Kazakh with their messages, in English without any', () => {
    for (const [locale, messages] of [
      ['ru', ru],
      ['kk', kk],
    ] as const) {
      const translated = intl(locale, messages).formatMessage;
      const via = groupValue('form', row({ form: null }), translated);
      assert.ok(via.length > 0 && via !== 'via API', `${locale}: ${via}`);
      const confirmed = groupValue('strength', row({ strength: 'confirmed' }), translated);
      assert.ok(confirmed !== 'confirmed by e-mail', `${locale}: ${confirmed}`);
      // What is not a word stays as it is.
      assert.equal(groupValue('day', row({ day: '2029-05-10' }), translated), '2029-05-10');
    }
    const fallback = intl('de').formatMessage;
    assert.equal(groupValue('form', row({ form: null }), fallback), 'via API');
    assert.equal(groupValue('version', row({ version: 2 }), fallback), 'v2');
  });
});

describe('admin: rows of the acceptance table', () => {
  it('keys a row by its group values, in the order of the grouping', () => {
    const r = row({ version: 2, locale: 'kk', form: 'signup', day: '2029-05-10' });
    assert.equal(rowKey(r, ['version']), '2');
    assert.equal(rowKey(r, ['version', 'locale']), '2|kk');
    assert.equal(rowKey(r, ['locale', 'version']), 'kk|2');
    assert.equal(rowKey(r, ['version', 'form']), '2|signup');
    assert.equal(rowKey(r, []), '');
  });

  it('gives rows with the same group values the same key, whatever their counts', () => {
    const a = row({ version: 1, locale: 'ru' }, { granted: 5, total: 5 });
    const b = row({ version: 1, locale: 'ru' }, { denied: 2, total: 2 });
    const c = row({ version: 1, locale: 'kk' }, { granted: 5, total: 5 });
    assert.equal(rowKey(a, ['version', 'locale']), rowKey(b, ['version', 'locale']));
    assert.notEqual(rowKey(a, ['version', 'locale']), rowKey(c, ['version', 'locale']));
  });

  it('keys a missing group value as empty, keeping the other positions', () => {
    assert.equal(rowKey(row({ version: 1, form: null }), ['version', 'form']), '1|');
    assert.equal(rowKey(row({ form: 'signup' }), ['version', 'form']), '|signup');
    assert.equal(rowKey(row({ strength: 'confirmed' }), ['version', 'strength']), '|confirmed');
  });

  it('marks every grouped key on a row, a missing value as ""', () => {
    assert.deepEqual(rowDataAttributes(row({ version: 2, locale: null }), ['version', 'locale']), {
      'data-version': '2',
      'data-locale': '',
    });
    assert.deepEqual(rowDataAttributes(row({}), ['form', 'day']), {
      'data-form': '',
      'data-day': '',
    });
  });

  it('marks an ungrouped key only when the row has a value for it, version 0 included', () => {
    assert.deepEqual(rowDataAttributes(row({ version: 0, locale: null, day: '2029-05-10' }), []), {
      'data-version': '0',
      'data-day': '2029-05-10',
    });
    assert.deepEqual(rowDataAttributes(row({}), []), {});
  });

  it('never marks the evidence strength (no browser test reads it)', () => {
    assert.deepEqual(
      rowDataAttributes(row({ version: 1, strength: 'confirmed' }), ['version', 'strength']),
      { 'data-version': '1' },
    );
  });
});
