import { createHmac } from 'node:crypto';

/**
 * Subjects: the ledger never stores who a person is, only an HMAC-SHA-256
 * (keyed with a secret from the environment) of their normalized identifier.
 *
 * Identifiers are written `email:…`, `phone:…` or `id:…`; without a prefix,
 * a value with "@" is an e-mail, one starting with "+" a phone, anything else
 * is refused (an external id must say `id:`).
 */
export type SubjectKind = 'email' | 'phone' | 'id';

export interface NormalizedSubject {
  kind: SubjectKind;
  /** The canonical identifier, e.g. `email:ana@example.com`. Never stored. */
  canonical: string;
}

export class SubjectError extends Error {}

// Deliberately simple: one @, no spaces, a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email))
    throw new SubjectError('is not a valid e-mail address');
  return email;
}

/** E.164: "+" and 8–15 digits; spaces, dashes, dots and parentheses are dropped. */
export function normalizePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s\-().]/g, '');
  if (!/^\+[1-9]\d{7,14}$/.test(compact)) {
    throw new SubjectError('is not a phone number in international format, e.g. +77001234567');
  }
  return compact;
}

export function normalizeSubject(raw: string): NormalizedSubject {
  if (typeof raw !== 'string' || raw.trim() === '') throw new SubjectError('is empty');
  if (raw.length > 320) throw new SubjectError('is too long');
  const value = raw.trim();
  const m = /^(email|phone|id):(.*)$/is.exec(value);
  if (m) {
    const kind = m[1].toLowerCase() as SubjectKind;
    if (kind === 'email') return { kind, canonical: `email:${normalizeEmail(m[2])}` };
    if (kind === 'phone') return { kind, canonical: `phone:${normalizePhone(m[2])}` };
    const id = m[2].trim();
    if (!id) throw new SubjectError('has an empty id');
    return { kind, canonical: `id:${id}` };
  }
  if (value.includes('@')) return { kind: 'email', canonical: `email:${normalizeEmail(value)}` };
  if (value.startsWith('+')) return { kind: 'phone', canonical: `phone:${normalizePhone(value)}` };
  throw new SubjectError(
    'must be an e-mail, a phone number starting with "+", or an external id written "id:…"',
  );
}

/** The pseudonymous subject reference stored in the ledger (lowercase hex). */
export function subjectRef(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}
