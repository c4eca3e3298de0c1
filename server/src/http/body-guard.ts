import type { Core } from '@strapi/strapi';
import createError from 'http-errors';
import type { Context, Next } from 'koa';
import { PLUGIN_ID } from '../constants';

type KoaMiddleware = (ctx: Context, next: Next) => Promise<unknown>;
type BodyFactory = (config: unknown, opts: { strapi: Core.Strapi }) => KoaMiddleware;

/** Content-Encodings Strapi's body parser (koa-body → co-body → inflation) decodes. */
const ENCODINGS = new Set(['identity', 'gzip', 'deflate', 'br']);
/** Charsets a JSON body may declare (RFC 8259: JSON is UTF-8). */
const CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

const unsupported = (message: string, details: Record<string, unknown>) =>
  createError(415, message, { details });
const malformed = (message: string, details: Record<string, unknown>) =>
  createError(400, message, { details });

/**
 * What the body parser threw, as the 4xx it is: zlib's errors on a body that
 * claims gzip/deflate but is not, formidable's on a broken multipart, co-body's
 * on bad JSON or an unknown charset — in Strapi's error envelope, not a 500.
 */
export function bodyError(e: unknown): Error {
  const err = (e ?? {}) as {
    status?: number;
    statusCode?: number;
    httpCode?: number;
    code?: string | number;
    type?: string;
    message?: string;
  };
  const status = err.status ?? err.statusCode ?? err.httpCode;
  if (typeof err.code === 'string' && err.code.startsWith('Z_')) {
    return malformed('The request body is not valid compressed data for its Content-Encoding', {
      reason: 'encoding',
    });
  }
  if (status === 413) {
    return createError(413, 'The request body is too large', { details: { reason: 'size' } });
  }
  if (status === 415) {
    return unsupported(err.message ?? 'Unsupported request body', { reason: 'media-type' });
  }
  if (err.type === 'entity.parse.failed' || /JSON/i.test(err.message ?? '')) {
    return malformed('The request body is not valid JSON', { reason: 'json' });
  }
  if (
    typeof err.httpCode === 'number' ||
    /multipart|boundary|formidable/i.test(err.message ?? '')
  ) {
    return malformed('The request body is not valid multipart/form-data', { reason: 'multipart' });
  }
  return malformed('The request body could not be read', { reason: 'body' });
}

/**
 * What is refused before reading a byte of the body: an encoding the parser
 * cannot decode, a charset other than UTF-8, and (on the plugin's own routes,
 * which take JSON) any multipart body.
 */
export function refuseUpfront(ctx: Context, pluginRoute: boolean): Error | null {
  const encodings = (ctx.get('content-encoding') || 'identity')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = encodings.find((e) => !ENCODINGS.has(e));
  if (unknown !== undefined) {
    return unsupported(`Content-Encoding "${unknown}" is not supported`, {
      reason: 'encoding',
      supported: [...ENCODINGS],
    });
  }
  if (!ctx.request.length && !ctx.get('transfer-encoding')) return null; // no body
  const charset = ctx.request.charset?.toLowerCase();
  if (charset && ctx.is('json', 'text/*', 'urlencoded') && !CHARSETS.has(charset)) {
    return unsupported(`Charset "${charset}" is not supported; send UTF-8`, {
      reason: 'charset',
    });
  }
  if (pluginRoute && ctx.is('multipart')) {
    return unsupported('This route takes application/json, not multipart/form-data', {
      reason: 'media-type',
    });
  }
  return null;
}

/**
 * Wraps the app's `strapi::body` so that a hostile body — malformed gzip,
 * deflate or multipart, an unknown encoding or charset — answers 400 or 415
 * with Strapi's JSON error envelope, after the app's CORS and security
 * middlewares, and without an error-level stack trace (an http-errors error
 * with a 4xx status is formatted by `strapi::errors` and not logged).
 * Only the body's parsing is guarded: errors thrown further down (the
 * controllers) pass through untouched. `bodyGuard: 'plugin'` (the default)
 * guards the plugin's routes; `'app'` every route of the app.
 */
export function registerBodyGuard(strapi: Core.Strapi) {
  const registry = strapi.get('middlewares') as {
    get(uid: string): unknown;
    extend(uid: string, fn: (factory: BodyFactory) => BodyFactory): unknown;
  };
  if (!registry.get('strapi::body')) return;
  const prefix = () => (strapi.config.get('api.rest.prefix', '/api') as string).replace(/\/$/, '');
  const pluginPath = (path: string) =>
    path.startsWith(`${prefix()}/${PLUGIN_ID}/`) || path.startsWith(`/${PLUGIN_ID}/`);

  registry.extend('strapi::body', (factory) => (config, opts) => {
    const parse = factory(config, opts);
    return async (ctx, next) => {
      const ours = pluginPath(ctx.path);
      // Read as configured now (validated at boot): an app may switch it at runtime.
      if (!ours && strapi.config.get(`plugin::${PLUGIN_ID}.bodyGuard`) !== 'app') {
        return parse(ctx, next);
      }
      const refused = refuseUpfront(ctx, ours);
      if (refused) throw refused;
      let parsed = false;
      try {
        return await parse(ctx, () => {
          parsed = true;
          return next();
        });
      } catch (e) {
        if (parsed) throw e; // from a controller, not from the parser
        throw bodyError(e);
      }
    };
  });
}
