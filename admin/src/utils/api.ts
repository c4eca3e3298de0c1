import { PLUGIN_ID } from '../pluginId';

type QueryValue = string | number | readonly string[] | null | undefined;

/**
 * "?a=1&b=x" from the non-empty values (trimmed; lists joined with ","), or "" when there are
 * none. Built by hand because the fetch client's `params` are serialised without encoding, which
 * would break e-mail addresses and phone numbers ("+").
 */
export function queryString(params: object): string {
  const search = new URLSearchParams();
  for (const [key, raw] of Object.entries(params) as Array<[string, QueryValue]>) {
    if (raw === null || raw === undefined) continue;
    const value = (Array.isArray(raw) ? raw.join(',') : String(raw)).trim();
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Path of an admin route: apiPath('ledger', 'verify') -> "/policy-ledger/ledger/verify". */
export const apiPath = (...segments: string[]): string =>
  `/${PLUGIN_ID}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
