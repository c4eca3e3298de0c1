/** Admin API (/policy-ledger, admin JWT + RBAC): the ledger, its export, acceptance. */
import type { ConsentAction, ConsentMethod } from './common';

export type GroupKey = 'version' | 'locale' | 'form' | 'day';

export interface LedgerFilters {
  policy?: string;
  version?: number;
  locale?: string;
  form?: string;
  action?: ConsentAction;
  /** A date (YYYY-MM-DD, UTC day) or an ISO instant; inclusive. */
  from?: string;
  /** A date (YYYY-MM-DD, the whole UTC day) or an ISO instant; inclusive. */
  to?: string;
  /** A person's raw identifier (e-mail, phone, id); hashed by the server. */
  subject?: string;
}

export interface LedgerQuery extends LedgerFilters {
  /** The last seq seen (pages go newest first). */
  cursor?: number;
  limit?: number;
}

export type ExportFormat = 'csv' | 'ndjson' | 'iso27560';

export interface ExportQuery extends LedgerFilters {
  format: ExportFormat;
  /** CSV only: start with a UTF-8 byte-order mark, so spreadsheet programs read Cyrillic right. */
  bom?: boolean;
}

export interface AcceptanceQuery {
  policy: string;
  groupBy: GroupKey[];
  from?: string;
  to?: string;
}

export interface AcceptanceCounts {
  granted: number;
  implied: number;
  withdrawn: number;
  denied: number;
  total: number;
}

export interface AcceptanceRow extends AcceptanceCounts {
  version?: number | null;
  locale?: string | null;
  /** null: recorded through the API, not through a form. */
  form?: string | null;
  /** A calendar date, YYYY-MM-DD. */
  day?: string | null;
}

export interface AcceptanceStats {
  policy: string;
  currentVersion: number | null;
  groupBy: GroupKey[];
  rows: AcceptanceRow[];
  totals: AcceptanceCounts;
  pendingReacceptance: number;
}

export interface EventContent {
  id: string;
  occurredAt: string;
  subject: string;
  action: ConsentAction;
  policy: string;
  version: number;
  locale: string | null;
  contentHash: string | null;
  form: string | null;
  formRevision: number | null;
  formHash: string | null;
  purposes: Record<string, boolean>;
  method: ConsentMethod;
  submission: string | null;
  evidenceHash: string | null;
}

export interface LedgerEvent extends EventContent {
  seq: number;
  hash: string;
}

export interface LedgerPage {
  events: LedgerEvent[];
  nextCursor: string | null;
}
