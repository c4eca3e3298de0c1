import type { LedgerFilters } from '../../../shared/contracts';

const part = (v: string) => v.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 40);

/**
 * The name an export is saved under: what it holds and when it was made,
 * e.g. "policy-ledger-privacy-v3-kk-granted-from-2027-01-01-2027-03-04.csv".
 * A person filter shows as "person" (never the identifier itself).
 */
export function exportFilename(f: LedgerFilters, ext: string, day: string): string {
  const parts = [
    'policy-ledger',
    f.policy ? part(f.policy) : 'all',
    f.version !== undefined ? `v${f.version}` : null,
    f.locale ? part(f.locale) : null,
    f.form ? `form-${part(f.form)}` : null,
    f.action ?? null,
    f.from ? `from-${part(f.from.slice(0, 10))}` : null,
    f.to ? `to-${part(f.to.slice(0, 10))}` : null,
    f.subject ? 'person' : null,
    day,
  ];
  return `${parts.filter(Boolean).join('-')}.${ext}`;
}

/** The audit trail's export name, e.g. "policy-ledger-audit-edition.released-from-2027-01-01-2027-03-04.csv". */
export function auditFilename(
  f: { action?: string; from?: string; to?: string },
  ext: string,
  day: string,
): string {
  const parts = [
    'policy-ledger-audit',
    f.action ? part(f.action) : null,
    f.from ? `from-${part(f.from.slice(0, 10))}` : null,
    f.to ? `to-${part(f.to.slice(0, 10))}` : null,
    day,
  ];
  return `${parts.filter(Boolean).join('-')}.${ext}`;
}
