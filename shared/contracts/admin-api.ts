/**
 * The admin API under /policy-ledger (admin JWT, RBAC per route): what the
 * admin panel sends and receives. The server validates requests against
 * schemas typed with these request types (server/src/validation/admin-api.ts).
 */
import type { ChangeKind, ConsentAction, ConsentMethod, EditionState } from './common';

/* ------------------------------------------------------------ requests -- */

/** Body of POST /editions/:documentId/release. */
export interface ReleaseBody {
  /** A later effective instant than release + delay (ISO 8601); never an earlier one. */
  effectiveAt?: string | null;
}

export type GroupKey = 'version' | 'locale' | 'form' | 'day';

/** Filters of GET /ledger and GET /ledger/export. */
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

/** Query of GET /ledger. */
export interface LedgerQuery extends LedgerFilters {
  /** The last seq seen (pages go newest first). */
  cursor?: number;
  limit?: number;
}

export type ExportFormat = 'csv' | 'ndjson' | 'iso27560';

/** Query of GET /ledger/export. */
export interface ExportQuery extends LedgerFilters {
  format: ExportFormat;
}

/** Query of GET /stats/acceptance. */
export interface AcceptanceQuery {
  policy: string;
  groupBy: GroupKey[];
  from?: string;
  to?: string;
}

/** Query of GET /editions/:documentId/diff. */
export interface DiffQuery {
  against: string;
  locale: string;
}

/** Query of GET /subjects/export and body of POST /subjects/erase. */
export interface SubjectRequest {
  identifier: string;
}

/* ----------------------------------------------------------- responses -- */

export interface EditionLocaleStatus {
  locale: string;
  complete: boolean;
  contentHash: string | null;
  releasedAt: string | null;
}

/** Body of GET /editions/:documentId/status (and of the release and cancel routes). */
export interface EditionStatus {
  documentId: string;
  policy: { key: string; name: string; documentId: string } | null;
  state: EditionState;
  version: number | null;
  /** A calendar date, YYYY-MM-DD. */
  editionDate: string | null;
  releasedAt: string | null;
  effectiveAt: string | null;
  cancelledAt: string | null;
  changeKind: ChangeKind;
  currentVersion: number | null;
  requiredLocales: string[];
  missingLocales: string[];
  locales: EditionLocaleStatus[];
  /** The server's clock when the status was computed (ISO). */
  now: string;
  canRelease: boolean;
  canCancel: boolean;
}

/** One edition in GET /overview. */
export interface OverviewEdition {
  documentId: string;
  version: number | null;
  state: EditionState;
  /** A calendar date, YYYY-MM-DD. */
  editionDate: string | null;
  releasedAt: string | null;
  effectiveAt: string | null;
  cancelledAt: string | null;
  changeKind: ChangeKind | null;
  locales: string[];
  title: string | null;
}

export interface OverviewPolicy {
  key: string;
  name: string;
  documentId: string;
  currentVersion: number | null;
  upcomingVersion: number | null;
  editions: OverviewEdition[];
}

/** Body of GET /overview. */
export interface Overview {
  /** The server's clock when the overview was computed (ISO). */
  now: string;
  policies: OverviewPolicy[];
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

/** Body of GET /stats/acceptance. */
export interface AcceptanceStats {
  policy: string;
  currentVersion: number | null;
  groupBy: GroupKey[];
  rows: AcceptanceRow[];
  totals: AcceptanceCounts;
  pendingReacceptance: number;
}

/** The hashed content of a ledger event (see server/src/domain/canonical.ts). */
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

/** An event as the admin API shows it: its content, where it sits, its hash. */
export interface LedgerEvent extends EventContent {
  seq: number;
  hash: string;
}

/** Body of GET /ledger. */
export interface LedgerPage {
  events: LedgerEvent[];
  nextCursor: string | null;
}

export interface VerifyMismatch {
  kind: 'event' | 'checkpoint';
  seq?: number;
  eventId?: string;
  checkpoint?: number;
  reason: string;
}

/** What admins see of a checkpoint: its hash (keep it elsewhere), how far it seals, when. */
export interface CheckpointSummary {
  hash: string;
  seqTo: number;
  sealedAt: string;
}

/** Body of POST /ledger/verify. */
export interface VerifyResult {
  ok: boolean;
  events: number;
  checkpoints: number;
  firstMismatch: VerifyMismatch | null;
  latestCheckpoint: CheckpointSummary | null;
}

/** How far sealing lags (see server/src/domain/seal-health.ts). */
export interface SealHealth {
  status: 'ok' | 'behind' | 'off';
  unsealed: number;
  oldestUnsealedAt: string | null;
  oldestUnsealedAgeSeconds: number | null;
  overdueAfterSeconds: number;
}

/** Body of GET /ledger/seal-status. */
export interface SealStatus extends SealHealth {
  jobs: { enabled: boolean; seal: string; sealLagSeconds: number; periodSeconds: number };
  latestCheckpoint: CheckpointSummary | null;
}

/** A stored checkpoint, as POST /ledger/seal returns it. */
export interface CheckpointRecord {
  id: number;
  seq_from: number;
  seq_to: number;
  event_count: number;
  root: string;
  prev_hash: string | null;
  hash: string;
  sealed_at: string;
}

/** Body of POST /ledger/seal. */
export interface SealResult {
  checkpoint: CheckpointRecord | null;
  latest: CheckpointRecord | null;
}

export type SetupWarningCode =
  'sealing-off' | 'sealing-behind' | 'unknown-locale' | 'subject-secret-missing';

/** Something about the plugin's setup an admin must know; the admin translates `code`. */
export interface SetupWarning {
  code: SetupWarningCode;
  message: string;
  values: Record<string, string | number>;
}

/** Body of GET /health. */
export interface Health {
  warnings: SetupWarning[];
}

export type DiffChangeType = 'added' | 'removed' | 'unchanged';

export interface DiffSide {
  documentId: string;
  version: number | null;
  title: string | null;
}

/** Body of GET /editions/:documentId/diff. */
export interface EditionDiff {
  locale: string;
  base: DiffSide;
  compare: DiffSide;
  changes: Array<{ type: DiffChangeType; value: string }>;
  stats: { added: number; removed: number };
}

/** Body of GET /subjects/export: everything held on one person. */
export interface SubjectExport {
  subject: string;
  submissions: Array<{
    id: string;
    form: string;
    formRevision: number;
    locale: string;
    receivedAt: string;
    data: Record<string, unknown> | null;
    erasedAt: string | null;
  }>;
  events: Array<{
    id: string;
    seq: number;
    occurredAt: string;
    action: ConsentAction;
    policy: string;
    version: number;
    locale: string | null;
    contentHash: string | null;
    form: string | null;
    purposes: Record<string, boolean>;
    method: ConsentMethod;
    submission: string | null;
    evidence: { ip: string | null; userAgent: string | null; pageUrl: string | null } | null;
  }>;
  texts: Array<{
    policy: string;
    version: number;
    locale: string;
    title: string;
    body: string;
    contentHash: string;
  }>;
}

/** Body of POST /subjects/erase. */
export interface EraseResult {
  submissions: number;
  evidence: number;
}
