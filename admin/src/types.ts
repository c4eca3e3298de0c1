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
