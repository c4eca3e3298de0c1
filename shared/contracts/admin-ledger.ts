/** Admin API (/policy-ledger, admin JWT + RBAC): the ledger, its export, acceptance. */
import type { EventContent, EvidenceStrength, LedgerAction } from './common';

export type GroupKey = 'version' | 'locale' | 'form' | 'day' | 'strength';

export interface LedgerFilters {
  policy?: string;
  version?: number;
  locale?: string;
  form?: string;
  action?: LedgerAction;
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
  /** Decisions: granted + implied + withdrawn + denied. */
  total: number;
  /** Notices of a material change sent (not decisions: not in `total`). */
  notified: number;
}

export interface AcceptanceRow extends AcceptanceCounts {
  version?: number | null;
  locale?: string | null;
  /** null: recorded through the API, not through a form. */
  form?: string | null;
  /** A calendar date, YYYY-MM-DD. */
  day?: string | null;
  /** How the decision is proven to be the person's (null: by the operator's servers, an admin or continued use). */
  strength?: EvidenceStrength | null;
}

export interface AcceptanceStats {
  policy: string;
  currentVersion: number | null;
  groupBy: GroupKey[];
  /** Events (decisions recorded), per group: one person who accepted twice counts twice. */
  rows: AcceptanceRow[];
  totals: AcceptanceCounts;
  pendingReacceptance: number;
  /** People, each counted once, by where they stand now. */
  people: PeopleCounts;
}

/**
 * People counts of a policy: each person once, by their standing now. They
 * cover the sealed events up to `countedUpTo` (the sealing job counts each
 * new checkpoint's events); `notYetCounted` events are newer.
 */
export interface PeopleCounts {
  /** People with any decision on the policy. */
  people: number;
  /** People whose denial stands (no later acceptance). */
  declining: number;
  /** People by the newest edition they accepted. */
  byEdition: Array<{ version: number; people: number }>;
  /**
   * People with no edition accepted (they declined, or never accepted one): with `byEdition`
   * they add up to `people`.
   */
  withoutEdition: number;
  /**
   * Per purpose: the people whose consent to it stands now, and (`expired`)
   * those whose grant has outlived the purpose's `renewAfterDays` — to be
   * asked again, not counted as consenting.
   */
  purposes: Array<{ purpose: string; people: number; expired: number }>;
  countedUpTo: number;
  notYetCounted: number;
}

export interface LedgerEvent extends EventContent {
  seq: number;
  hash: string;
}

export interface LedgerPage {
  events: LedgerEvent[];
  nextCursor: string | null;
}
