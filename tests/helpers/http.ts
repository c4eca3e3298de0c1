import { testApp } from './strapi';

export interface Res<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ReqOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the super admin's JWT (or the given token). */
  admin?: boolean | string;
}

/** One real HTTP request to the booted app. */
export async function http<T = any>(path: string, opts: ReqOptions = {}): Promise<Res<T>> {
  const { url, adminToken } = testApp();
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  if (opts.admin) headers.authorization = `Bearer ${opts.admin === true ? adminToken : opts.admin}`;
  const res = await fetch(url + path, {
    method: opts.method ?? (opts.body !== undefined ? 'POST' : 'GET'),
    headers,
    body:
      opts.body === undefined
        ? undefined
        : typeof opts.body === 'string'
          ? opts.body
          : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: body as T };
}
