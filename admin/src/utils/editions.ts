import type { OverviewEdition } from '../../../shared/contracts';

/** Newest first: drafts (no version yet), then by version, then by edition date. */
export function sortEditions(editions: OverviewEdition[]): OverviewEdition[] {
  return [...editions].sort((a, b) => {
    if (a.version === null && b.version !== null) return -1;
    if (a.version !== null && b.version === null) return 1;
    if (a.version !== null && b.version !== null && a.version !== b.version) {
      return b.version - a.version;
    }
    return (b.editionDate ?? '').localeCompare(a.editionDate ?? '');
  });
}
