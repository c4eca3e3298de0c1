export type EditionState = 'draft' | 'scheduled' | 'in-force' | 'superseded' | 'cancelled';

export interface EditionLocaleStatus {
  locale: string;
  complete: boolean;
  contentHash: string | null;
  releasedAt: string | null;
}

/**
 * Body of GET /policy-ledger/editions/:documentId/status (and of the release
 * and cancel routes), see server/src/services/editions.ts `status()`.
 */
export interface EditionStatus {
  documentId: string;
  policy: { key: string; name: string; documentId?: string } | null;
  state: EditionState;
  version: number | null;
  /** A calendar date, YYYY-MM-DD. */
  editionDate: string | null;
  releasedAt: string | null;
  effectiveAt: string | null;
  cancelledAt: string | null;
  changeKind: 'editorial' | 'material' | 'reconsent';
  currentVersion: number | null;
  requiredLocales: string[];
  missingLocales: string[];
  locales: EditionLocaleStatus[];
  /** The server's clock when the status was computed (ISO). */
  now: string;
  canRelease: boolean;
  canCancel: boolean;
}

export interface EditionStatusResponse {
  data: EditionStatus;
}

/* -------------------------------------------------------------------------------------------------
 * Policy Ledger page (admin routes under /policy-ledger/…)
 * -----------------------------------------------------------------------------------------------*/

export type ChangeKind = EditionStatus['changeKind'];

/** Every admin route answers `{ data: … }`. */
export interface ApiResponse<T> {
  data: T;
}

/** One edition in GET /policy-ledger/overview. */
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

/** Body of GET /policy-ledger/overview. */
export interface Overview {
  /** The server's clock when the overview was computed (ISO). */
  now: string;
  policies: OverviewPolicy[];
}

export type ConsentAction = 'granted' | 'implied' | 'withdrawn' | 'denied';

export type GroupKey = 'version' | 'locale' | 'form' | 'day';

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

/** Body of GET /policy-ledger/stats/acceptance. */
export interface AcceptanceStats {
  policy: string;
  currentVersion: number | null;
  groupBy: GroupKey[];
  rows: AcceptanceRow[];
  totals: AcceptanceCounts;
  pendingReacceptance: number;
}

export interface LedgerEvent {
  seq: number;
  id: string;
  occurredAt: string;
  subject: string;
  action: ConsentAction;
  policy: string;
  version: number | null;
  locale: string | null;
  contentHash: string | null;
  form: string | null;
  formRevision: number | string | null;
  purposes: Record<string, boolean> | null;
  method: string | null;
  submission: string | null;
  hash: string;
}

/** Body of GET /policy-ledger/ledger. */
export interface LedgerPage {
  events: LedgerEvent[];
  nextCursor: string | null;
}

export interface VerifyMismatch {
  kind: string;
  seq?: number;
  eventId?: string;
  checkpoint?: number;
  reason: string;
}

/** Body of POST /policy-ledger/ledger/verify. */
export interface VerifyResult {
  ok: boolean;
  events: number;
  checkpoints: number;
  firstMismatch: VerifyMismatch | null;
  latestCheckpoint: { hash: string; seqTo: number; sealedAt: string } | null;
}

export type DiffChangeType = 'added' | 'removed' | 'unchanged';

export interface DiffSide {
  documentId: string;
  version: number | null;
  title: string | null;
}

/** Body of GET /policy-ledger/editions/:documentId/diff. */
export interface EditionDiff {
  locale: string;
  base: DiffSide;
  compare: DiffSide;
  changes: Array<{ type: DiffChangeType; value: string }>;
  stats: { added: number; removed: number };
}

/** Body of GET /policy-ledger/ledger/seal-status. */
export interface SealStatus {
  status: 'ok' | 'behind' | 'off';
  unsealed: number;
  oldestUnsealedAt: string | null;
  oldestUnsealedAgeSeconds: number | null;
  overdueAfterSeconds: number;
  jobs: { enabled: boolean; seal: string; sealLagSeconds: number; periodSeconds: number };
  latestCheckpoint: { hash: string; seqTo: number; sealedAt: string } | null;
}

/** One entry of GET /policy-ledger/health: something about the plugin's setup an admin must know. */
export interface SetupWarning {
  code: 'sealing-off' | 'sealing-behind' | 'unknown-locale' | 'subject-secret-missing';
  message: string;
  values: Record<string, string | number>;
}
