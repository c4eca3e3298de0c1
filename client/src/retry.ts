import { PolicyLedgerError, PolicyLedgerNetworkError } from './errors';

/** A fresh Idempotency-Key: a UUID where the runtime has one, else 128 random bits. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Worth trying again with the same key: the request may not have been answered. */
export const retryable = (e: unknown) =>
  e instanceof PolicyLedgerNetworkError ||
  (e instanceof PolicyLedgerError && [502, 503, 504].includes(e.status));

export interface RetryOptions {
  retries?: number;
  /** Waits before attempt n (1-based); default 250 ms × 2^(n-1). */
  sleep?: (attempt: number) => Promise<void>;
}

const backoff = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1)));

/** Runs `attempt` up to retries + 1 times while it fails in a retryable way. */
export async function withRetries<T>(attempt: () => Promise<T>, o: RetryOptions): Promise<T> {
  const retries = o.retries ?? 2;
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (n >= retries || !retryable(e)) throw e;
      await (o.sleep ?? backoff)(n + 1);
    }
  }
}
