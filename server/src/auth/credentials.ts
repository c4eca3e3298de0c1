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

/** An end user's JWT (users-permissions), for a user who exists and is not blocked. */
async function isUserJwt(strapi: Core.Strapi, token: string): Promise<boolean> {
  const up = strapi.plugin('users-permissions');
  if (!up) return false;
  try {
    const payload = (await up.service('jwt').verify(token)) as { id?: number | string };
    if (payload?.id == null) return false;
    const user = await strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: payload.id }, select: ['id', 'blocked'] });
    return Boolean(user && !user.blocked);
  } catch {
    return false;
  }
}

/**
 * Whether the request's `Authorization: Bearer …` is genuine: an unexpired
 * content-API token or an end user's JWT. It only says whether the caller is
 * who they claim; what they may do is decided by the caller of this.
 */
export async function hasGenuineCredentials(strapi: Core.Strapi, ctx: Context): Promise<boolean> {
  const token = bearer(ctx);
  if (!token) return false;
  return (await isApiToken(strapi, token)) || (await isUserJwt(strapi, token));
}
