import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type { Served } from '../catalog/types';
import { isValidLocaleTag } from '../domain/locale';
import { sendCacheable } from '../http/cacheable';
import { getService } from '../utils/get-service';
import { middlewareChains } from './middleware-chain';
import { installRawListener } from './raw-listener';
import { KEY_CHARS } from '../domain/patterns';

const CURRENT_ACTION = 'plugin::policy-ledger.policies.current';
const SUBMIT_ACTION = 'plugin::policy-ledger.forms.submit';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The fast path answers `GET`/`HEAD …/policies/:key/current` before Strapi's
 * global middlewares: no logger, body parser, session, users-permissions
 * lookup — and no SQL while the policy is cached. The response is the one
 * the ordinary route sends, header for header:
 * - security headers: Strapi's own `strapi::security` middleware, with the
 *   app's configuration, run once; its headers depend only on that
 *   configuration for this path, so they are replayed afterwards;
 * - CORS and X-Powered-By: the app's own `strapi::cors` and `strapi::poweredBy`
 *   instances, run on every request (they depend on the request);
 * - the body, ETag, Cache-Control, Vary: the same catalog service and
 *   `sendCacheable` as the controller.
 * Anything else — a token, a query the route would refuse, a policy the
 * Public role may not read, an unknown policy — goes on to the ordinary route,
 * so errors and permissions behave exactly as there.
 *
 * In front of that Koa middleware sits a raw `request` listener on Strapi's
 * HTTP server, for the commonest request of all: no `Origin` (server-side
 * fetches, CDNs, same-origin pages), no token, a policy in memory. It answers
 * synchronously, before Koa makes a context, with the header set the Koa
 * middleware produced for such a request (captured from its first plain
 * answer: security headers, X-Powered-By, Vary) plus the response's own
 * Content-Type, Content-Length, ETag and Cache-Control. Every other request,
 * and every request before that capture, goes down the Koa way.
 */
export function registerFastPath(strapi: Core.Strapi) {
  const { state } = getService(strapi, 'fast-path');
  if (!state.enabled) return;

  const prefix = () => (strapi.config.get('api.rest.prefix', '/api') as string).replace(/\/$/, '');
  let pattern: RegExp | null = null;
  const currentPattern = () =>
    (pattern ??= new RegExp(
      `^${escapeRegExp(prefix())}/policy-ledger/policies/(${KEY_CHARS})/current$`,
    ));
  /** Headers of a plain answer that do not depend on the response (see above). */
  let template: Array<[string, string]> | null = null;
  const PER_RESPONSE = new Set(['content-type', 'content-length', 'etag', 'cache-control']);

  const access = () => getService(strapi, 'public-access');
  const isPublic = () => access().allows(CURRENT_ACTION);
  const { chainFor, through } = middlewareChains(strapi);
  const READ_CHAIN = new Set(['strapi::security', 'strapi::cors', 'strapi::poweredBy']);

  strapi.server.use(async (ctx: Context, next: Next) => {
    if (!state.enabled || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    const m = currentPattern().exec(ctx.path);
    if (!m || ctx.get('authorization') || !strapi.plugin('users-permissions')) return next();

    const q = ctx.query;
    const locale = q.locale as string | string[] | undefined;
    const format = (q.format as string | string[] | undefined) ?? 'markdown';
    if (
      Array.isArray(locale) ||
      Array.isArray(format) ||
      (format !== 'markdown' && format !== 'html')
    )
      return next();
    if (locale !== undefined && !isValidLocaleTag(locale)) return next();
    if (Object.keys(q).some((k) => k !== 'locale' && k !== 'format')) return next();

    let served: Served;
    try {
      if (!(await isPublic())) return next();
      served = await getService(strapi, 'catalog').current(
        m[1],
        { locale: locale ?? null, acceptLanguage: ctx.get('accept-language') || null },
        format,
      );
    } catch {
      return next(); // the ordinary route says why, in Strapi's error shape
    }

    const chain = chainFor('read', (name) => READ_CHAIN.has(name));
    if (!chain) return next();
    const plain = ctx.method === 'GET' && !ctx.get('origin') && !ctx.get('if-none-match');
    await through(ctx, chain, async () => sendCacheable(ctx, served));
    // Once the whole chain has run (X-Powered-By is set on the way back).
    if (plain && !template && ctx.status === 200) {
      template = Object.entries(ctx.response.headers)
        .filter(([k]) => !PER_RESPONSE.has(k.toLowerCase()))
        .map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]);
    }
  });

  /**
   * Submissions: `POST …/forms/:key/submissions` with a JSON body and no
   * credentials, when the Public role may submit. They go through every
   * global middleware the app configures — its logger, errors, security,
   * CORS, body parser and any middleware of its own (a rate limiter, say) —
   * except the four that do nothing for this request (`strapi::query`,
   * `strapi::session`, `strapi::favicon`, `strapi::public`), and skip the
   * router and the users-permissions lookup, whose answer is cached (see the
   * public-access service). Then the route's own controller runs. Anything
   * else goes on to the ordinary route — also every submission when one of
   * those middlewares is not a registered one this code can instantiate.
   */
  const SKIPPED_FOR_WRITES = new Set([
    'strapi::query',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ]);
  let submitPattern: RegExp | null = null;
  strapi.server.use(async (ctx: Context, next: Next) => {
    if (!state.enabled || ctx.method !== 'POST') return next();
    submitPattern ??= new RegExp(
      `^${escapeRegExp(prefix())}/policy-ledger/forms/(${KEY_CHARS})/submissions$`,
    );
    const m = submitPattern.exec(ctx.path);
    if (
      !m ||
      ctx.querystring ||
      ctx.get('authorization') ||
      !ctx.is('application/json') ||
      !strapi.plugin('users-permissions')
    )
      return next();
    const chain = chainFor('write', (name) => !SKIPPED_FOR_WRITES.has(name));
    if (!chain || !(await access().allows(SUBMIT_ACTION))) return next();
    state.submissions++;
    await through(ctx, chain, async () => {
      ctx.params = { key: m[1] };
      await (
        strapi.plugin('policy-ledger').controller('forms') as {
          submit(ctx: Context): Promise<void>;
        }
      ).submit(ctx);
    });
  });

  installRawListener(strapi, {
    pattern: currentPattern,
    ready: () => state.enabled && template !== null && access().peek(CURRENT_ACTION) === true,
    template: () => template ?? [],
    served: (key, locale, acceptLanguage, format) =>
      getService(strapi, 'catalog').peekCurrent(key, { locale, acceptLanguage }, format),
    count: () => void state.raw++,
  });
}
