import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

interface TokenService {
  hash(token: string): string;
  getByAccessKey?(hash: string): Promise<TokenRow | null>;
  getBy?(where: { accessKey: string }): Promise<TokenRow | null>;
}
interface TokenRow {
  kind?: string | null;
  expiresAt?: string | Date | null;
}

const bearer = (ctx: Context) => /^Bearer\s+(\S+)\s*$/i.exec(ctx.get('authorization'))?.[1] ?? null;

/** A content-API token of Settings → API Tokens, of any type, that has not expired. */
async function isApiToken(strapi: Core.Strapi, token: string): Promise<boolean> {
  const service = (strapi.service('admin::api-token-content-api') ??
    strapi.service('admin::api-token')) as TokenService | undefined;
  if (!service) return false;
  const accessKey = service.hash(token);
  const row = service.getByAccessKey
    ? await service.getByAccessKey(accessKey)
    : await service.getBy?.({ accessKey });
  if (!row || (row.kind != null && row.kind !== 'content-api')) return false;
  return !row.expiresAt || new Date(row.expiresAt).getTime() > Date.now();
}

export interface EndUser {
  id: number | string;
  blocked?: boolean | null;
  confirmed?: boolean | null;
}

/**
 * The end user an `Authorization: Bearer <JWT>` (users-permissions) speaks
 * for, by users-permissions' own rules: the user exists, is not blocked, and
 * has confirmed their e-mail when the app requires it. Null otherwise.
 */
async function userOfJwt(strapi: Core.Strapi, token: string): Promise<EndUser | null> {
  const up = strapi.plugin('users-permissions');
  if (!up) return null;
  try {
    const payload = (await up.service('jwt').verify(token)) as { id?: number | string };
    if (payload?.id == null) return null;
    const user = (await strapi.db.query('plugin::users-permissions.user').findOne({
      where: { id: payload.id },
      select: ['id', 'blocked', 'confirmed'],
    })) as EndUser | null;
    if (!user || user.blocked) return null;
    const advanced = (await strapi
      .store({ type: 'plugin', name: 'users-permissions' })
      .get({ key: 'advanced' })) as { email_confirmation?: boolean } | null;
    if (advanced?.email_confirmation && !user.confirmed) return null;
    return user;
  } catch {
    return null;
  }
}

/** The logged-in end user of the request (a JWT, not an API token), or null. */
export async function endUserOf(strapi: Core.Strapi, ctx: Context): Promise<EndUser | null> {
  const token = bearer(ctx);
  if (!token || (await isApiToken(strapi, token))) return null;
  return userOfJwt(strapi, token);
}

/**
 * Whether the request's `Authorization: Bearer …` is genuine: an unexpired
 * content-API token or an end user's JWT. It only says whether the caller is
 * who they claim; what they may do is decided by the caller of this.
 */
export async function hasGenuineCredentials(strapi: Core.Strapi, ctx: Context): Promise<boolean> {
  const token = bearer(ctx);
  if (!token) return false;
  return (await isApiToken(strapi, token)) || (await userOfJwt(strapi, token)) !== null;
}
