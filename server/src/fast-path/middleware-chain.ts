import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

export type KoaMiddleware = (ctx: Context, next: Next) => unknown;
type MiddlewareEntry =
  string | { name?: string; resolve?: string; config?: Record<string, unknown> };

/**
 * The app's own global middlewares, rebuilt for the fast path: `chainFor`
 * gives the instances the app configured (in its order) whose names `keep`
 * accepts, or null when one of them is not a registered middleware this code
 * can instantiate (then the ordinary route answers). `strapi::security` is
 * run for real once per kind of request; its headers depend only on the
 * configuration and the path, so they are replayed afterwards (helmet is
 * rebuilt per request otherwise).
 */
export function middlewareChains(strapi: Core.Strapi) {
  const chains = new Map<string, KoaMiddleware[] | null>();
  const replayed = new Map<string, Record<string, string>>();

  /** The app's own instance of a configured middleware; null when it is not a registered one (e.g. `resolve` by path). */
  function instantiate(name: string, entry: MiddlewareEntry): KoaMiddleware | null {
    const factory = strapi.middleware(name) as unknown as
      ((config: unknown, opts: { strapi: Core.Strapi }) => KoaMiddleware) | undefined;
    if (typeof factory !== 'function') return null;
    return factory(typeof entry === 'string' ? {} : (entry.config ?? {}), { strapi });
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
        const added = Object.entries(ctx.response.headers).filter(([k]) => !before.has(k));
        replayed.set(kind, Object.fromEntries(added.map(([k, v]) => [k, String(v)])));
        await next();
      });
    };
  }

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

  /** Runs `final` behind `chain`. */
  async function through(ctx: Context, chain: KoaMiddleware[], final: () => Promise<void>) {
    const run = async (i: number): Promise<void> => {
      if (i === chain.length) return final();
      await chain[i](ctx, () => run(i + 1));
    };
    await run(0);
  }

  return { chainFor, through };
}
