import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendCacheable } from '../http/cacheable';
import { contentApiRoute } from '../routes/content-api';
import { getService } from '../utils/get-service';
import { contentApiInput } from '../validation/input';

const CURRENT = contentApiRoute('policies.current');
const EDITIONS = contentApiRoute('policies.editions');
const EDITION = contentApiRoute('policies.edition');

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
      const { params, query: q } = contentApiInput(ctx, CURRENT);
      sendCacheable(
        ctx,
        await catalog().current(params.key, localeRequest(ctx, q.locale), q.format),
      );
    },

    async editions(ctx: Context) {
      const { params, query: q } = contentApiInput(ctx, EDITIONS);
      sendCacheable(ctx, await catalog().archive(params.key, localeRequest(ctx, q.locale)));
    },

    async edition(ctx: Context) {
      const { params, query: q } = contentApiInput(ctx, EDITION);
      const { key, version } = params;
      sendCacheable(
        ctx,
        await catalog().edition(key, version, localeRequest(ctx, q.locale), q.format),
      );
    },
  };
};
