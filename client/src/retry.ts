import { isPolicyLedgerError, isPolicyLedgerNetworkError } from './errors';

/** Where random bytes come from: `globalThis.crypto` in browsers, Node 20 and edge runtimes. */
export interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
  randomUUID?: () => string;
}

/** A fresh Idempotency-Key: a random (v4) UUID, also where `randomUUID` is missing (plain http pages). */
export function newIdempotencyKey(source: RandomSource = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const b = source.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Worth sending again with the same key: the request may not have been answered. */
export const retryable = (e: unknown): boolean =>
  isPolicyLedgerNetworkError(e) || (isPolicyLedgerError(e) && [502, 503, 504].includes(e.status));

export interface RetryOptions {
  /** How many times a write is sent again after a network failure or a 502/503/504 (2). */
  retries?: number;
  /** Waits `ms` before a retry (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Before retry n (0-based): the server's Retry-After up to 10 s, else 200 ms × 2ⁿ plus jitter. */
export function delayBefore(n: number, e: unknown): number {
  const after = isPolicyLedgerError(e) ? e.retryAfter : null;
  if (after !== null) return Math.min(after * 1000, 10_000);
  return 200 * 2 ** n + Math.floor(Math.random() * 100);
}

/** Runs `attempt` up to `retries` + 1 times while it fails in a retryable way. */
export async function withRetries<T>(attempt: () => Promise<T>, o: RetryOptions = {}): Promise<T> {
  const retries = o.retries ?? 2;
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (n >= retries || !retryable(e) || o.signal?.aborted) throw e;
      await (o.sleep ?? wait)(delayBefore(n, e));
    }
  }
}
