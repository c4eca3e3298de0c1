import { z } from '@strapi/utils';
import type {
  ApiResponse,
  CheckpointRecord,
  CheckpointSummary,
  ConsistencyReport,
  Health,
  SealResult,
  SealStatus,
  SetupWarningCode,
  TimestampReport,
  VerifyMismatch,
  VerifyResult,
} from '../../../../shared/contracts';
import { dataBody, instant, sha256 } from '../common';

/** Verification, sealing and setup health (controllers/admin-ledger.ts). */

const verifyMode = z.enum(['full', 'incremental']);

const checkpointSummary: z.ZodType<CheckpointSummary> = z.strictObject({
  hash: sha256(),
  seqTo: z.int(),
  sealedAt: instant(),
});

const verifyMismatch: z.ZodType<VerifyMismatch> = z.strictObject({
  kind: z.enum(['event', 'checkpoint', 'audit', 'timestamp']),
  seq: z.int().optional(),
  auditSeq: z.int().optional(),
  eventId: z.string().optional(),
  checkpoint: z.int().optional(),
  reason: z.string(),
});

const timestampReport: z.ZodType<TimestampReport> = z.strictObject({
  authorities: z.array(z.string()),
  stamped: z.int(),
  unstamped: z.int(),
  overdue: z.int(),
  invalid: z.int(),
});

const consistencyReport: z.ZodType<ConsistencyReport> = z.strictObject({
  ok: z.boolean(),
  counters: z
    .strictObject({
      checked: z.literal('full'),
      groups: z.int(),
      ok: z.boolean(),
      mismatches: z.array(z.string()),
    })
    .nullable(),
  subjectStates: z.strictObject({
    checked: z.literal('sample'),
    people: z.int(),
    ok: z.boolean(),
    mismatches: z.array(z.string()),
  }),
});

export const verifyResult: z.ZodType<VerifyResult> = z.strictObject({
  ok: z.boolean(),
  timestamps: timestampReport.nullable(),
  consistency: consistencyReport.nullable(),
  mode: verifyMode,
  note: z.string().nullable(),
  since: z.strictObject({ checkpoint: z.int(), seqTo: z.int() }).nullable(),
  events: z.int(),
  auditEntries: z.int(),
  checkpoints: z.int(),
  threads: z.int(),
  firstMismatch: verifyMismatch.nullable(),
  latestCheckpoint: checkpointSummary.nullable(),
});

export const sealStatus: z.ZodType<SealStatus> = z.strictObject({
  status: z.enum(['ok', 'behind', 'off']),
  unsealed: z.int(),
  oldestUnsealedAt: instant().nullable(),
  oldestUnsealedAgeSeconds: z.int().nullable(),
  overdueAfterSeconds: z.int(),
  jobs: z.strictObject({
    enabled: z.boolean(),
    /** The sealing job's cron expression. */
    seal: z.string(),
    sealLagSeconds: z.int(),
    periodSeconds: z.int(),
  }),
  latestCheckpoint: checkpointSummary.nullable(),
});

/** A checkpoints row as the database returns it (snake_case). */
const checkpointRecord: z.ZodType<CheckpointRecord> = z.strictObject({
  id: z.int(),
  seq_from: z.int(),
  seq_to: z.int(),
  event_count: z.int(),
  root: sha256(),
  prev_hash: sha256().nullable(),
  hash: sha256(),
  sealed_at: instant(),
  audit_from: z.int().nullable().optional(),
  audit_to: z.int().nullable().optional(),
  audit_count: z.int().nullable().optional(),
  audit_root: sha256().nullable().optional(),
});

export const sealResult: z.ZodType<SealResult> = z.strictObject({
  checkpoint: checkpointRecord.nullable(),
  latest: checkpointRecord.nullable(),
});

const warningCode: z.ZodType<SetupWarningCode> = z.enum([
  'sealing-off',
  'sealing-behind',
  'unknown-locale',
  'subject-secret-missing',
  'not-durable',
  'timestamping-off',
  'limits-off',
  'mail-sendmail',
  'mail-failing',
  'mail-link-local',
]);

export const health: z.ZodType<Health> = z.strictObject({
  warnings: z.array(
    z.strictObject({
      code: warningCode,
      message: z.string(),
      values: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});

export const verifyBody: z.ZodType<ApiResponse<VerifyResult>> = dataBody(verifyResult);
export const sealStatusBody: z.ZodType<ApiResponse<SealStatus>> = dataBody(sealStatus);
export const sealBody: z.ZodType<ApiResponse<SealResult>> = dataBody(sealResult);
export const healthBody: z.ZodType<ApiResponse<Health>> = dataBody(health);
