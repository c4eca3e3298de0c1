import type { ChangeKind, CurrentPolicy } from '../../../shared/contracts';

/** What the catalog keeps of a policy and what it serves (catalog/service.ts). */

export interface PolicySnapshot {
  id: number;
  key: string;
  name: string;
  operatorEmail: string | null;
  requiredLocales: string[];
  defaultLocale: string;
  knownLocales: string[];
  /** Released editions (cancelled ones included), by version ascending. */
  editions: ReleasedEdition[];
  /** Memoized response bodies, keyed by variant. */
  responses: Map<string, CachedResponse>;
}

export interface CachedResponse {
  data: CurrentPolicy;
  etag: string;
  /** The response body `{ data, meta }`, serialized once. */
  json: string;
  /** The same body as bytes (UTF-8), for the fast path. */
  bytes: Buffer;
}

export interface LocaleRequest {
  locale?: string | null;
  acceptLanguage?: string | null;
}

export interface Served {
  data: unknown;
  etag: string;
  maxAge: number;
  /** The serialized `{ data, meta }` body when it is memoized. */
  json?: string;
  /** `json` as UTF-8 bytes. */
  bytes?: Buffer;
}

export interface EditionText {
  title: string;
  body: string;
  changeSummary: string | null;
  contentHash: string;
  releasedAt: Date;
}

/** A released edition with all its locales, as served. */
export interface ReleasedEdition {
  documentId: string;
  version: number;
  editionDate: string | null;
  releasedAt: Date;
  effectiveAt: Date;
  cancelledAt: Date | null;
  changeKind: ChangeKind;
  texts: Record<string, EditionText>;
}
