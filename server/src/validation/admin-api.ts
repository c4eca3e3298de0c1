import { z } from '@strapi/utils';
import type {
  VerifyBody,
  AuditExportQuery,
  AuditQuery,
  NewRequestBody,
  RequestActionBody,
  RequestStatusBody,
  RequestsQuery,
  SubjectExportQuery,
  AcceptanceQuery,
  DiffQuery,
  ExportQuery,
  GroupKey,
  LedgerQuery,
  SubjectRequest,
  SuccessorBody,
} from '../../../shared/contracts';
import {
  boundedText,
  calendarDay,
  dateOrInstant,
  documentId,
  key,
  locale,
  oneOf,
  personIdentifier,
  positiveIntText,
} from './patterns';
import { AUDIT_ACTIONS } from '../domain/audit';

/** Request schemas of the admin API (routes/admin.ts). Unknown query parameters are refused. */

export const documentParams = z.object({ documentId: documentId() });

const instant = 'must be an ISO 8601 instant such as 2026-12-01T00:00:00Z';

/** Body of a release: effectiveAt parsed to a Date. */
export const releaseBody = z.strictObject(
  {
    effectiveAt: z
      .string({ error: instant })
      .refine((v) => !Number.isNaN(new Date(v).getTime()), { error: instant })
      .transform((v) => new Date(v))
      .nullable()
      .optional(),
  },
  { error: 'must be a JSON object' },
);

/** Body of "new edition from this one": nothing to choose yet, so nothing is accepted. */
export const successorBody: z.ZodType<SuccessorBody> = z.strictObject(
  {},
  { error: 'must be a JSON object' },
);

const filters = {
  policy: boundedText(64),
  version: positiveIntText(),
  locale: locale(),
  form: boundedText(64),
  action: oneOf(['granted', 'implied', 'withdrawn', 'denied', 'notified', 'linked', 'unlinked']),
  from: dateOrInstant(),
  to: dateOrInstant(),
  subject: personIdentifier('must be an e-mail address, a phone number or an id'),
};
const optional = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };

export const ledgerQuery = z.strictObject({
  ...optional(filters),
  cursor: positiveIntText('must be a seq number').optional(),
  limit: positiveIntText('must be an integer from 1 to 500')
    .refine((n) => n <= 500, { error: 'must be an integer from 1 to 500' })
    .default(50),
}) satisfies z.ZodType<LedgerQuery & { limit: number }>;

export const exportQuery = z.strictObject({
  ...optional(filters),
  format: oneOf(['csv', 'ndjson', 'iso27560']),
  bom: oneOf(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
}) satisfies z.ZodType<ExportQuery>;

const GROUP_KEYS: readonly GroupKey[] = ['version', 'locale', 'form', 'day', 'strength'];
const groupByMessage = 'must be a comma-separated list of version, locale, form, day, strength';

export const acceptanceQuery = z.strictObject({
  policy: key(),
  groupBy: boundedText(64, groupByMessage)
    .default('version')
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((g) => g.trim())
          .filter(Boolean),
      ),
    ])
    .refine((list): list is GroupKey[] => list.every((g) => GROUP_KEYS.includes(g as GroupKey)), {
      error: groupByMessage,
    }),
  from: dateOrInstant().optional(),
  to: dateOrInstant().optional(),
}) satisfies z.ZodType<AcceptanceQuery>;

export const diffQuery = z.object({
  against: documentId(),
  locale: locale(),
}) satisfies z.ZodType<DiffQuery>;

const identifier = () =>
  personIdentifier("must be the person's e-mail address, phone number or id");

export const subjectQuery = z.object({
  identifier: identifier(),
}) satisfies z.ZodType<SubjectRequest>;

export const subjectExportQuery = z.object({
  identifier: identifier(),
  format: oneOf(['json', 'html']).default('json'),
  locale: oneOf(['en', 'ru', 'kk']).default('en'),
}) satisfies z.ZodType<Required<SubjectExportQuery>>;

export const subjectBody: z.ZodType<SubjectRequest> = z.strictObject(
  { identifier: identifier() },
  { error: 'must be a JSON object' },
);

const REQUEST_TYPES = ['access', 'correction', 'erasure', 'withdrawal', 'objection'] as const;
const REQUEST_STATUSES = ['received', 'verifying', 'in-progress', 'done', 'refused'] as const;

export const requestParams = z.object({
  id: boundedText(64, 'must be a request id').regex(/^[0-9a-f-]{36}$/, {
    error: 'must be a request id',
  }),
});

export const requestsQuery = z.object({
  status: oneOf([...REQUEST_STATUSES, 'open']).optional(),
  type: oneOf(REQUEST_TYPES).optional(),
}) satisfies z.ZodType<RequestsQuery>;

export const newRequestBody: z.ZodType<NewRequestBody> = z.strictObject(
  {
    type: oneOf(REQUEST_TYPES),
    contact: identifier(),
    receivedOn: calendarDay().optional(),
    note: boundedText(2000).optional(),
  },
  { error: 'must be a JSON object' },
);

export const requestStatusBody: z.ZodType<RequestStatusBody> = z.strictObject(
  {
    status: oneOf(REQUEST_STATUSES),
    reason: boundedText(2000).optional(),
    identityMethod: boundedText(200).optional(),
    note: boundedText(2000).optional(),
  },
  { error: 'must be a JSON object' },
);

export const requestActionBody: z.ZodType<RequestActionBody> = z.strictObject(
  { action: oneOf(['export', 'erase', 'withdraw']) },
  { error: 'must be a JSON object' },
);

const auditFilters = {
  action: oneOf(AUDIT_ACTIONS).optional(),
  from: dateOrInstant().optional(),
  to: dateOrInstant().optional(),
};

export const auditQuery = z.strictObject({
  ...auditFilters,
  cursor: positiveIntText('must be a seq number').optional(),
  limit: positiveIntText('must be an integer from 1 to 500')
    .refine((n) => n <= 500, { error: 'must be an integer from 1 to 500' })
    .default(50),
}) satisfies z.ZodType<AuditQuery & { limit: number }>;

export const auditExportQuery = z.strictObject({
  ...auditFilters,
  bom: oneOf(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
}) satisfies z.ZodType<AuditExportQuery>;

export const verifyBody: z.ZodType<Required<VerifyBody>> = z.strictObject({
  mode: oneOf(['full', 'incremental']).default('full'),
  consistency: z.boolean({ error: 'must be true or false' }).default(true),
});
