import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  normalizeEmail,
  normalizePhone,
  normalizeSubject,
  subjectRef,
  SubjectError,
} from '../../server/src/domain/subject';

// Computed once, independently of the module, with:
//   node -e "console.log(require('crypto').createHmac('sha256','k').update('email:a@b.cd').digest('hex'))"
const REF_K_EMAIL_A_B_CD = '3aa74b949ee2316d83afd959075a1bf8d5d2e357cd789d205ab562bc5146cf3f';

/** Asserts that `fn` throws a SubjectError (and not some other error). */
function refuses(fn: () => unknown, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof SubjectError, `expected a SubjectError, got ${String(e)}`);
    if (message) assert.match(e.message, message);
    return true;
  });
}

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    assert.equal(normalizeEmail('  Ana.Maria@Example.COM \n'), 'ana.maria@example.com');
  });

  it('returns an already-normal address unchanged', () => {
    assert.equal(normalizeEmail('ana@example.com'), 'ana@example.com');
  });

  it('refuses an address without @', () => {
    refuses(() => normalizeEmail('ana.example.com'), /e-mail/);
  });

  it('refuses an address with two @', () => {
    refuses(() => normalizeEmail('ana@b@example.com'));
  });

  it('refuses spaces inside the address', () => {
    refuses(() => normalizeEmail('ana maria@example.com'));
    refuses(() => normalizeEmail('ana@exa mple.com'));
  });

  it('refuses a domain without a dot', () => {
    refuses(() => normalizeEmail('ana@localhost'));
  });

  it('refuses an empty local part or domain', () => {
    refuses(() => normalizeEmail('@example.com'));
    refuses(() => normalizeEmail('ana@'));
    refuses(() => normalizeEmail(''));
  });

  it('accepts 254 characters and refuses 255', () => {
    const domain = '@example.com'; // 12 characters
    const ok = `${'a'.repeat(254 - domain.length)}${domain}`;
    const tooLong = `${'a'.repeat(255 - domain.length)}${domain}`;
    assert.equal(ok.length, 254);
    assert.equal(tooLong.length, 255);
    assert.equal(normalizeEmail(ok), ok);
    refuses(() => normalizeEmail(tooLong));
  });

  it('measures the length after trimming', () => {
    const domain = '@example.com';
    const ok = `${'a'.repeat(254 - domain.length)}${domain}`;
    assert.equal(normalizeEmail(`   ${ok}   `), ok);
  });
});

describe('normalizePhone', () => {
  it('converts a formatted number to E.164', () => {
    assert.equal(normalizePhone('+7 (701) 123-45-67'), '+77011234567');
  });

  it('drops dots and surrounding whitespace', () => {
    assert.equal(normalizePhone('  +44.20.7946.0958 '), '+442079460958');
  });

  it('keeps an already-normal number unchanged', () => {
    assert.equal(normalizePhone('+77011234567'), '+77011234567');
  });

  it('refuses a number without "+"', () => {
    refuses(() => normalizePhone('87011234567'), /international format/);
  });

  it('refuses a leading 0 after "+"', () => {
    refuses(() => normalizePhone('+07011234567'));
  });

  it('accepts 8 to 15 digits and refuses 7 or 16', () => {
    assert.equal(normalizePhone('+12345678'), '+12345678');
    assert.equal(normalizePhone('+123456789012345'), '+123456789012345');
    refuses(() => normalizePhone('+1234567'));
    refuses(() => normalizePhone('+1234567890123456'));
  });

  it('refuses letters', () => {
    refuses(() => normalizePhone('+7701ABC4567'));
    refuses(() => normalizePhone('+7 701 CALL NOW'));
  });

  it('refuses a bare "+" and an empty string', () => {
    refuses(() => normalizePhone('+'));
    refuses(() => normalizePhone(''));
  });
});

describe('normalizeSubject', () => {
  it('handles the email: prefix', () => {
    assert.deepEqual(normalizeSubject('email: Ana@Example.COM'), {
      kind: 'email',
      canonical: 'email:ana@example.com',
    });
  });

  it('handles the phone: prefix', () => {
    assert.deepEqual(normalizeSubject('phone:+7 (701) 123-45-67'), {
      kind: 'phone',
      canonical: 'phone:+77011234567',
    });
  });

  it('handles the id: prefix, trimming the id but keeping its case', () => {
    assert.deepEqual(normalizeSubject('id:  CRM-00042 '), {
      kind: 'id',
      canonical: 'id:CRM-00042',
    });
  });

  it('detects an e-mail by its "@"', () => {
    assert.deepEqual(normalizeSubject('ana@example.com'), {
      kind: 'email',
      canonical: 'email:ana@example.com',
    });
  });

  it('detects a phone by its leading "+"', () => {
    assert.deepEqual(normalizeSubject('+7 701 123 45 67'), {
      kind: 'phone',
      canonical: 'phone:+77011234567',
    });
  });

  it('gives the same canonical form for differently written e-mails', () => {
    const a = normalizeSubject(' Ana@Example.COM ');
    const b = normalizeSubject('ana@example.com');
    const c = normalizeSubject('email:ANA@example.com');
    assert.equal(a.canonical, 'email:ana@example.com');
    assert.equal(a.canonical, b.canonical);
    assert.equal(a.canonical, c.canonical);
  });

  it('gives the same canonical form for differently written phones', () => {
    assert.equal(
      normalizeSubject('+7 (701) 123-45-67').canonical,
      normalizeSubject('phone:+77011234567').canonical,
    );
  });

  it('refuses an empty id', () => {
    refuses(() => normalizeSubject('id:'), /empty id/);
    refuses(() => normalizeSubject('id:   '), /empty id/);
  });

  it('refuses a plain value without prefix, "@" or "+", mentioning id:', () => {
    refuses(() => normalizeSubject('abc'), /id:/);
  });

  it('refuses an empty or blank subject', () => {
    refuses(() => normalizeSubject(''), /empty/);
    refuses(() => normalizeSubject('   '), /empty/);
  });

  it('refuses a non-string at run time', () => {
    refuses(() => normalizeSubject(42 as unknown as string), /empty/);
    refuses(() => normalizeSubject(null as unknown as string), /empty/);
  });

  it('refuses a subject longer than 320 characters', () => {
    refuses(() => normalizeSubject(`id:${'x'.repeat(318)}`), /too long/);
    assert.equal(normalizeSubject(`id:${'x'.repeat(317)}`).canonical, `id:${'x'.repeat(317)}`);
  });

  it('refuses a malformed e-mail or phone behind a prefix', () => {
    refuses(() => normalizeSubject('email:not-an-email'));
    refuses(() => normalizeSubject('phone:87011234567'));
    refuses(() => normalizeSubject('ana@localhost'));
    refuses(() => normalizeSubject('+0123'));
  });

  it('keeps an external id that looks like an e-mail apart from the e-mail', () => {
    const asId = normalizeSubject('id:ana@example.com');
    const asEmail = normalizeSubject('email:ana@example.com');
    assert.deepEqual(asId, { kind: 'id', canonical: 'id:ana@example.com' });
    assert.notEqual(asId.canonical, asEmail.canonical);
    assert.notEqual(subjectRef('k', asId.canonical), subjectRef('k', asEmail.canonical));
  });
});

describe('subjectRef', () => {
  it('is the HMAC-SHA-256 of the canonical identifier (known value)', () => {
    assert.equal(subjectRef('k', 'email:a@b.cd'), REF_K_EMAIL_A_B_CD);
  });

  it('matches the known value when reached through normalizeSubject', () => {
    assert.equal(subjectRef('k', normalizeSubject(' A@B.CD ').canonical), REF_K_EMAIL_A_B_CD);
  });

  it('differs for different secrets', () => {
    assert.notEqual(subjectRef('k2', 'email:a@b.cd'), REF_K_EMAIL_A_B_CD);
    assert.notEqual(subjectRef('secret-one', 'id:1'), subjectRef('secret-two', 'id:1'));
  });

  it('differs for different subjects', () => {
    assert.notEqual(subjectRef('k', 'email:a@b.ce'), REF_K_EMAIL_A_B_CD);
  });

  it('is deterministic', () => {
    assert.equal(subjectRef('k', 'phone:+77011234567'), subjectRef('k', 'phone:+77011234567'));
  });

  it('is 64 lowercase hex characters', () => {
    for (const canonical of ['email:a@b.cd', 'phone:+77011234567', 'id:Құпия-42']) {
      assert.match(subjectRef('Secret', canonical), /^[0-9a-f]{64}$/);
    }
  });
});

describe('normalizeSubject: prefix case (regression)', () => {
  it('reads prefixes case-insensitively', () => {
    assert.equal(normalizeSubject('Email:ana@example.com').canonical, 'email:ana@example.com');
    assert.equal(normalizeSubject('EMAIL:Ana@Example.com').canonical, 'email:ana@example.com');
    assert.equal(normalizeSubject('Phone:+7 701 123 45 67').canonical, 'phone:+77011234567');
    assert.equal(normalizeSubject('ID:x-1').canonical, 'id:x-1');
  });
});
