import type { Context } from 'koa';
import { PLUGIN_ID } from '../constants';
import { getService } from '../utils/get-service';

/**
 * The first authentication strategy of the plugin's content-API routes: an
 * anonymous request to an action the Public role holds is let through from
 * the publicAccess service's cache. Anything else — a request with credentials, an action
 * Public does not hold — is not decided here: Strapi tries the next
 * strategies (API tokens, then users-permissions), exactly as without this
 * one, so tokens, 401 and 403 behave as Strapi's own.
 */
export const publicStrategy = {
  name: `${PLUGIN_ID}-public`,
  async authenticate(ctx: Context) {
    const scope = (ctx.state.route as { config?: { auth?: { scope?: string[] } } } | undefined)
      ?.config?.auth?.scope;
    if (ctx.request.header.authorization || !scope?.length) return { authenticated: false };
    const access = getService(strapi, 'publicAccess');
    for (const action of scope) if (!(await access.allows(action))) return { authenticated: false };
    return { authenticated: true, credentials: null, ability: null };
  },
  // authenticate() checked the route's scope already.
  async verify() {},
};

/** Route `config.auth` for the plugin's content-API routes: this strategy, then Strapi's. */
export const contentApiAuth = () => ({
  strategies: [publicStrategy, 'content-api-token', 'users-permissions'],
});
