import type { Core } from '@strapi/strapi';
import { contentHash } from '../domain/hash';
import type { ChangeKind } from '../../../shared/contracts';
import type { ReleasedEdition } from '../catalog/types';

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

const toDate = (v: string | Date | null | undefined): Date | null => (v ? new Date(v) : null);

/** Groups locale rows of released editions into editions. */
export function groupEditions(strapi: Core.Strapi, rows: EditionRow[]): ReleasedEdition[] {
  const byDoc = new Map<string, ReleasedEdition>();
  for (const row of rows) {
    if (row.version === null || !row.releasedAt || !row.effectiveAt) continue;
    let e = byDoc.get(row.documentId);
    if (!e) {
      e = {
        documentId: row.documentId,
        version: row.version,
        editionDate: row.editionDate,
        releasedAt: new Date(row.releasedAt),
        effectiveAt: new Date(row.effectiveAt),
        cancelledAt: toDate(row.cancelledAt),
        changeKind: row.changeKind,
        texts: {},
      };
      byDoc.set(row.documentId, e);
    }
    // A locale row without text or hash was never released (it cannot happen
    // through the plugin's own paths); it is not served.
    if (!row.title || !row.body || !row.contentHash) continue;
    if (contentHash(row.body) !== row.contentHash) {
      strapi.log.error(
        `[policy-ledger] edition v${row.version} (${row.locale}): stored body does not match its content hash`,
      );
    }
    e.texts[row.locale] = {
      title: row.title,
      body: row.body,
      changeSummary: row.changeSummary,
      contentHash: row.contentHash,
      releasedAt: toDate(row.localeReleasedAt) ?? new Date(row.releasedAt),
    };
  }
  return [...byDoc.values()]
    .filter((e) => Object.keys(e.texts).length > 0)
    .sort((a, b) => a.version - b.version);
}
