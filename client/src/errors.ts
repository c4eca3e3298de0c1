import type { ApiError } from '../../shared/contracts/common';

/** One problem with one field, as the server lists them in `error.details.errors`. */
export interface FieldError {
  /** Where: `['data', 'email']`, `['purposes', 'processing']`, `['accepted', '0', 'hash']`. */
  path: string[];
  message: string;
}

const BRAND = Symbol.for('policy-ledger.error');

/**
 * An answer of the server that is not a success, with Strapi's error body
 * typed: `status` (400, 404, 409…), `name` (Strapi's: ValidationError,
 * NotFoundError, ForbiddenError…; `HttpError` when the body is not Strapi's,
 * e.g. a proxy's 502), `message`, and `details` as the server sent them.
 */
export class PolicyLedgerError extends Error {
  readonly status: number;
  readonly details: Record<string, unknown>;
  /** Seconds from a numeric `Retry-After` header, if any. */
  readonly retryAfter: number | null;

  constructor(status: number, body: ApiError | null, retryAfter: number | null = null) {
    super(body?.error?.message || `HTTP ${status}`);
    this.name = body?.error?.name || 'HttpError';
    this.status = status;
    this.details = body?.error?.details ?? {};
    this.retryAfter = retryAfter;
    Object.defineProperty(this, BRAND, { value: 'http' });
  }

  /** The field errors of a 400 (`details.errors`), empty otherwise. */
  get fieldErrors(): FieldError[] {
    const list = this.details.errors;
    return Array.isArray(list)
      ? list.map((e: { path?: unknown; message?: unknown }) => ({
          path: Array.isArray(e?.path) ? e.path.map(String) : [],
          message: String(e?.message ?? ''),
        }))
      : [];
  }
}

/** The request did not reach the server, or its answer did not come back. */
export class PolicyLedgerNetworkError extends Error {
  readonly cause: unknown;

  constructor(cause: unknown) {
    super(`Network error: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'PolicyLedgerNetworkError';
    this.cause = cause;
    Object.defineProperty(this, BRAND, { value: 'network' });
  }
}

const brandOf = (e: unknown) =>
  typeof e === 'object' && e !== null ? (e as Record<symbol, unknown>)[BRAND] : undefined;

/** True for an error answer of the server (also across two copies of this module). */
export const isPolicyLedgerError = (e: unknown): e is PolicyLedgerError =>
  e instanceof PolicyLedgerError || brandOf(e) === 'http';

/** True when the request failed on the network (no answer). */
export const isPolicyLedgerNetworkError = (e: unknown): e is PolicyLedgerNetworkError =>
  e instanceof PolicyLedgerNetworkError || brandOf(e) === 'network';
