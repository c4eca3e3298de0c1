import { z } from '@strapi/utils';
import type { ApiResponse, AuditEntry, AuditPage } from '../../../../shared/contracts';
import { dataBody, instant, sha256 } from '../common';

/** The audit trail (controllers/admin-audit.ts). */

export const auditEntry: z.ZodType<AuditEntry> = z.strictObject({
  seq: z.int(),
  id: z.string(),
  occurredAt: instant(),
  actor: z.strictObject({
    type: z.enum(['admin', 'api-token', 'user', 'system']),
    id: z.string().nullable(),
    name: z.string().nullable(),
  }),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: sha256(),
  sealed: z.boolean(),
});

export const auditPage: z.ZodType<AuditPage> = z.strictObject({
  entries: z.array(auditEntry),
  nextCursor: z.string().regex(/^\d+$/).nullable(),
  timeZone: z.string(),
});

export const auditPageBody: z.ZodType<ApiResponse<AuditPage>> = dataBody(auditPage);
