import type { ApiError } from '../../shared/contracts';
import { PolicyLedgerError, PolicyLedgerNetworkError } from './errors';

export type Fetch = typeof fetch;

export interface Transport {
  baseUrl: string;
  fetch: Fetch;
  headers: Record<string, string>;
}

type Query = Record<string, string | number | undefined>;

/** `/policies/a b` + `{ locale: 'kk' }` → the absolute URL, parameters encoded. */
export function urlOf(t: Transport, path: string, query: Query = {}): string {
  const q = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${t.baseUrl}/api/policy-ledger${path}${q ? `?${q}` : ''}`;
}

export const seg = (s: string | number) => encodeURIComponent(String(s));

/** One request; network failures become PolicyLedgerNetworkError, non-2xx PolicyLedgerError. */
export async function send(
  t: Transport,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; signal?: AbortSignal },
): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...t.headers,
    ...init.headers,
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await t.fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (e) {
    if ((e as { name?: string })?.name === 'AbortError') throw e;
    throw new PolicyLedgerNetworkError(e);
  }
  if (res.status >= 400) {
    const body = (await res.json().catch(() => null)) as ApiError | null;
    throw new PolicyLedgerError(res.status, body, `HTTP ${res.status}`);
  }
  return res;
}

/** The `data` of a `{ data, meta }` answer. */
export async function dataOf<T>(res: Response): Promise<T> {
  return ((await res.json()) as { data: T }).data;
}
