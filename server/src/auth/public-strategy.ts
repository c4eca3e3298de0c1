import type { Context } from 'koa';
import { PLUGIN_ID } from '../constants';
import { getService } from '../utils/get-service';
import { hasGenuineCredentials } from './credentials';

/**
 * The first authentication strategy of the plugin's content-API routes: an
 * anonymous request to an action the Public role holds is let through from
 * the publicAccess service's cache. Anything else — a request with credentials, an action
 * Public does not hold — is not decided here: Strapi tries the next
 * strategies (API tokens, then users-permissions), exactly as without this
 * one, so tokens, 401 and 403 behave as Strapi's own.
 */
const publicStrategyFor = (name: string, anyCaller: boolean) => ({
  name,
  async authenticate(ctx: Context) {
    const scope = (ctx.state.route as { config?: { auth?: { scope?: string[] } } } | undefined)
      ?.config?.auth?.scope;
    const withCredentials = Boolean(ctx.request.header.authorization);
    if ((withCredentials && !anyCaller) || !scope?.length) return { authenticated: false };
    const access = getService(strapi, 'publicAccess');
    for (const action of scope) if (!(await access.allows(action))) return { authenticated: false };
    // Credentials that are not genuine go on to Strapi's strategies: 401 as usual.
    if (withCredentials && !(await hasGenuineCredentials(strapi, ctx))) {
      return { authenticated: false };
    }
    return { authenticated: true, credentials: null, ability: null };
  },
  // authenticate() checked the route's scope already.
  async verify() {},
});

export const publicStrategy = publicStrategyFor(`${PLUGIN_ID}-public`, false);

/**
 * For the reads of public documents (policies, editions, form definitions):
 * while the Public role may read them, so may every caller — a read-only or
 * full API token, a logged-in end user's JWT — without a grant of its own.
 * (Strapi's read-only tokens cover only actions named find/findOne, and the
 * Authenticated role starts with nothing, so both got 403 where anonymous
 * callers got 200.) Credentials must still be genuine (a bad token is a 401,
 * as Strapi answers it). When Public may not read them, Strapi decides as usual.
 */
export const publicReadStrategy = publicStrategyFor(`${PLUGIN_ID}-public-read`, true);

/** Route `config.auth` for the plugin's content-API routes: this strategy, then Strapi's. */
export const contentApiAuth = ({ publicRead = false } = {}) => ({
  strategies: [
    publicRead ? publicReadStrategy : publicStrategy,
    'content-api-token',
    'users-permissions',
  ],
});
