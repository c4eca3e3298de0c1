import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { sendCacheable } from './controllers/policies';
import type { Format, Served } from './services/catalog';
import { pluginConfig } from './utils/plugin';

type KoaMiddleware = (ctx: Context, next: Next) => unknown;
type MiddlewareEntry = string | { name?: string; resolve?: string; config?: Record<string, unknown> };

const CURRENT_ACTION = 'plugin::policy-ledger.policies.current';

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
 */
export function registerFastPath(strapi: Core.Strapi) {
  const state = { enabled: pluginConfig(strapi).fastPath.enabled };
  strapi.plugin('policy-ledger').service('fastPath').state = state;
  if (!state.enabled) return;

  const prefix = () => (strapi.config.get('api.rest.prefix', '/api') as string).replace(/\/$/, '');
  let pattern: RegExp | null = null;
  let chain: { security: KoaMiddleware | null; others: KoaMiddleware[] } | null = null;
  let securityHeaders: Record<string, string> | null = null;
  let publicAllowed: { value: boolean; at: number } | null = null;

  function instantiate(name: string): KoaMiddleware | null {
    const entries = (strapi.config.get('middlewares') ?? []) as MiddlewareEntry[];
    const entry = entries.find((e) => (typeof e === 'string' ? e : e.name) === name);
    if (!entry) return null;
    const factory = strapi.middleware(name) as unknown as (config: unknown, opts: { strapi: Core.Strapi }) => KoaMiddleware;
    return factory(typeof entry === 'string' ? {} : (entry.config ?? {}), { strapi });
  }

  async function isPublic(): Promise<boolean> {
    const ttl = pluginConfig(strapi).cache.ttl * 1000;
    if (publicAllowed && Date.now() - publicAllowed.at < ttl) return publicAllowed.value;
    const count = await strapi.db.query('plugin::users-permissions.permission').count({ where: { action: CURRENT_ACTION, role: { type: 'public' } } });
    publicAllowed = { value: count > 0, at: Date.now() };
    return publicAllowed.value;
  }

  strapi.server.use(async (ctx: Context, next: Next) => {
    if (!state.enabled || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    pattern ??= new RegExp(`^${prefix().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/policy-ledger/policies/([A-Za-z0-9\\-_.~]{1,64})/current$`);
    const m = pattern.exec(ctx.path);
    if (!m || ctx.get('authorization') || !strapi.plugin('users-permissions')) return next();

    const q = ctx.query;
    const locale = q.locale as string | string[] | undefined;
    const format = (q.format as string | string[] | undefined) ?? 'markdown';
    if (Array.isArray(locale) || Array.isArray(format) || (format !== 'markdown' && format !== 'html')) return next();
    if (locale !== undefined && !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(locale)) return next();
    if (Object.keys(q).some((k) => k !== 'locale' && k !== 'format')) return next();

    let served: Served;
    try {
      if (!(await isPublic())) return next();
      served = await strapi.plugin('policy-ledger').service('catalog').current(m[1], { locale: locale ?? null, acceptLanguage: ctx.get('accept-language') || null }, format as Format);
    } catch {
      return next(); // the ordinary route says why, in Strapi's error shape
    }

    chain ??= { security: instantiate('strapi::security'), others: ['strapi::cors', 'strapi::poweredBy'].map(instantiate).filter((x): x is KoaMiddleware => !!x) };
    const respond = async () => sendCacheable(ctx, served);
    const run = async (i: number): Promise<void> => {
      if (i === chain!.others.length) return respond();
      await chain!.others[i](ctx, () => run(i + 1));
    };
    if (chain.security && !securityHeaders) {
      const before = new Set(Object.keys(ctx.response.headers));
      await chain.security(ctx, async () => {
        securityHeaders = Object.fromEntries(
          Object.entries(ctx.response.headers).filter(([k]) => !before.has(k)).map(([k, v]) => [k, String(v)]),
        );
        await run(0);
      });
      return;
    }
    if (securityHeaders) ctx.set(securityHeaders);
    await run(0);
  });
}
