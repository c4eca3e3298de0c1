import { PLUGIN_ID } from '../pluginId';

type QueryValue = string | number | null | undefined;

/**
 * "?a=1&b=x" from the non-empty values (trimmed), or "" when there are none.
 * Built by hand because the fetch client's `params` are serialised without
 * encoding, which would break e-mail addresses and phone numbers ("+").
 */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, raw] of Object.entries(params)) {
    if (raw === null || raw === undefined) continue;
    const value = String(raw).trim();
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Path of an admin route of the plugin: apiPath('ledger', 'verify') -> "/policy-ledger/ledger/verify". */
export const apiPath = (...segments: string[]): string =>
  `/${PLUGIN_ID}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;

export const API = {
  overview: () => apiPath('overview'),
  acceptance: (params: Record<string, QueryValue>) =>
    `${apiPath('stats', 'acceptance')}${queryString(params)}`,
  ledger: (params: Record<string, QueryValue>) => `${apiPath('ledger')}${queryString(params)}`,
  ledgerExport: (params: Record<string, QueryValue>) =>
    `${apiPath('ledger', 'export')}${queryString(params)}`,
  verify: () => apiPath('ledger', 'verify'),
  diff: (compareDocumentId: string, params: Record<string, QueryValue>) =>
    `${apiPath('editions', compareDocumentId, 'diff')}${queryString(params)}`,
};

/** A calendar date "YYYY-MM-DD" (what `<input type="date">` holds), or empty. */
export const isCalendarDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value.trim());

/** Hashes are long: tables show their first 12 characters (the full value goes into a title). */
export const shortHash = (hash: string | null | undefined, length = 12): string =>
  hash ? hash.slice(0, length) : '';
