import type { Context } from 'koa';
import { ifNoneMatchHits } from '../domain/conditional';
import type { Served } from '../catalog/types';

/**
 * Sends a cacheable public response: ETag, 304, Cache-Control, Vary. The
 * ordinary routes (controllers/policies.ts) and the fast path both send
 * through here, so their answers are the same.
 */
export function sendCacheable(ctx: Context, served: Served) {
  // Added to the CORS middleware's `Vary: Origin`, never replacing it: a
  // shared cache must not hand one site's CORS answer to another.
  ctx.vary('Origin');
  ctx.vary('Accept-Language');
  ctx.set('Cache-Control', `public, max-age=${served.maxAge}`);
  ctx.set('ETag', served.etag);
  if (ifNoneMatchHits(ctx.get('if-none-match'), served.etag)) {
    ctx.status = 304;
    return;
  }
  if (served.json) {
    ctx.type = 'application/json';
    ctx.body = served.json;
  } else ctx.body = { data: served.data, meta: {} };
}
