import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  checkDefinition,
  checkSubmission,
  type FormField,
  type FormPurpose,
  type Problem,
} from '../../server/src/domain/form';

const paths = (problems: Problem[]): string[] => problems.map((p) => p.path);

/** Asserts there is exactly one problem at `path` and that its message matches. */
function hasProblem(problems: Problem[], path: string, message?: RegExp): void {
  const hits = problems.filter((p) => p.path === path);
  assert.equal(hits.length, 1, `expected one problem at ${path}, got ${JSON.stringify(problems)}`);
  if (message) assert.match(hits[0].message, message);
}

const VALID_FIELDS: FormField[] = [
  {
    name: 'fullName',
    type: 'text',
    required: true,
    category: 'identity',
    label: { en: 'Full name', kk: 'Толық аты-жөні' },
  },
  { name: 'email', type: 'email', required: true, category: 'contact' },
  { name: 'phone', type: 'phone', category: 'contact' },
  { name: 'message', type: 'textarea', category: 'other', maxLength: 1000 },
  { name: 'birthDate', type: 'date', category: 'birth' },
  { name: 'city', type: 'select', category: 'address', options: ['Almaty', 'Astana'] },
  { name: 'agree_terms', type: 'checkbox', required: true, category: 'other' },
];
const VALID_PURPOSES: FormPurpose[] = [
  { key: 'contact', required: true, legalBasis: 'consent', label: { en: 'Contact me' } },
  { key: 'marketing', legalBasis: 'consent' },
  { key: 'billing', legalBasis: 'contract' },
  { key: 'tax', legalBasis: 'legal-obligation' },
];

/** VALID_FIELDS with field `i` replaced by `patch` (as unknown, to write invalid definitions). */
const withField = (i: number, patch: Record<string, unknown>): unknown[] =>
  VALID_FIELDS.map((f, j) => (j === i ? { ...f, ...patch } : f));
const withPurpose = (i: number, patch: Record<string, unknown>): unknown[] =>
  VALID_PURPOSES.map((p, j) => (j === i ? { ...p, ...patch } : p));

describe('checkDefinition', () => {
  it('accepts a valid definition', () => {
    assert.deepEqual(checkDefinition(VALID_FIELDS, VALID_PURPOSES), []);
  });

  it('accepts empty lists', () => {
    assert.deepEqual(checkDefinition([], []), []);
  });

  it('refuses fields and purposes that are not lists', () => {
    assert.deepEqual(paths(checkDefinition({}, VALID_PURPOSES)), ['fields']);
    assert.deepEqual(paths(checkDefinition(VALID_FIELDS, 'contact')), ['purposes']);
    assert.deepEqual(paths(checkDefinition(null, undefined)), ['fields', 'purposes']);
  });

  it('refuses a field or purpose that is not an object', () => {
    hasProblem(checkDefinition([VALID_FIELDS[0], 'email'], []), 'fields[1]', /must be an object/);
    hasProblem(checkDefinition([], [null]), 'purposes[0]', /must be an object/);
    hasProblem(checkDefinition([[]], []), 'fields[0]', /must be an object/);
  });

  it('refuses bad field names', () => {
    for (const name of [
      '',
      '1abc',
      '_x',
      'has space',
      'dash-name',
      'a'.repeat(65),
      42,
      undefined,
    ]) {
      const problems = checkDefinition(withField(2, { name }), VALID_PURPOSES);
      assert.deepEqual(paths(problems), ['fields[2].name'], `name ${JSON.stringify(name)}`);
      assert.match(problems[0].message, /letter followed by letters, digits or _/);
    }
  });

  it('accepts a 64-character name', () => {
    assert.deepEqual(checkDefinition(withField(0, { name: `a${'b'.repeat(63)}` }), []), []);
  });

  it('refuses a duplicate field name at the second occurrence', () => {
    const problems = checkDefinition(withField(3, { name: 'email' }), VALID_PURPOSES);
    assert.deepEqual(paths(problems), ['fields[3].name']);
    assert.match(problems[0].message, /"email" is used twice/);
  });

  it('refuses an unknown type with the path fields[i].type', () => {
    const problems = checkDefinition(withField(1, { type: 'password' }), VALID_PURPOSES);
    assert.deepEqual(paths(problems), ['fields[1].type']);
    assert.match(
      problems[0].message,
      /must be one of text, email, phone, textarea, date, select, checkbox/,
    );
  });

  it('refuses a missing or unknown category', () => {
    const fields: unknown[] = [...VALID_FIELDS];
    const { category: _category, ...noCategory } = VALID_FIELDS[4];
    fields[4] = noCategory;
    hasProblem(
      checkDefinition(fields, VALID_PURPOSES),
      'fields[4].category',
      /must be one of identity, contact, address, birth, other/,
    );
    assert.deepEqual(paths(checkDefinition(withField(0, { category: 'health' }), [])), [
      'fields[0].category',
    ]);
  });

  it('refuses a non-boolean required', () => {
    assert.deepEqual(paths(checkDefinition(withField(0, { required: 'yes' }), [])), [
      'fields[0].required',
    ]);
    assert.deepEqual(paths(checkDefinition([], withPurpose(1, { required: 1 }))), [
      'purposes[1].required',
    ]);
  });

  it('refuses a select without options', () => {
    for (const options of [undefined, [], 'Almaty', [1, 2], ['Almaty', null]]) {
      const problems = checkDefinition(withField(5, { options }), VALID_PURPOSES);
      assert.deepEqual(
        paths(problems),
        ['fields[5].options'],
        `options ${JSON.stringify(options)}`,
      );
    }
  });

  it('does not ask for options on other types', () => {
    assert.deepEqual(checkDefinition([{ name: 'x', type: 'text', category: 'other' }], []), []);
  });

  it('refuses a bad maxLength', () => {
    for (const maxLength of [0, -1, 1.5, 10001, '200', null, NaN]) {
      const problems = checkDefinition(withField(3, { maxLength }), VALID_PURPOSES);
      assert.deepEqual(paths(problems), ['fields[3].maxLength'], `maxLength ${String(maxLength)}`);
      assert.match(problems[0].message, /between 1 and 10000/);
    }
    assert.deepEqual(checkDefinition(withField(3, { maxLength: 1 }), []), []);
    assert.deepEqual(checkDefinition(withField(3, { maxLength: 10000 }), []), []);
  });

  it('refuses a label that is not a map of texts', () => {
    assert.deepEqual(paths(checkDefinition(withField(0, { label: 'Name' }), [])), [
      'fields[0].label',
    ]);
    assert.deepEqual(paths(checkDefinition(withField(0, { label: { en: 1 } }), [])), [
      'fields[0].label',
    ]);
    assert.deepEqual(paths(checkDefinition([], withPurpose(0, { label: ['Contact'] }))), [
      'purposes[0].label',
    ]);
    assert.deepEqual(checkDefinition(withField(0, { label: null }), []), []);
  });

  it('refuses bad and duplicate purpose keys', () => {
    assert.deepEqual(paths(checkDefinition([], withPurpose(2, { key: 'bad key' }))), [
      'purposes[2].key',
    ]);
    const problems = checkDefinition([], withPurpose(3, { key: 'marketing' }));
    assert.deepEqual(paths(problems), ['purposes[3].key']);
    assert.match(problems[0].message, /"marketing" is used twice/);
  });

  it('refuses a bad or missing legalBasis', () => {
    const problems = checkDefinition([], withPurpose(1, { legalBasis: 'legitimate-interest' }));
    assert.deepEqual(paths(problems), ['purposes[1].legalBasis']);
    assert.match(problems[0].message, /must be one of consent, contract, legal-obligation/);
    assert.deepEqual(paths(checkDefinition([], [{ key: 'x' }])), ['purposes[0].legalBasis']);
  });

  it('reports every problem, each with its own path, in order', () => {
    const fields = [
      { name: 'ok', type: 'text', category: 'other' },
      { name: 'ok', type: 'radio', category: 'other', maxLength: 0 },
      { name: 'pick', type: 'select', category: 'misc' },
    ];
    const purposes = [
      { key: '1st', legalBasis: 'consent' },
      { key: 'p', legalBasis: 'whim' },
    ];
    assert.deepEqual(paths(checkDefinition(fields, purposes)), [
      'fields[1].name',
      'fields[1].type',
      'fields[1].maxLength',
      'fields[2].category',
      'fields[2].options',
      'purposes[0].key',
      'purposes[1].legalBasis',
    ]);
  });

  it('starts every message with its path', () => {
    const problems = checkDefinition(
      withField(1, { type: 'x', category: 'y' }),
      withPurpose(0, { legalBasis: 'z' }),
    );
    assert.equal(problems.length, 3);
    for (const p of problems)
      assert.ok(p.message.startsWith(p.path), `${p.message} starts with ${p.path}`);
  });
});

describe('checkSubmission', () => {
  const goodData = {
    fullName: '  Ana Maria  ',
    email: ' Ana@Example.COM ',
    phone: '+7 (701) 123-45-67',
    message: 'Сәлем!',
    birthDate: '2001-02-28',
    city: 'Astana',
    agree_terms: true,
  };
  const goodPurposes = { contact: true, marketing: false };

  it('accepts a valid submission and normalizes e-mail, phone and text', () => {
    const r = checkSubmission(VALID_FIELDS, VALID_PURPOSES, goodData, goodPurposes);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.values, {
      fullName: 'Ana Maria',
      email: 'ana@example.com',
      phone: '+77011234567',
      message: 'Сәлем!',
      birthDate: '2001-02-28',
      city: 'Astana',
      agree_terms: true,
    });
  });

  it('returns every purpose of the form with true or false', () => {
    const r = checkSubmission(VALID_FIELDS, VALID_PURPOSES, goodData, goodPurposes);
    assert.deepEqual(r.purposes, { contact: true, marketing: false, billing: false, tax: false });
  });

  it('leaves out optional fields that are missing, null or blank', () => {
    const r = checkSubmission(
      VALID_FIELDS,
      VALID_PURPOSES,
      { ...goodData, phone: undefined, message: null, city: '   ' },
      goodPurposes,
    );
    assert.deepEqual(r.problems, []);
    assert.deepEqual(Object.keys(r.values).sort(), [
      'agree_terms',
      'birthDate',
      'email',
      'fullName',
    ]);
  });

  it('reports a missing required field', () => {
    const { fullName: _fullName, ...data } = goodData;
    const r = checkSubmission(VALID_FIELDS, VALID_PURPOSES, data, goodPurposes);
    assert.deepEqual(r.problems, [{ path: 'data.fullName', message: 'data.fullName is required' }]);
    assert.equal('fullName' in r.values, false);
  });

  it('counts an empty or blank string and null as missing', () => {
    for (const fullName of ['', '   ', null]) {
      const r = checkSubmission(
        VALID_FIELDS,
        VALID_PURPOSES,
        { ...goodData, fullName },
        goodPurposes,
      );
      assert.deepEqual(
        r.problems,
        [{ path: 'data.fullName', message: 'data.fullName is required' }],
        `fullName ${JSON.stringify(fullName)}`,
      );
    }
  });

  it('reports data that is not an object, and then every required field', () => {
    for (const data of [null, 'x', [goodData]]) {
      const r = checkSubmission(VALID_FIELDS, VALID_PURPOSES, data, goodPurposes);
      assert.deepEqual(paths(r.problems), [
        'data',
        'data.fullName',
        'data.email',
        'data.agree_terms',
      ]);
    }
  });

  it('reports an unknown field', () => {
    const r = checkSubmission(
      VALID_FIELDS,
      VALID_PURPOSES,
      { ...goodData, password: 'x' },
      goodPurposes,
    );
    assert.deepEqual(r.problems, [
      { path: 'data.password', message: 'data.password is not a field of this form' },
    ]);
    assert.equal('password' in r.values, false);
  });

  it('reports a non-string value for a text-like field', () => {
    for (const [name, value] of [
      ['fullName', 42],
      ['email', ['a@b.cd']],
      ['birthDate', new Date()],
      ['city', { v: 'Astana' }],
    ] as const) {
      const r = checkSubmission(
        VALID_FIELDS,
        VALID_PURPOSES,
        { ...goodData, [name]: value },
        goodPurposes,
      );
      assert.deepEqual(
        r.problems,
        [{ path: `data.${name}`, message: `data.${name} must be a string` }],
        name,
      );
    }
  });

  it('enforces an explicit maxLength', () => {
    const ok = checkSubmission(
      VALID_FIELDS,
      VALID_PURPOSES,
      { ...goodData, message: 'x'.repeat(1000) },
      goodPurposes,
    );
    assert.deepEqual(ok.problems, []);
    const r = checkSubmission(
      VALID_FIELDS,
      VALID_PURPOSES,
      { ...goodData, message: 'x'.repeat(1001) },
      goodPurposes,
    );
    assert.deepEqual(r.problems, [
      { path: 'data.message', message: 'data.message must be at most 1000 characters' },
    ]);
  });

  it('enforces the default limits: text 200, textarea 5000', () => {
    const fields: FormField[] = [
      { name: 't', type: 'text', category: 'other' },
      { name: 'ta', type: 'textarea', category: 'other' },
    ];
    assert.deepEqual(
      checkSubmission(fields, [], { t: 'x'.repeat(200), ta: 'y'.repeat(5000) }, {}).problems,
      [],
    );
    const r = checkSubmission(fields, [], { t: 'x'.repeat(201), ta: 'y'.repeat(5001) }, {});
    assert.deepEqual(r.problems, [
      { path: 'data.t', message: 'data.t must be at most 200 characters' },
      { path: 'data.ta', message: 'data.ta must be at most 5000 characters' },
    ]);
    assert.deepEqual(r.values, {});
  });

  it('reports an invalid e-mail and phone with the subject messages', () => {
    const r = checkSubmission(
      VALID_FIELDS,
      VALID_PURPOSES,
      { ...goodData, email: 'ana@localhost', phone: '8 701 123 45 67' },
      goodPurposes,
    );
    assert.deepEqual(paths(r.problems), ['data.email', 'data.phone']);
    assert.match(r.problems[0].message, /^data\.email is not a valid e-mail address$/);
    assert.match(
      r.problems[1].message,
      /^data\.phone is not a phone number in international format/,
    );
  });

  it('refuses an impossible date such as 2001-02-30', () => {
    const r = checkSubmission(
      VALID_FIELDS,
      VALID_PURPOSES,
      { ...goodData, birthDate: '2001-02-30' },
      goodPurposes,
    );
    assert.deepEqual(r.problems, [
      { path: 'data.birthDate', message: 'data.birthDate must be a date written YYYY-MM-DD' },
    ]);
    assert.equal('birthDate' in r.values, false);
  });

  it('refuses dates in other formats and accepts 29 February of a leap year', () => {
    for (const birthDate of [
      '2001-2-3',
      '01-02-2001',
      '2001/02/03',
      '2001-02-03T00:00:00Z',
      '2001-13-01',
      '2001-00-10',
      '2023-02-29',
    ]) {
      const r = checkSubmission(
        VALID_FIELDS,
        VALID_PURPOSES,
        { ...goodData, birthDate },
        goodPurposes,
      );
      assert.deepEqual(paths(r.problems), ['data.birthDate'], birthDate);
    }
    const leap = checkSubmission(
      VALID_FIELDS,
      VALID_PURPOSES,
      { ...goodData, birthDate: '2024-02-29' },
      goodPurposes,
    );
    assert.deepEqual(leap.problems, []);
    assert.equal(leap.values.birthDate, '2024-02-29');
  });

  it('refuses a select option that is not allowed (exact match)', () => {
    for (const city of ['Paris', 'almaty', ' Almaty']) {
      const r = checkSubmission(VALID_FIELDS, VALID_PURPOSES, { ...goodData, city }, goodPurposes);
      assert.deepEqual(
        r.problems,
        [{ path: 'data.city', message: 'data.city must be one of Almaty, Astana' }],
        city,
      );
    }
  });

  it('requires a checkbox value to be a boolean', () => {
    for (const agree_terms of ['true', 1, 'yes']) {
      const r = checkSubmission(
        VALID_FIELDS,
        VALID_PURPOSES,
        { ...goodData, agree_terms },
        goodPurposes,
      );
      assert.deepEqual(
        r.problems,
        [{ path: 'data.agree_terms', message: 'data.agree_terms must be true or false' }],
        String(agree_terms),
      );
    }
  });

  it('counts a required checkbox set to false as missing', () => {
    const r = checkSubmission(
      VALID_FIELDS,
      VALID_PURPOSES,
      { ...goodData, agree_terms: false },
      goodPurposes,
    );
    assert.deepEqual(r.problems, [
      { path: 'data.agree_terms', message: 'data.agree_terms is required' },
    ]);
  });

  it('accepts an optional checkbox set to false without storing it', () => {
    const fields: FormField[] = [{ name: 'newsletter', type: 'checkbox', category: 'other' }];
    const off = checkSubmission(fields, [], { newsletter: false }, {});
    assert.deepEqual(off.problems, []);
    assert.deepEqual(off.values, {});
    assert.deepEqual(checkSubmission(fields, [], { newsletter: true }, {}).values, {
      newsletter: true,
    });
  });

  it('reports an unknown purpose key', () => {
    const r = checkSubmission(VALID_FIELDS, VALID_PURPOSES, goodData, {
      ...goodPurposes,
      profiling: true,
    });
    assert.deepEqual(r.problems, [
      { path: 'purposes.profiling', message: 'purposes.profiling is not a purpose of this form' },
    ]);
    assert.equal('profiling' in r.purposes, false);
  });

  it('reports a non-boolean purpose value and does not count it as granted', () => {
    const r = checkSubmission(VALID_FIELDS, VALID_PURPOSES, goodData, {
      ...goodPurposes,
      marketing: 'true',
    });
    assert.deepEqual(r.problems, [
      { path: 'purposes.marketing', message: 'purposes.marketing must be true or false' },
    ]);
    assert.equal(r.purposes.marketing, false);
  });

  it('reports a required purpose that is false', () => {
    const r = checkSubmission(VALID_FIELDS, VALID_PURPOSES, goodData, {
      contact: false,
      marketing: true,
    });
    assert.deepEqual(r.problems, [
      { path: 'purposes.contact', message: 'purposes.contact is required to submit this form' },
    ]);
    assert.deepEqual(r.purposes, { contact: false, marketing: true, billing: false, tax: false });
  });

  it('reports a required purpose that is missing, also when purposes is omitted', () => {
    const r = checkSubmission(VALID_FIELDS, VALID_PURPOSES, goodData, { marketing: true });
    assert.deepEqual(r.problems, [
      { path: 'purposes.contact', message: 'purposes.contact is required to submit this form' },
    ]);
    const omitted = checkSubmission(VALID_FIELDS, VALID_PURPOSES, goodData, undefined);
    assert.deepEqual(paths(omitted.problems), ['purposes.contact']);
    assert.deepEqual(omitted.purposes, {
      contact: false,
      marketing: false,
      billing: false,
      tax: false,
    });
  });

  it('reports purposes that are not an object', () => {
    for (const purposes of [null, ['contact'], 'contact', true]) {
      const r = checkSubmission(VALID_FIELDS, VALID_PURPOSES, goodData, purposes);
      assert.deepEqual(
        paths(r.problems),
        ['purposes', 'purposes.contact'],
        JSON.stringify(purposes),
      );
    }
  });

  it('reports several problems at once', () => {
    const r = checkSubmission(
      VALID_FIELDS,
      VALID_PURPOSES,
      { ...goodData, fullName: '', city: 'Paris', extra: 1 },
      { contact: false, unknown: true },
    );
    assert.deepEqual(paths(r.problems), [
      'data.extra',
      'data.fullName',
      'data.city',
      'purposes.unknown',
      'purposes.contact',
    ]);
  });
});

describe('checkSubmission: field names that are Object.prototype members (regression)', () => {
  it('treats an absent optional "constructor" or "toString" field as missing, not as a value', () => {
    const fields = [
      { name: 'constructor', type: 'text', category: 'other' },
      { name: 'toString', type: 'text', category: 'other' },
    ] as FormField[];
    const r = checkSubmission(fields, [], {}, {});
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.values, {});
  });
});
