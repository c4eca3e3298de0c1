import { z } from '@strapi/utils';
import type {
  ConsentBody,
  CurrentQuery,
  LinkBody,
  StatusQuery,
  SubmissionBody,
  WithdrawBody,
} from '../../../shared/contracts';
import {
  boundedText,
  key,
  locale,
  oneOf,
  personIdentifier,
  positiveInt,
  positiveIntText,
  purposeKey,
  sha256,
} from './patterns';

/**
 * Request schemas of the content API (routes/content-api.ts). What depends
 * on a form's definition (its fields and purposes) is checked against that
 * definition in domain/form.ts; everything else is checked here, once.
 */

const pageUrl = () => boundedText(2048, 'must be a URL of at most 2048 characters');
const subject = () => personIdentifier('must be an e-mail address, a phone number or an id');

export const keyParams = z.object({ key: key() });

/** An event id as receipts give it (a UUID). */
export const receiptParams = z.object({
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: 'must be an event id from a receipt (a UUID)',
  }),
});

export const versionParams = z.object({
  key: key(),
  version: positiveIntText('must be a positive integer (an edition version)'),
});

/** Unknown parameters are let through: a frontend may add a cache-buster. */
export const currentQuery = z.object({
  locale: locale().optional(),
  format: oneOf(['markdown', 'html']).default('markdown'),
}) satisfies z.ZodType<Required<Pick<CurrentQuery, 'format'>> & CurrentQuery>;

export const localeQuery = z.object({ locale: locale().optional() });

export const statusQuery = z.object({
  subject: subject().optional(),
  policy: key(),
}) satisfies z.ZodType<StatusQuery>;

const accepted = z.strictObject(
  {
    policy: key(),
    version: positiveInt('must be an integer (the edition version)'),
    hash: sha256().optional(),
  },
  { error: 'must be { "policy": key, "version": integer, "hash"?: contentHash }' },
);

/** A double opt-in link's token (mail/token.ts checks its signature and expiry). */
export const tokenParams = z.object({
  token: z
    .string({ error: 'must be the token of a confirmation link' })
    .min(1, { error: 'must be the token of a confirmation link' })
    .max(200, { error: 'must be the token of a confirmation link' }),
});

export const submissionBody: z.ZodType<SubmissionBody> = z.strictObject(
  {
    locale: locale(),
    data: z
      .record(z.string(), z.unknown(), { error: 'must be an object of field values' })
      .optional(),
    purposes: z
      .record(z.string(), z.boolean({ error: 'must be true or false' }), {
        error: 'must map purpose keys to true or false',
      })
      .optional(),
    accepted: z.array(accepted, {
      error:
        'must list the policy editions the person accepted: [{ "policy": "privacy", "version": 3 }]',
    }),
    subject: subject().optional(),
    pageUrl: pageUrl().optional(),
    notices: z.boolean({ error: 'must be true or false' }).optional(),
    gpcAcknowledged: z.boolean({ error: 'must be true or false' }).optional(),
  },
  { error: 'must be a JSON object' },
);

export const consentBody: z.ZodType<ConsentBody> = z.strictObject(
  {
    subject: subject().optional(),
    policy: key(),
    version: positiveInt('must be an integer (the edition version)'),
    hash: sha256().optional(),
    locale: locale(),
    purposes: z
      .record(purposeKey(), z.boolean({ error: 'must be true or false' }), {
        error: 'must map purpose keys to true or false',
      })
      .optional(),
    action: oneOf(['granted', 'denied']),
    pageUrl: pageUrl().optional(),
    gpcAcknowledged: z.boolean({ error: 'must be true or false' }).optional(),
  },
  { error: 'must be a JSON object' },
);

export const withdrawBody: z.ZodType<WithdrawBody> = z.strictObject(
  {
    subject: subject().optional(),
    policy: key().optional(),
    purposes: z.array(purposeKey(), { error: 'must be a list of purpose keys' }).optional(),
  },
  { error: 'must be a JSON object' },
);

/** POST /identities/link and /unlink: two identifiers of one person (the operator's server only). */
export const linkBody: z.ZodType<LinkBody> = z.strictObject(
  {
    subject: subject(),
    linkedSubject: subject(),
  },
  { error: 'must be { "subject": identifier, "linkedSubject": identifier }' },
);

/** GET /checkpoints: `after` a checkpoint id from the log (absent: from the first), `limit` 1–1000. */
export const checkpointPageQuery = z.object({
  after: positiveIntText('must be a checkpoint id from the log').optional(),
  limit: positiveIntText('must be an integer from 1 to 1000')
    .refine((n) => n <= 1000, { error: 'must be an integer from 1 to 1000' })
    .default(100),
});

/** GET /checkpoints/consistency: the hash of a checkpoint kept, and optionally a newer one (default: the head). */
export const consistencyQuery = z.object({
  from: sha256(),
  to: sha256().optional(),
});
