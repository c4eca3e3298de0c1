import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendCacheable } from '../http/cacheable';
import { getService } from '../utils/get-service';
import { currentQuery, keyParams, localeQuery, versionParams } from '../validation/content-api';
import { validate } from '../validation/validate';

/** The public policy routes: GET /policies, /policies/:key/current, /editions, /editions/:version. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalog = () => getService(strapi, 'catalog');
  const localeRequest = (ctx: Context, locale: string | undefined) => ({
    locale: locale ?? null,
    acceptLanguage: ctx.get('accept-language') || null,
  });

  return {
    async find(ctx: Context) {
      sendCacheable(ctx, await catalog().list());
    },

    async current(ctx: Context) {
      const { key } = validate(keyParams, ctx.params, 'the path');
      const q = validate(currentQuery, ctx.query, 'the query');
      sendCacheable(ctx, await catalog().current(key, localeRequest(ctx, q.locale), q.format));
    },

    async editions(ctx: Context) {
      const { key } = validate(keyParams, ctx.params, 'the path');
      const q = validate(localeQuery, ctx.query, 'the query');
      sendCacheable(ctx, await catalog().archive(key, localeRequest(ctx, q.locale)));
    },

    async edition(ctx: Context) {
      const { key, version } = validate(versionParams, ctx.params, 'the path');
      const q = validate(currentQuery, ctx.query, 'the query');
      sendCacheable(
        ctx,
        await catalog().edition(key, version, localeRequest(ctx, q.locale), q.format),
      );
    },
  };
};
