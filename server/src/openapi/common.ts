import { z } from '@strapi/utils';
import type {
  ApiResponse,
  ChangeKind,
  ConsentMethod,
  EditionState,
  EventContent,
  EvidenceStrength,
  LedgerAction,
} from '../../../shared/contracts';

/**
 * The pieces both APIs' answer schemas share (responses.ts for the content
 * API, admin/ for the admin API): instants as the services send them,
 * `toISOString()`, so `Z`; calendar dates YYYY-MM-DD; hashes lowercase hex.
 */

export const instant = () => z.iso.datetime({ offset: true });
export const date = () => z.iso.date();
export const sha256 = () => z.string().regex(/^[0-9a-f]{64}$/);

export const changeKind: z.ZodType<ChangeKind> = z.enum(['editorial', 'material', 'reconsent']);
export const editionState: z.ZodType<EditionState> = z.enum([
  'draft',
  'scheduled',
  'in-force',
  'superseded',
  'cancelled',
]);
export const ledgerAction: z.ZodType<LedgerAction> = z.enum([
  'granted',
  'implied',
  'withdrawn',
  'denied',
  'notified',
  'linked',
  'unlinked',
]);
export const consentMethod: z.ZodType<ConsentMethod> = z.enum([
  'form',
  'api',
  'continued-use',
  'admin',
  'notice',
]);
export const evidenceStrength: z.ZodType<EvidenceStrength> = z.enum(['confirmed', 'unverified']);

/** A purpose key → whether it is consented to. */
export const purposes = () => z.record(z.string(), z.boolean());

/**
 * The whole body of an admin JSON answer: `{ data }`. The admin controllers
 * send no `meta` (ApiResponse's is optional), so a `meta` fails the check.
 */
export const dataBody = <T>(data: z.ZodType<T>): z.ZodType<ApiResponse<T>> =>
  z.strictObject({ data });

/** An event exactly as hashed (shared/proof/canonical.ts eventCanonical). */
export const eventContentShape = {
  id: z.string(),
  occurredAt: instant(),
  subject: sha256(),
  action: ledgerAction,
  policy: z.string(),
  version: z.int(),
  locale: z.string().nullable(),
  contentHash: sha256().nullable(),
  form: z.string().nullable(),
  formRevision: z.int().nullable(),
  formHash: sha256().nullable(),
  purposes: purposes(),
  method: consentMethod,
  submission: z.string().nullable(),
  evidenceHash: sha256().nullable(),
  strength: evidenceStrength.optional(),
  linkedSubject: sha256().optional(),
  gpc: z.enum(['on', 'acknowledged']).optional(),
};
export const eventContent: z.ZodType<EventContent> = z.strictObject(eventContentShape);
