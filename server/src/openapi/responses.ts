import { z } from '@strapi/utils';
import type {
  ArchivedEdition,
  ConfirmationStatus,
  ConsentResult,
  CurrentPolicy,
  EditionArchive,
  EditionBrief,
  FormDefinition,
  LinkResult,
  PendingSubmission,
  PolicyEdition,
  PolicySummary,
  Receipt,
  ReceiptEvent,
  ReceiptProofResult,
  CheckpointPage,
  ConsistencyProof,
  LogCheckpoint,
  SubjectStatus,
  SubmissionResult,
  UpcomingEdition,
  WithdrawResult,
} from '../../../shared/contracts';
import {
  changeKind,
  date,
  editionState,
  eventContent,
  instant,
  ledgerAction as consentAction,
  sha256,
} from './common';

/**
 * The bodies the content API answers, as schemas: the OpenAPI document's
 * responses (openapi/document.ts) and the contract test check every answer
 * against them. Each is typed with its shared contract, so the schema and
 * the TypeScript type cannot drift apart. Strict objects: an undocumented
 * field fails the contract test.
 */

const format = z.enum(['markdown', 'html']);

const editionBrief: z.ZodType<EditionBrief> = z.strictObject({
  version: z.int(),
  editionDate: date().nullable(),
  effectiveAt: instant(),
  changeKind,
});

export const policyList: z.ZodType<PolicySummary[]> = z.array(
  z.strictObject({
    key: z.string(),
    name: z.string(),
    requiredLocales: z.array(z.string()),
    current: editionBrief.nullable(),
    upcoming: editionBrief.nullable(),
  }),
);

const upcoming: z.ZodType<UpcomingEdition> = z.strictObject({
  version: z.int(),
  effectiveAt: instant(),
  editionDate: date().nullable(),
  changeKind,
  changeSummary: z.string().nullable(),
});

export const currentPolicy: z.ZodType<CurrentPolicy> = z.strictObject({
  policy: z.string(),
  version: z.int(),
  editionDate: date().nullable(),
  releasedAt: instant(),
  effectiveAt: instant(),
  changeKind,
  requestedLocale: z.string(),
  servedLocale: z.string(),
  title: z.string(),
  format,
  body: z.string(),
  contentHash: sha256(),
  upcoming: upcoming.nullable(),
});

const editionFacts = {
  version: z.int(),
  editionDate: date().nullable(),
  releasedAt: instant(),
  effectiveAt: instant(),
  cancelledAt: instant().nullable(),
  changeKind,
  state: editionState,
  locales: z.array(z.string()),
};
const textServed = {
  requestedLocale: z.string(),
  servedLocale: z.string(),
  title: z.string(),
  changeSummary: z.string().nullable(),
  contentHash: sha256(),
};

const archived: z.ZodType<ArchivedEdition> = z.strictObject({ ...editionFacts, ...textServed });

export const editionArchive: z.ZodType<EditionArchive> = z.strictObject({
  policy: z.string(),
  editions: z.array(archived),
});

export const policyEdition: z.ZodType<PolicyEdition> = z.strictObject({
  policy: z.string(),
  ...editionFacts,
  ...textServed,
  format,
  body: z.string(),
});

const formPolicyEdition = z.strictObject({
  version: z.int(),
  effectiveAt: instant(),
  changeKind,
  servedLocale: z.string(),
  title: z.string(),
  contentHash: sha256(),
});

export const formDefinition: z.ZodType<FormDefinition> = z.strictObject({
  key: z.string(),
  name: z.string(),
  revision: z.int(),
  hash: sha256(),
  locale: z.string(),
  title: z.string(),
  doubleOptIn: z.boolean(),
  fields: z.array(
    z.strictObject({
      name: z.string(),
      type: z.string(),
      required: z.boolean(),
      category: z.string(),
      maxLength: z.int().nullable(),
      options: z.array(z.string()).nullable(),
      label: z.string(),
    }),
  ),
  purposes: z.array(
    z.strictObject({
      key: z.string(),
      required: z.boolean(),
      legalBasis: z.string(),
      label: z.string(),
    }),
  ),
  policies: z.array(
    z.strictObject({
      policy: z.string(),
      name: z.string(),
      current: formPolicyEdition.nullable(),
      upcoming: formPolicyEdition.nullable(),
    }),
  ),
});

const receiptEventShape = {
  id: z.string(),
  action: consentAction,
  policy: z.string(),
  version: z.int(),
  locale: z.string(),
  contentHash: sha256(),
  hash: sha256(),
  content: eventContent,
  proof: z.strictObject({ url: z.string(), availableAfter: instant() }),
};
const receiptEvent: z.ZodType<ReceiptEvent> = z.strictObject(receiptEventShape);

const receipt: z.ZodType<Receipt> = z.strictObject({
  submission: z.string(),
  receivedAt: instant(),
  form: z.strictObject({ key: z.string(), revision: z.int(), hash: sha256() }),
  locale: z.string(),
  purposes: z.record(z.string(), z.boolean()),
  events: z.array(receiptEvent),
  withdraw: z.strictObject({
    endpoint: z.string(),
    contact: z.string().nullable(),
    note: z.string(),
    policy: z.string().nullable(),
  }),
});

export const submissionResult: z.ZodType<SubmissionResult> = z.strictObject({
  status: z.literal('recorded'),
  submissionId: z.string(),
  receivedAt: instant(),
  receipt,
});

export const pendingSubmission: z.ZodType<PendingSubmission> = z.strictObject({
  status: z.literal('pending'),
  submissionId: z.string(),
  receivedAt: instant(),
  confirmation: z.strictObject({ sentTo: z.string(), expiresAt: instant() }),
});

export const confirmationStatus: z.ZodType<ConfirmationStatus> = z.strictObject({
  status: z.enum(['pending', 'confirmed', 'expired']),
  form: z.string().nullable(),
  expiresAt: instant().nullable(),
});

export const consentResult: z.ZodType<ConsentResult> = z.strictObject({
  event: z.strictObject({ ...receiptEventShape, occurredAt: instant() }),
});

const checkpoint = z.strictObject({
  hash: sha256(),
  seqFrom: z.int(),
  seqTo: z.int(),
  count: z.int(),
  root: sha256(),
  prevHash: sha256().nullable(),
  sealedAt: instant(),
  audit: z.strictObject({ from: z.int(), to: z.int(), count: z.int(), root: sha256() }).optional(),
});

const proofTimestamp = z.strictObject({
  authority: z.string(),
  genTime: instant(),
  token: z.string(),
});

const logCheckpoint = checkpoint.extend({ id: z.int(), timestamps: z.array(proofTimestamp) });

export const checkpointPage: z.ZodType<CheckpointPage> = z.strictObject({
  checkpoints: z.array(logCheckpoint),
  next: z.int().nullable(),
});

export const checkpointHead: z.ZodType<LogCheckpoint | null> = logCheckpoint.nullable();

export const consistencyProof: z.ZodType<ConsistencyProof> = z.strictObject({
  from: logCheckpoint,
  chain: z.array(logCheckpoint),
});

export const receiptProof: z.ZodType<ReceiptProofResult> = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('sealed'),
    event: z.strictObject({ id: z.string(), hash: sha256() }),
    leafIndex: z.int(),
    auditPath: z.array(sha256()),
    checkpoint,
    timestamps: z.array(proofTimestamp),
  }),
  z.strictObject({
    status: z.literal('pending'),
    event: z.strictObject({ id: z.string(), hash: sha256() }),
    availableAfter: instant(),
  }),
]);

export const withdrawResult: z.ZodType<WithdrawResult> = z.strictObject({
  events: z.array(
    z.strictObject({
      id: z.string(),
      action: consentAction,
      policy: z.string(),
      version: z.int(),
      purposes: z.record(z.string(), z.boolean()),
      occurredAt: instant(),
      hash: sha256(),
    }),
  ),
});

export const subjectStatus: z.ZodType<SubjectStatus> = z.strictObject({
  policy: z.string(),
  acceptedVersion: z.int().nullable(),
  currentVersion: z.int().nullable(),
  needsAcceptance: z.boolean(),
  reason: z.enum(['not-accepted', 'denied', 'reconsent-required', 'expired']).nullable(),
  purposes: z.record(z.string(), z.literal(true)),
  expiredPurposes: z.array(z.string()),
});

export const linkResult: z.ZodType<LinkResult> = z.strictObject({
  action: z.enum(['linked', 'unlinked']),
  linked: z.boolean(),
  recorded: z.strictObject({ id: z.string(), occurredAt: instant() }).nullable(),
  identities: z.int(),
});
