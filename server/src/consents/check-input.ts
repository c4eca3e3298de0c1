import { errors, z } from '@strapi/utils';
import type { EvidenceStrength } from '../../../shared/contracts';
import { key, oneOf, personIdentifier, purposeKey } from '../validation/patterns';
import { validate } from '../validation/validate';

/** What `consents.check` is asked. */
export interface CheckInput {
  /** The person: an e-mail, a phone number (+…) or `id:<user id>`. */
  subject: string;
  /** A purpose key, e.g. "marketing". */
  purpose: string;
  /** Also require the person to stand accepted by this policy's edition in force. */
  policy?: string;
  /** `confirmed`: a grant from an anonymous form that was never confirmed does not count. Default `unverified` (any grant). */
  minStrength?: EvidenceStrength;
}

/** What `consents.checkMany` is asked: the same, for a list of people. */
export interface CheckManyInput extends Omit<CheckInput, 'subject'> {
  subjects: Iterable<string> | AsyncIterable<string>;
  /** People per query (default 1,000). */
  batchSize?: number;
}

const common = {
  purpose: purposeKey(),
  policy: key().optional(),
  minStrength: oneOf(['confirmed', 'unverified'] as const).default('unverified'),
};
const checkSchema = z.strictObject({
  subject: personIdentifier('must be a person identifier'),
  ...common,
});
const manySchema = z.strictObject({
  ...common,
  batchSize: z.number().int().min(1).max(10_000).default(1000),
});
const subjectSchema = personIdentifier('must be a person identifier');

/** The check's input, checked once (a ValidationError naming the field). */
export function checkInput(input: CheckInput) {
  return validate(checkSchema, input, 'a consent check');
}

/** The bulk check's options, checked once; each subject is checked as it is read. */
export function checkManyInput(input: CheckManyInput) {
  const { subjects, ...options } = input;
  if (
    subjects === null ||
    typeof subjects !== 'object' ||
    !(Symbol.iterator in subjects || Symbol.asyncIterator in subjects)
  ) {
    const message = 'subjects must be a list (iterable or async iterable) of person identifiers';
    throw new errors.ValidationError(message, { errors: [{ path: ['subjects'], message }] });
  }
  return {
    ...validate(manySchema, options, 'a consent check'),
    /** The `index`-th subject, checked (a ValidationError naming `subjects[index]`). */
    subjectAt(subject: unknown, index: number): string {
      return validate(subjectSchema, subject, `subjects[${index}]`);
    },
  };
}
