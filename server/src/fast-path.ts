import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { sendCacheable } from './controllers/policies';
import { ifNoneMatchHits } from './domain/conditional';
import type { Format, Served } from './services/catalog';
import { pluginConfig } from './utils/plugin';

type KoaMiddleware = (ctx: Context, next: Next) => unknown;
type MiddlewareEntry = string | { name?: string; resolve?: string; config?: Record<string, unknown> };

const CURRENT_ACTION = 'plugin::policy-ledger.policies.current';
const SUBMIT_ACTION = 'plugin::policy-ledger.forms.submit';
const LOCALE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
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
  const state = { enabled: pluginConfig(strapi).fastPath.enabled, raw: 0, submissions: 0 };
  strapi.plugin('policy-ledger').service('fastPath').state = state;
  if (!state.enabled) return;

  const prefix = () => (strapi.config.get('api.rest.prefix', '/api') as string).replace(/\/$/, '');
  let pattern: RegExp | null = null;
  const currentPattern = () =>
    (pattern ??= new RegExp(`^${escapeRegExp(prefix())}/policy-ledger/policies/([A-Za-z0-9\\-_.~]{1,64})/current$`));
  /** Headers of a plain answer that do not depend on the response (see above). */
  let template: Array<[string, string]> | null = null;
  const PER_RESPONSE = new Set(['content-type', 'content-length', 'etag', 'cache-control']);

  /** The app's own instance of a configured middleware; null when it is not a registered one (e.g. `resolve` by path). */
  function instantiate(name: string, entry: MiddlewareEntry): KoaMiddleware | null {
    const factory = strapi.middleware(name) as unknown as ((config: unknown, opts: { strapi: Core.Strapi }) => KoaMiddleware) | undefined;
    if (typeof factory !== 'function') return null;
    return factory(typeof entry === 'string' ? {} : (entry.config ?? {}), { strapi });
  }

  const access = () => strapi.plugin('policy-ledger').service('publicAccess') as { allows(a: string): Promise<boolean>; peek(a: string): boolean | null };
  const isPublic = () => access().allows(CURRENT_ACTION);

  /**
   * Runs `final` behind the app's own global middlewares named by `keep`, in
   * the app's configured order. `strapi::security` is run for real once per
   * kind of request; its headers depend only on the configuration and the
   * path, so they are replayed afterwards (helmet is rebuilt per request otherwise).
   */
  const chains = new Map<string, KoaMiddleware[] | null>();
  const replayed = new Map<string, Record<string, string>>();
  /** null when one of the kept middlewares cannot be reproduced here: then the ordinary route answers. */
  function chainFor(kind: string, keep: (name: string) => boolean): KoaMiddleware[] | null {
    if (chains.has(kind)) return chains.get(kind)!;
    const list: KoaMiddleware[] = [];
    for (const entry of (strapi.config.get('middlewares') ?? []) as MiddlewareEntry[]) {
      const name = typeof entry === 'string' ? entry : (entry.name ?? entry.resolve ?? '');
      if (!keep(name)) continue;
      const mw = instantiate(name, entry);
      if (!mw) {
        chains.set(kind, null);
        return null;
      }
      list.push(name === 'strapi::security' ? replaying(kind, mw) : mw);
    }
    chains.set(kind, list);
    return list;
  }
  function replaying(kind: string, security: KoaMiddleware): KoaMiddleware {
    return async (ctx, next) => {
      const headers = replayed.get(kind);
      if (headers) {
        ctx.set(headers);
        return next();
      }
      const before = new Set(Object.keys(ctx.response.headers));
      return security(ctx, async () => {
        replayed.set(kind, Object.fromEntries(Object.entries(ctx.response.headers).filter(([k]) => !before.has(k)).map(([k, v]) => [k, String(v)])));
        await next();
      });
    };
  }
  async function through(ctx: Context, chain: KoaMiddleware[], final: () => Promise<void>) {
    const run = async (i: number): Promise<void> => {
      if (i === chain.length) return final();
      await chain[i](ctx, () => run(i + 1));
    };
    await run(0);
  }
  const READ_CHAIN = new Set(['strapi::security', 'strapi::cors', 'strapi::poweredBy']);

  strapi.server.use(async (ctx: Context, next: Next) => {
    if (!state.enabled || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    const m = currentPattern().exec(ctx.path);
    if (!m || ctx.get('authorization') || !strapi.plugin('users-permissions')) return next();

    const q = ctx.query;
    const locale = q.locale as string | string[] | undefined;
    const format = (q.format as string | string[] | undefined) ?? 'markdown';
    if (Array.isArray(locale) || Array.isArray(format) || (format !== 'markdown' && format !== 'html')) return next();
    if (locale !== undefined && !LOCALE.test(locale)) return next();
    if (Object.keys(q).some((k) => k !== 'locale' && k !== 'format')) return next();

    let served: Served;
    try {
      if (!(await isPublic())) return next();
      served = await strapi.plugin('policy-ledger').service('catalog').current(m[1], { locale: locale ?? null, acceptLanguage: ctx.get('accept-language') || null }, format as Format);
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
   * publicAccess service). Then the route's own controller runs. Anything
   * else goes on to the ordinary route — also every submission when one of
   * those middlewares is not a registered one this code can instantiate.
   */
  const SKIPPED_FOR_WRITES = new Set(['strapi::query', 'strapi::session', 'strapi::favicon', 'strapi::public']);
  let submitPattern: RegExp | null = null;
  strapi.server.use(async (ctx: Context, next: Next) => {
    if (!state.enabled || ctx.method !== 'POST') return next();
    submitPattern ??= new RegExp(`^${escapeRegExp(prefix())}/policy-ledger/forms/([A-Za-z0-9\\-_.~]{1,64})/submissions$`);
    const m = submitPattern.exec(ctx.path);
    if (!m || ctx.querystring || ctx.get('authorization') || !ctx.is('application/json') || !strapi.plugin('users-permissions')) return next();
    const chain = chainFor('write', (name) => !SKIPPED_FOR_WRITES.has(name));
    if (!chain || !(await access().allows(SUBMIT_ACTION))) return next();
    state.submissions++;
    await through(ctx, chain, async () => {
      ctx.params = { key: m[1] };
      await (strapi.plugin('policy-ledger').controller('forms') as { submit(ctx: Context): Promise<void> }).submit(ctx);
    });
  });

  installRawListener(strapi, {
    pattern: currentPattern,
    ready: () => state.enabled && template !== null && access().peek(CURRENT_ACTION) === true,
    template: () => template ?? [],
    served: (key, locale, acceptLanguage, format) =>
      (strapi.plugin('policy-ledger').service('catalog').peekCurrent(key, { locale, acceptLanguage }, format) as Served | null),
    count: () => void state.raw++,
  });
}

interface RawHooks {
  pattern(): RegExp;
  ready(): boolean;
  template(): Array<[string, string]>;
  served(key: string, locale: string | null, acceptLanguage: string | null, format: Format): Served | null;
  count(): void;
}

/**
 * The query of a plain request: at most `locale` and `format`, each once, in
 * plain characters; anything else (a repeated key, brackets, escapes, another
 * parameter) returns null and is left to the Koa way, which validates it.
 */
export function plainCurrentQuery(query: string): { locale: string | null; format: Format } | null {
  let locale: string | null = null;
  let format: string | null = null;
  if (query) {
    for (const part of query.split('&')) {
      const eq = part.indexOf('=');
      if (eq <= 0) return null;
      const k = part.slice(0, eq);
      const v = part.slice(eq + 1);
      if (k === 'locale' && locale === null && LOCALE.test(v)) locale = v;
      else if (k === 'format' && format === null && (v === 'markdown' || v === 'html')) format = v;
      else return null;
    }
  }
  return { locale, format: (format ?? 'markdown') as Format };
}

function installRawListener(strapi: Core.Strapi, hooks: RawHooks) {
  const server = strapi.server.httpServer;
  const inner = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  server.removeAllListeners('request');

  const tryAnswer = (req: IncomingMessage, res: ServerResponse): boolean => {
    const method = req.method;
    if ((method !== 'GET' && method !== 'HEAD') || !hooks.ready()) return false;
    const h = req.headers;
    if (h.origin !== undefined || h.authorization !== undefined) return false;
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const m = hooks.pattern().exec(q < 0 ? url : url.slice(0, q));
    if (!m) return false;
    const query = plainCurrentQuery(q < 0 ? '' : url.slice(q + 1));
    if (!query) return false;
    const served = hooks.served(m[1], query.locale, (h['accept-language'] as string | undefined) || null, query.format);
    if (!served?.bytes) return false;

    const headers: Record<string, string | number> = {};
    for (const [k, v] of hooks.template()) headers[k] = v;
    headers['Cache-Control'] = `public, max-age=${served.maxAge}`;
    headers.ETag = served.etag;
    if (ifNoneMatchHits(h['if-none-match'], served.etag)) {
      res.writeHead(304, headers);
      res.end();
    } else {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      headers['Content-Length'] = served.bytes.length;
      res.writeHead(200, headers);
      if (method === 'HEAD') res.end();
      else res.end(served.bytes);
    }
    hooks.count();
    return true;
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let answered = false;
    try {
      answered = tryAnswer(req, res);
    } catch (e) {
      strapi.log.error(`[policy-ledger] fast path: ${e instanceof Error ? e.message : String(e)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
    }
    if (!answered) for (const listener of inner) listener.call(server, req, res);
  });
}
