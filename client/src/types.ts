import type { CurrentPolicy, PolicyFormat } from '../../shared/contracts/content-api';
import type { FetchLike } from './request';
import type { RetryOptions } from './retry';

export interface ClientOptions {
  /** Where Strapi answers, e.g. "https://cms.example.kz" (without /api). */
  baseUrl: string;
  /** The API prefix of the plugin's routes ("/api/policy-ledger"; change it with Strapi's `rest.prefix`). */
  prefix?: string;
  /** Another fetch (tests, SSR frameworks, instrumentation); the global one by default. */
  fetch?: FetchLike;
  /** An API token, for the routes that are not public. Keep it on a server: never ship it to browsers. */
  token?: string;
  /** Sent with every request (after the client's own; an Authorization here wins over `token`). */
  headers?: Record<string, string>;
  /** Defaults for writes: retries (2) and how to wait between them. */
  retries?: number;
  sleep?: RetryOptions['sleep'];
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ReadOptions extends RequestOptions {
  /** The locale to read (`kk`, `ru`, `en`…); the server negotiates one when absent. */
  locale?: string;
  /** Sent as the Accept-Language header, only when given (a browser sends its own anyway). */
  acceptLanguage?: string;
}

export interface TextOptions extends ReadOptions {
  /** `markdown` (default): the text as written; `html`: rendered and sanitized by the server. */
  format?: PolicyFormat;
}

export interface CurrentOptions extends TextOptions {
  /** The ETag of the answer you hold: sent as If-None-Match, a 304 comes back as `not-modified`. */
  etag?: string;
}

export type CurrentResult =
  | { status: 'ok'; data: CurrentPolicy; etag: string | null }
  | { status: 'not-modified'; etag: string };

export interface WriteOptions extends RetryOptions {
  /** A key you stored (e.g. across page reloads); else one is made and reused for every retry. */
  idempotencyKey?: string;
}
