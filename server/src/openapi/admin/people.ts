import { z } from '@strapi/utils';
import type {
  ApiResponse,
  EraseResult,
  HeldSubmission,
  PersonMessage,
  PersonRecord,
  PersonStanding,
  SubjectExport,
} from '../../../../shared/contracts';
import {
  consentMethod,
  dataBody,
  evidenceStrength,
  instant,
  ledgerAction,
  purposes,
  sha256,
} from '../common';

/** One person: their record, the access export, erasure (controllers/admin-people.ts). */

const personMessage: z.ZodType<PersonMessage> = z.strictObject({
  kind: z.enum(['confirmation', 'notice']),
  createdAt: instant(),
  sentAt: instant().nullable(),
});

const heldSubmission: z.ZodType<HeldSubmission> = z.strictObject({
  id: z.string(),
  form: z.string(),
  formRevision: z.int(),
  locale: z.string(),
  receivedAt: instant(),
  expiresAt: instant(),
  status: z.literal('awaiting-confirmation'),
  data: z.record(z.string(), z.unknown()),
  purposes: purposes(),
  messages: z.array(personMessage),
});

const subjectExportShape = {
  /** The person's pseudonym (HMAC-SHA-256, hex). */
  subject: sha256(),
  submissions: z.array(
    z.strictObject({
      id: z.string(),
      form: z.string(),
      formRevision: z.int(),
      locale: z.string(),
      receivedAt: instant(),
      data: z.record(z.string(), z.unknown()).nullable(),
      erasedAt: instant().nullable(),
      messages: z.array(personMessage),
    }),
  ),
  /** Submissions held for double opt-in, found by the same pseudonyms. */
  held: z.array(heldSubmission),
  events: z.array(
    z.strictObject({
      id: z.string(),
      seq: z.int(),
      occurredAt: instant(),
      action: ledgerAction,
      policy: z.string(),
      version: z.int(),
      locale: z.string().nullable(),
      contentHash: sha256().nullable(),
      form: z.string().nullable(),
      purposes: purposes(),
      method: consentMethod,
      strength: evidenceStrength.nullable(),
      linkedSubject: sha256().optional(),
      gpc: z.enum(['on', 'acknowledged']).optional(),
      submission: z.string().nullable(),
      evidence: z
        .strictObject({
          ip: z.string().nullable(),
          userAgent: z.string().nullable(),
          pageUrl: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
  texts: z.array(
    z.strictObject({
      policy: z.string(),
      version: z.int(),
      locale: z.string(),
      title: z.string(),
      body: z.string(),
      contentHash: sha256(),
    }),
  ),
  /** The person's linked pseudonyms (services/identities.ts), the one looked up first. */
  identities: z.array(sha256()),
  links: z.array(z.strictObject({ subject: sha256(), linkedSubject: sha256() })),
  contacts: z.array(
    z.strictObject({
      email: z.string(),
      locale: z.string().nullable(),
      confirmedAt: instant().nullable(),
      notices: z.boolean(),
    }),
  ),
};

export const subjectExport: z.ZodType<SubjectExport> = z.strictObject(subjectExportShape);

const personStanding: z.ZodType<PersonStanding> = z.strictObject({
  policy: z.string(),
  name: z.string().nullable(),
  acceptedVersion: z.int().nullable(),
  acceptedLocale: z.string().nullable(),
  currentVersion: z.int().nullable(),
  needsAcceptance: z.boolean(),
  reason: z.enum(['not-accepted', 'denied', 'reconsent-required', 'expired']).nullable(),
  impliedOnNextVisit: z.boolean(),
  purposes: purposes(),
  expiredPurposes: z.array(z.string()),
});

export const personRecord: z.ZodType<PersonRecord> = z.strictObject({
  ...subjectExportShape,
  standings: z.array(personStanding),
});

export const eraseResult: z.ZodType<EraseResult> = z.strictObject({
  submissions: z.int(),
  evidence: z.int(),
  held: z.int(),
  contacts: z.int(),
});

export const personRecordBody: z.ZodType<ApiResponse<PersonRecord>> = dataBody(personRecord);
/** GET /subjects/export?format=json (the default): a plain JSON answer, no Content-Disposition. */
export const subjectExportBody: z.ZodType<ApiResponse<SubjectExport>> = dataBody(subjectExport);
export const eraseBody: z.ZodType<ApiResponse<EraseResult>> = dataBody(eraseResult);
