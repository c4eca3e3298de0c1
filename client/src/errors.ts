import type { ApiError } from '../../shared/contracts';

/** One problem with one field, as the server lists them in `details.errors`. */
export interface FieldError {
  path: string[];
  message: string;
}

/** An answer of the server that is not a success: Strapi's error body, typed. */
export class PolicyLedgerError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ApiError | null, fallback: string) {
    super(body?.error?.message ?? fallback);
    this.name = 'PolicyLedgerError';
    this.status = status;
    this.code = body?.error?.name ?? 'HttpError';
    this.details = body?.error?.details ?? {};
  }

  /** The field errors of a 400, if any. */
  get fieldErrors(): FieldError[] {
    const list = this.details.errors;
    return Array.isArray(list) ? (list as FieldError[]) : [];
  }
}

/** The request did not reach the server or its answer did not come back. */
export class PolicyLedgerNetworkError extends Error {
  readonly cause: unknown;
  constructor(cause: unknown) {
    super(`Network error: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'PolicyLedgerNetworkError';
    this.cause = cause;
  }
}

export const isPolicyLedgerError = (e: unknown): e is PolicyLedgerError =>
  e instanceof PolicyLedgerError;
