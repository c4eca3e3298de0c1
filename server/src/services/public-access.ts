import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { PLUGIN_ID } from '../constants';
import { pluginConfig } from '../utils/plugin';

const PERMISSION_UID = 'plugin::users-permissions.permission';

/**
 * Which of this plugin's content-API actions the Public role holds, read from
 * users-permissions and kept for `cache.ttl` seconds (one read for concurrent
 * misses). users-permissions itself reads every Public permission and builds
 * an ability on every anonymous request; for this plugin's public routes that
 * was most of a request's cost. A revoked permission takes effect within the
 * TTL, on every instance.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cache: { actions: Set<string>; until: number } | null = null;
  let inflight: Promise<Set<string>> | null = null;

  async function load(): Promise<Set<string>> {
    if (!strapi.plugin('users-permissions')) return new Set();
    const rows = (await strapi.db.query(PERMISSION_UID).findMany({
      select: ['action'],
      where: { role: { type: 'public' }, action: { $startsWith: `plugin::${PLUGIN_ID}.` } },
    })) as Array<{ action: string }>;
    return new Set(rows.map((r) => r.action));
  }

  return {
    /** Whether the Public role holds `action`; null when that is not known without a read. */
    peek(action: string): boolean | null {
      return cache && Date.now() < cache.until ? cache.actions.has(action) : null;
    },

    async allows(action: string): Promise<boolean> {
      if (cache && Date.now() < cache.until) return cache.actions.has(action);
      inflight ??= load()
        .then((actions) => {
          cache = { actions, until: Date.now() + pluginConfig(strapi).cache.ttl * 1000 };
          return actions;
        })
        .finally(() => {
          inflight = null;
        });
      return (await inflight).has(action);
    },

    invalidate() {
      cache = null;
    },
  };
};

/**
 * The first authentication strategy of the plugin's content-API routes: an
 * anonymous request to an action the Public role holds is let through from
 * the cache above. Anything else — a request with credentials, an action
 * Public does not hold — is not decided here: Strapi tries the next
 * strategies (API tokens, then users-permissions), exactly as without this
 * one, so tokens, 401 and 403 behave as Strapi's own.
 */
export const publicStrategy = {
  name: `${PLUGIN_ID}-public`,
  async authenticate(ctx: Context) {
    const scope = (ctx.state.route as { config?: { auth?: { scope?: string[] } } } | undefined)?.config?.auth?.scope;
    if (ctx.request.header.authorization || !scope?.length) return { authenticated: false };
    const access = strapi.plugin(PLUGIN_ID).service('publicAccess') as { allows(action: string): Promise<boolean> };
    for (const action of scope) if (!(await access.allows(action))) return { authenticated: false };
    return { authenticated: true, credentials: null, ability: null };
  },
  // authenticate() checked the route's scope already.
  async verify() {},
};

/** Route `config.auth` for the plugin's content-API routes: this strategy, then Strapi's. */
export const contentApiAuth = () => ({ strategies: [publicStrategy, 'content-api-token', 'users-permissions'] });
