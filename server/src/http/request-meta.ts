import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { callerOf } from '../auth/caller';
import type { RequestMeta } from '../ledger/evidence';
import { pluginConfig } from '../utils/plugin';

const MAX_IDEMPOTENCY_KEY = 200;

/** Refuses bodies over submission.maxBodyBytes with 413, before any work. */
export function assertBodySize(strapi: Core.Strapi, ctx: Context) {
  const max = pluginConfig(strapi).submission.maxBodyBytes;
  const declared = Number(ctx.get('content-length') || 0);
  const actual = declared || Buffer.byteLength(JSON.stringify(ctx.request.body ?? null));
  if (actual > max) {
    throw new errors.PayloadTooLargeError(
      `The request body is ${actual} bytes; the limit is ${max}`,
      {
        limit: max,
      },
    );
  }
}

/**
 * Whether the abuse limits apply to this request: to every caller — anonymous
 * visitors, logged-in end users — but a server holding an API token
 * (Settings → API Tokens), which the operator vouches for.
 */
export function isLimited(ctx: Context): boolean {
  return callerOf(ctx).kind !== 'server';
}

/** What a write records of its request: the client, the page, the Idempotency-Key (checked here). */
export function requestMeta(ctx: Context, pageUrl?: string): RequestMeta {
  const idempotencyKey = ctx.get('idempotency-key') || null;
  if (idempotencyKey && idempotencyKey.length > MAX_IDEMPOTENCY_KEY) {
    const message = `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY} characters`;
    throw new errors.ValidationError(message, { errors: [{ path: ['Idempotency-Key'], message }] });
  }
  return {
    ip: ctx.request.ip || null,
    userAgent: ctx.get('user-agent') || null,
    pageUrl: pageUrl ?? (ctx.get('referer') || null),
    idempotencyKey,
    caller: callerOf(ctx).kind,
    gpc: ctx.get('sec-gpc').trim() === '1',
  };
}
