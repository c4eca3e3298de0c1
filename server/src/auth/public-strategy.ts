import type { Context } from 'koa';
import { PLUGIN_ID } from '../constants';
import { getService } from '../utils/get-service';
import { endUserOf, hasGenuineCredentials } from './credentials';

/**
 * Who besides an anonymous caller the plugin's public strategy lets through
 * to an action the Public role holds:
 * - `read` (public documents): every caller with genuine credentials — an
 *   API token of any type, a logged-in end user;
 * - `write` (submissions, consents, status): a logged-in end user (JWT), who
 *   may do whatever an anonymous visitor may and is recorded as themselves
 *   (auth/caller.ts). An API token is left to Strapi's token strategy: it
 *   speaks for the operator, so it needs a grant of its own.
 */
type Admits = 'read' | 'write';

/**
 * The first authentication strategy of the plugin's content-API routes: a
 * request to an action the Public role holds is let through from the
 * public-access service's cache, for an anonymous caller and for the callers
 * `admits` names. Anything else — other credentials, an action Public does not
 * hold — is not decided here: Strapi tries the next strategies (API tokens,
 * then users-permissions), exactly as without this one, so tokens, 401 and
 * 403 behave as Strapi's own.
 */
const publicStrategyFor = (name: string, admits: Admits) => ({
  name,
  async authenticate(ctx: Context) {
    const scope = (ctx.state.route as { config?: { auth?: { scope?: string[] } } } | undefined)
      ?.config?.auth?.scope;
    if (!scope?.length) return { authenticated: false };
    const access = getService(strapi, 'public-access');
    for (const action of scope) if (!(await access.allows(action))) return { authenticated: false };
    if (!ctx.request.header.authorization) {
      return { authenticated: true, credentials: null, ability: null };
    }
    if (admits === 'read') {
      // Credentials that are not genuine go on to Strapi's strategies: 401 as usual.
      if (!(await hasGenuineCredentials(strapi, ctx))) return { authenticated: false };
      return { authenticated: true, credentials: null, ability: null };
    }
    const user = await endUserOf(strapi, ctx);
    if (!user) return { authenticated: false };
    // As users-permissions' own strategy does: the caller is this user.
    ctx.state.user = user;
    return { authenticated: true, credentials: user, ability: null };
  },
  // authenticate() checked the route's scope already.
  async verify() {},
});

export const publicStrategy = publicStrategyFor(`${PLUGIN_ID}-public`, 'write');

/**
 * For the reads of public documents (policies, editions, form definitions):
 * while the Public role may read them, so may every caller — a read-only or
 * full API token, a logged-in end user's JWT — without a grant of its own.
 * (Strapi's read-only tokens cover only actions named find/findOne, and the
 * Authenticated role starts with nothing, so both got 403 where anonymous
 * callers got 200.) Credentials must still be genuine (a bad token is a 401,
 * as Strapi answers it). When Public may not read them, Strapi decides as usual.
 */
export const publicReadStrategy = publicStrategyFor(`${PLUGIN_ID}-public-read`, 'read');

/** Route `config.auth` for the plugin's content-API routes: this strategy, then Strapi's. */
export const contentApiAuth = ({ publicRead = false } = {}) => ({
  strategies: [
    publicRead ? publicReadStrategy : publicStrategy,
    'content-api-token',
    'users-permissions',
  ],
});
