import { z } from '@strapi/utils';
import type {
  AcceptanceCounts,
  AcceptanceStats,
  ApiResponse,
  GroupKey,
  LedgerEvent,
  LedgerPage,
  PeopleCounts,
} from '../../../../shared/contracts';
import { dataBody, date, eventContentShape, evidenceStrength, sha256 } from '../common';

/** The ledger's pages and acceptance (controllers/admin-reports.ts). */

const groupKey: z.ZodType<GroupKey> = z.enum(['version', 'locale', 'form', 'day', 'strength']);

const countsShape = {
  granted: z.int(),
  implied: z.int(),
  withdrawn: z.int(),
  denied: z.int(),
  total: z.int(),
  notified: z.int(),
};
const acceptanceCounts: z.ZodType<AcceptanceCounts> = z.strictObject(countsShape);

const peopleCounts: z.ZodType<PeopleCounts> = z.strictObject({
  people: z.int(),
  declining: z.int(),
  byEdition: z.array(z.strictObject({ version: z.int(), people: z.int() })),
  withoutEdition: z.int(),
  purposes: z.array(z.strictObject({ purpose: z.string(), people: z.int(), expired: z.int() })),
  countedUpTo: z.int(),
  notYetCounted: z.int(),
});

export const acceptanceStats: z.ZodType<AcceptanceStats> = z.strictObject({
  policy: z.string(),
  currentVersion: z.int().nullable(),
  groupBy: z.array(groupKey),
  // A row carries only the keys grouped by (AcceptanceRow: each optional).
  rows: z.array(
    z.strictObject({
      ...countsShape,
      version: z.int().nullable().optional(),
      locale: z.string().nullable().optional(),
      form: z.string().nullable().optional(),
      day: date().nullable().optional(),
      strength: evidenceStrength.nullable().optional(),
    }),
  ),
  totals: acceptanceCounts,
  pendingReacceptance: z.int(),
  people: peopleCounts,
});

/** One event of a page; also one line of the NDJSON export (GET /ledger/export?format=ndjson). */
export const ledgerEvent: z.ZodType<LedgerEvent> = z.strictObject({
  ...eventContentShape,
  seq: z.int(),
  hash: sha256(),
});

export const ledgerPage: z.ZodType<LedgerPage> = z.strictObject({
  events: z.array(ledgerEvent),
  // The last seq of the page, as a string (controllers take it back as `cursor`).
  nextCursor: z.string().regex(/^\d+$/).nullable(),
});

export const acceptanceBody: z.ZodType<ApiResponse<AcceptanceStats>> = dataBody(acceptanceStats);
export const ledgerPageBody: z.ZodType<ApiResponse<LedgerPage>> = dataBody(ledgerPage);
