import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { identifyingValues } from '../../server/src/domain/identifiers';
import { subjectRef } from '../../server/src/domain/subject';
import { chunked, identifierRows } from '../../server/src/db/identifiers';
import { storedIdentifierRows } from '../../server/src/db/identifier-backfill';
import type { FormField } from '../../server/src/domain/form';

const FIELDS: Array<Pick<FormField, 'name' | 'type'>> = [
  { name: 'name', type: 'text' },
  { name: 'phone', type: 'phone' },
  { name: 'email', type: 'email' },
  { name: 'work', type: 'email' },
  { name: 'agree', type: 'checkbox' },
];

describe('identifyingValues', () => {
  it('takes each filled e-mail and phone field, canonical, in field order', () => {
    assert.deepEqual(
      identifyingValues(FIELDS, {
        name: 'ana@example.kz', // a text field: not an identifier
        phone: '+77011234567',
        email: 'ana@example.kz',
        agree: true,
      }),
      ['phone:+77011234567', 'email:ana@example.kz'],
    );
  });

  it('normalizes again (values read back from the database), and lists a value once', () => {
    assert.deepEqual(
      identifyingValues(FIELDS, {
        phone: '+7 (701) 123-45-67',
        email: ' Ana@Example.KZ ',
        work: 'ana@example.kz',
      }),
      ['phone:+77011234567', 'email:ana@example.kz'],
    );
  });

  it('skips what is not an e-mail or a phone, empty and missing fields', () => {
    assert.deepEqual(
      identifyingValues(FIELDS, { phone: '8 701 123 45 67', email: 'not-an-email', work: '' }),
      [],
    );
    assert.deepEqual(identifyingValues(FIELDS, {}), []);
    assert.deepEqual(identifyingValues([], { email: 'ana@example.kz' }), []);
  });

  it('by shape, takes the values of fields the form no longer defines', () => {
    const values = { old_mail: 'Bo@Example.kz', old_phone: '+7 701 000 00 01', note: 'hi', n: 3 };
    assert.deepEqual(identifyingValues(FIELDS, values), []);
    assert.deepEqual(identifyingValues(FIELDS, values, 'by-shape'), [
      'email:bo@example.kz',
      'phone:+77010000001',
    ]);
    // A field the form defines keeps its type: a text field is not guessed.
    assert.deepEqual(identifyingValues(FIELDS, { name: 'x@y.kz' }, 'by-shape'), []);
  });
});

describe('identifierRows', () => {
  it('one row per pseudonym, once each, its subject aside (its own column finds it)', () => {
    assert.deepEqual(identifierRows('pending', 'sub-1', 's', ['a', 's', 'b', 'a']), [
      { pseudonym: 'a', kind: 'pending', ref: 'sub-1' },
      { pseudonym: 'b', kind: 'pending', ref: 'sub-1' },
    ]);
    assert.deepEqual(identifierRows('submission', 'sub-2', 's', ['s']), []);
    assert.deepEqual(identifierRows('submission', 'sub-2', 's', []), []);
  });
});

describe('chunked', () => {
  it('slices a list, the last slice shorter', () => {
    assert.deepEqual(chunked([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(chunked([], 2), []);
    assert.equal(chunked(Array.from({ length: 1000 }, (_, i) => i)).length, 3);
  });
});

describe('storedIdentifierRows (the backfill)', () => {
  it('indexes the pseudonym of each identifier the stored data holds besides its subject', () => {
    const rows = storedIdentifierRows(
      'submission',
      {
        id: 7,
        public_id: 'sub-7',
        form_key: 'f',
        subject: 'subject-hash',
        values: { email: 'ana@example.kz', phone: '+77011234567', gone: '+77019999999' },
      },
      FIELDS,
      'k',
    );
    assert.deepEqual(rows, [
      { pseudonym: subjectRef('k', 'phone:+77011234567'), kind: 'submission', ref: 'sub-7' },
      { pseudonym: subjectRef('k', 'email:ana@example.kz'), kind: 'submission', ref: 'sub-7' },
      { pseudonym: subjectRef('k', 'phone:+77019999999'), kind: 'submission', ref: 'sub-7' },
    ]);
  });

  it('indexes nothing for data that is gone, or that holds only its subject', () => {
    const subject = subjectRef('k', 'email:ana@example.kz');
    const row = { id: 1, public_id: 'p', form_key: 'f', subject };
    assert.deepEqual(storedIdentifierRows('pending', { ...row, values: null }, FIELDS, 'k'), []);
    assert.deepEqual(
      storedIdentifierRows('pending', { ...row, values: { email: 'ana@example.kz' } }, FIELDS, 'k'),
      [],
    );
  });
});
