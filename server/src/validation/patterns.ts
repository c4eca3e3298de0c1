import { z } from '@strapi/utils';
import { NAME } from '../domain/form';
import { isValidLocaleTag } from '../domain/locale';
import { DATE, isCalendarDate, KEY } from '../domain/patterns';
import { normalizeSubject, SubjectError } from '../domain/subject';

/**
 * The building blocks of every request schema: each pattern is written once.
 * Messages leave out the field name; validate() puts the path in front.
 */

/** A query value given twice arrives as an array: refused rather than guessed. */
const once = (iss: { input?: unknown }, expected: string) =>
  Array.isArray(iss.input)
    ? 'must be given once'
    : iss.input === undefined
      ? 'is required'
      : expected;

const text = (expected: string) => z.string({ error: (iss) => once(iss, expected) });

/** A policy or form key: what goes into the URL. */
export const key = () =>
  text('must be a key made of letters, digits and - _ . ~').regex(KEY, {
    error: 'must be a key of at most 64 letters, digits and - _ . ~',
  });

/** A BCP 47 locale tag such as "kk" or "kk-KZ" (see domain/locale.ts). */
export const locale = () =>
  text('must be a locale code such as "kk" or "kk-KZ"').refine(isValidLocaleTag, {
    error: 'must be a locale code such as "kk" or "kk-KZ"',
  });

/** A positive 32-bit integer given as digits only ("3", not "3.0", "+3" or "3abc"). */
export const positiveIntText = (expected = 'must be a positive integer') =>
  text(expected)
    .regex(/^[1-9][0-9]{0,9}$/, { error: expected })
    .transform(Number)
    .refine((n) => n <= 2147483647, { error: expected });

/** A positive integer in a JSON body. */
export const positiveInt = (expected = 'must be a positive integer') =>
  z
    .number({ error: (iss) => (iss.input === undefined ? 'is required' : expected) })
    .int({ error: expected })
    .min(1, { error: expected });

/** A SHA-256 digest in lowercase hex (an edition's contentHash). */
export const sha256 = () =>
  text('must be a SHA-256 hash (64 lowercase hex digits)').regex(/^[0-9a-f]{64}$/, {
    error: 'must be a SHA-256 hash (64 lowercase hex digits)',
  });

/** A Strapi documentId. */
export const documentId = () =>
  text('is not a documentId').regex(/^[A-Za-z0-9]{1,64}$/, { error: 'is not a documentId' });

/** A purpose key of a form (see domain/form.ts). */
export const purposeKey = () => z.string().regex(NAME, { error: 'must be a purpose key' });

/** A calendar date (YYYY-MM-DD) or an ISO 8601 instant. */
export const dateOrInstant = () =>
  text('must be a date (YYYY-MM-DD) or an ISO 8601 instant').refine(
    (v) => DATE.test(v.slice(0, 10)) && !Number.isNaN(new Date(v).getTime()),
    { error: 'must be a date (YYYY-MM-DD) or an ISO 8601 instant' },
  );

/** A calendar date "YYYY-MM-DD" that exists. */
export const calendarDay = () =>
  text('must be a calendar date (YYYY-MM-DD)').refine(isCalendarDate, {
    error: 'must be a calendar date (YYYY-MM-DD)',
  });

/** A string of at most `max` characters. */
export const boundedText = (max: number, expected = `must be text of at most ${max} characters`) =>
  text(expected).max(max, { error: expected });

/**
 * A person's identifier: an e-mail, a phone number (+…) or `id:…`, checked
 * by the domain's normalizer (domain/subject.ts), so that a service can turn
 * it into a pseudonym without ever refusing it. The value stays as given.
 */
export const personIdentifier = (expected: string) =>
  boundedText(320, expected).superRefine((value, ctx) => {
    try {
      normalizeSubject(value);
    } catch (e) {
      if (!(e instanceof SubjectError)) throw e;
      ctx.addIssue({ code: 'custom', message: e.message });
    }
  });

/** One of `values`. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => once(iss, `must be one of ${values.join(', ')}`) });

/** The body of a route that takes none: nothing, or an empty object (an HTML form's empty post). */
export const noBody = () =>
  z.strictObject({}, { error: 'must be empty: this route takes no fields' }).optional();
