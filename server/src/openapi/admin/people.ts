import { z } from '@strapi/utils';
import type {
  ApiResponse,
  EraseResult,
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
    }),
  ),
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
};

export const subjectExport: z.ZodType<SubjectExport> = z.strictObject(subjectExportShape);

const personStanding: z.ZodType<PersonStanding> = z.strictObject({
  policy: z.string(),
  name: z.string().nullable(),
  acceptedVersion: z.int().nullable(),
  acceptedLocale: z.string().nullable(),
  currentVersion: z.int().nullable(),
  needsAcceptance: z.boolean(),
  reason: z.enum(['not-accepted', 'denied', 'reconsent-required']).nullable(),
  impliedOnNextVisit: z.boolean(),
  purposes: purposes(),
});

export const personRecord: z.ZodType<PersonRecord> = z.strictObject({
  ...subjectExportShape,
  standings: z.array(personStanding),
});

export const eraseResult: z.ZodType<EraseResult> = z.strictObject({
  submissions: z.int(),
  evidence: z.int(),
});

export const personRecordBody: z.ZodType<ApiResponse<PersonRecord>> = dataBody(personRecord);
/** GET /subjects/export?format=json (the default): a plain JSON answer, no Content-Disposition. */
export const subjectExportBody: z.ZodType<ApiResponse<SubjectExport>> = dataBody(subjectExport);
export const eraseBody: z.ZodType<ApiResponse<EraseResult>> = dataBody(eraseResult);
