import { errors } from '@strapi/utils';
import type { Context } from 'koa';

/**
 * Runs a public route's work; when an abuse limit refuses it (429), sets
 * Retry-After from the error's details before Strapi's error middleware
 * writes the JSON envelope.
 */
export async function withRetryAfter<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof errors.RateLimitError) {
      const seconds = (e.details as { retryAfter?: number } | undefined)?.retryAfter;
      if (seconds) ctx.set('Retry-After', String(seconds));
    }
    throw e;
  }
}
