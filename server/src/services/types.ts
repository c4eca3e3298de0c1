import type { ChangeKind } from '../../../shared/contracts';

/** One locale row of an edition as the Query Engine returns it. */
export interface EditionRow {
  id: number;
  documentId: string;
  locale: string;
  title: string | null;
  body: string | null;
  changeSummary: string | null;
  changeKind: ChangeKind;
  editionDate: string | null;
  version: number | null;
  releasedAt: string | Date | null;
  effectiveAt: string | Date | null;
  cancelledAt: string | Date | null;
  contentHash: string | null;
  localeReleasedAt: string | Date | null;
  policy?: PolicyRow | null;
}

export interface PolicyRow {
  id: number;
  documentId: string;
  key: string;
  name: string;
  effectDelayDays: number | null;
  requiredLocales: unknown;
  operatorLegalName?: string | null;
  operatorRegistrationNumber?: string | null;
  operatorAddress?: string | null;
  operatorEmail?: string | null;
  operatorPhone?: string | null;
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
