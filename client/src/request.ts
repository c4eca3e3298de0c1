import type { ApiError } from '../../shared/contracts/common';
import { PolicyLedgerError, PolicyLedgerNetworkError } from './errors';

/** The part of `fetch` the client uses; the global `fetch` is one. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Transport {
  /** Base URL and API prefix, e.g. "https://cms.example.kz/api/policy-ledger". */
  root: string;
  fetch: FetchLike;
  headers: Record<string, string>;
}

export type Query = Record<string, string | number | undefined>;

export interface SendInit {
  method?: 'GET' | 'POST';
  query?: Query;
  headers?: Record<string, string | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

/** `/policies/a b` + `{ locale: 'kk' }` → the absolute URL, every part encoded. */
export function urlOf(root: string, path: string, query: Query = {}): string {
  const q = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${root}${path}${q ? `?${q}` : ''}`;
}

/** One path segment, encoded. */
export const seg = (s: string | number) => encodeURIComponent(String(s));

const seconds = (h: string | null) => (h && /^\d+$/.test(h.trim()) ? Number(h) : null);

/**
 * One request. A failure to get an answer becomes PolicyLedgerNetworkError
 * (an abort by the caller's signal is rethrown as it is); an answer ≥ 400
 * becomes PolicyLedgerError with Strapi's error body.
 */
export async function send(t: Transport, path: string, init: SendInit = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...t.headers };
  for (const [k, v] of Object.entries(init.headers ?? {})) if (v) headers[k] = v;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await t.fetch(urlOf(t.root, path, init.query), {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (e) {
    if (init.signal?.aborted) throw e;
    throw new PolicyLedgerNetworkError(e);
  }
  if (res.status >= 400) {
    const body = (await res.json().catch(() => null)) as ApiError | null;
    throw new PolicyLedgerError(res.status, body, seconds(res.headers.get('retry-after')));
  }
  return res;
}

/** The `data` of a `{ data, meta }` answer. */
export async function dataOf<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => undefined)) as { data?: T } | undefined;
  if (body === undefined || !('data' in body)) {
    const message = `Expected a JSON { data } answer from ${res.url || 'the server'}`;
    throw new PolicyLedgerError(res.status, {
      data: null,
      error: { status: res.status, name: 'InvalidResponse', message },
    });
  }
  return body.data as T;
}
