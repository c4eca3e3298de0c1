import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { PLUGIN_ID } from '../constants';

/** Request headers a browser on another origin sends to the plugin's routes. */
export const CORS_REQUEST_HEADERS = ['Idempotency-Key', 'If-None-Match'];
/** Response headers a frontend reads (ETag for conditional requests, Retry-After). */
export const CORS_EXPOSED_HEADERS = ['ETag', 'Retry-After'];

/** `base` plus each of `extra` it lacks (case-insensitive), as one header value. */
export function mergeHeaderList(base: string, extra: readonly string[]): string {
  if (base.trim() === '*') return base;
  const have = new Set(
    base
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
  const added = extra.filter((h) => !have.has(h.toLowerCase()));
  return [base.trim(), ...added].filter(Boolean).join(', ');
}

/**
 * Completes the app's own CORS answer (`strapi::cors`, with whatever origins
 * the app allows) for the plugin's routes only: a preflight the app allowed
 * also allows `Idempotency-Key` and `If-None-Match`, and an allowed response
 * exposes `ETag` and `Retry-After`. The app decides who may call; this only
 * adds the headers its documented protocol needs. Runs outermost (registered
 * before the fast path), so both ways in get it.
 */
export function registerCorsHeaders(strapi: Core.Strapi) {
  let base: string | null = null;
  const prefix = () =>
    (base ??= `${(strapi.config.get('api.rest.prefix', '/api') as string).replace(/\/$/, '')}/${PLUGIN_ID}/`);

  strapi.server.use(async (ctx: Context, next: Next) => {
    if (!ctx.path.startsWith(prefix()) || !ctx.get('origin')) return next();
    await next();
    if (!ctx.response.get('Access-Control-Allow-Origin')) return;
    if (ctx.method === 'OPTIONS') {
      const allowed = ctx.response.get('Access-Control-Allow-Headers');
      if (allowed)
        ctx.set('Access-Control-Allow-Headers', mergeHeaderList(allowed, CORS_REQUEST_HEADERS));
    } else {
      const exposed = ctx.response.get('Access-Control-Expose-Headers');
      ctx.set('Access-Control-Expose-Headers', mergeHeaderList(exposed, CORS_EXPOSED_HEADERS));
    }
  });
}
