import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormDefinition } from '../../client/src';
import { fieldMessages, pageUrlOf, submissionOf } from '../../react/src/submission';

const edition = (version: number, contentHash: string) => ({
  version,
  effectiveAt: '2026-01-01T00:00:00.000Z',
  changeKind: 'material' as const,
  servedLocale: 'ru',
  title: 'Политика',
  contentHash,
});

const def: FormDefinition = {
  key: 'contact',
  name: 'Contact',
  revision: 2,
  hash: 'f'.repeat(64),
  locale: 'ru',
  title: 'Заявка',
  doubleOptIn: false,
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      category: 'identity',
      maxLength: null,
      options: null,
      label: 'Имя',
    },
    {
      name: 'news',
      type: 'checkbox',
      required: false,
      category: 'other',
      maxLength: null,
      options: null,
      label: 'Новости',
    },
  ],
  purposes: [
    { key: 'processing', required: true, legalBasis: 'consent', label: 'Обработка' },
    { key: 'marketing', required: false, legalBasis: 'consent', label: 'Рассылка' },
  ],
  policies: [
    {
      policy: 'privacy',
      name: 'Privacy',
      current: edition(3, 'a'.repeat(64)),
      upcoming: edition(4, 'b'.repeat(64)),
    },
    { policy: 'terms', name: 'Terms', current: null, upcoming: edition(1, 'c'.repeat(64)) },
    { policy: 'cookies', name: 'Cookies', current: null, upcoming: null },
  ],
};

describe('React layer: what the consent form sends', () => {
  it('sends filled fields, every purpose (unticked = false), and the exact editions shown', () => {
    const body = submissionOf(
      def,
      { name: 'Дана', news: false, stray: 'x' },
      { processing: true },
      'https://shop.kz/contact',
    );
    assert.deepEqual(body, {
      locale: 'ru',
      data: { name: 'Дана' },
      purposes: { processing: true, marketing: false },
      accepted: [
        { policy: 'privacy', version: 3, hash: 'a'.repeat(64) },
        { policy: 'terms', version: 1, hash: 'c'.repeat(64) },
      ],
      pageUrl: 'https://shop.kz/contact',
    });
  });

  it('puts the server’s field errors by path, without the path in the text', () => {
    const map = fieldMessages(
      [
        { path: ['data', 'email'], message: 'data.email must be an e-mail address' },
        { path: ['data', 'email'], message: 'data.email second' },
        { path: ['data', 'phone'], message: 'data.phone is not a phone number' },
        {
          path: ['purposes', 'processing'],
          message: 'purposes.processing is required to submit this form',
        },
      ],
      'Обязательно',
    );
    assert.deepEqual(map, {
      'data.email': 'Must be an e-mail address',
      'data.phone': 'Not a phone number',
      'purposes.processing': 'Обязательно',
    });
  });

  it('records the page without query or fragment', () => {
    assert.equal(pageUrlOf({ origin: 'https://shop.kz', pathname: '/a' }), 'https://shop.kz/a');
    assert.equal(pageUrlOf({ origin: 'null', pathname: '/a' }), undefined);
    assert.equal(pageUrlOf(undefined), undefined);
  });
});
