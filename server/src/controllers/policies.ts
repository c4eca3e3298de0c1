import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ifNoneMatchHits } from '../domain/conditional';
import type { Format, Served } from '../services/catalog';
import { singleQueryValue, validateArchiveQuery, validateCurrentQuery, validateKey, validateVersion } from '../validation';

/** Sends a cacheable public response: ETag, 304, Cache-Control, Vary. */
export function sendCacheable(ctx: Context, served: Served) {
  ctx.set('Vary', 'Accept-Language');
  ctx.set('Cache-Control', `public, max-age=${served.maxAge}`);
  ctx.set('ETag', served.etag);
  if (ifNoneMatchHits(ctx.get('if-none-match'), served.etag)) {
    ctx.status = 304;
    return;
  }
  if (served.json) {
    ctx.type = 'application/json';
    ctx.body = served.json;
  } else ctx.body = { data: served.data, meta: {} };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalog = () => strapi.plugin('policy-ledger').service('catalog');

  const localeRequest = (ctx: Context, locale: string | undefined) => ({
    locale: locale ?? null,
    acceptLanguage: ctx.get('accept-language') || null,
  });

  return {
    async find(ctx: Context) {
      sendCacheable(ctx, await catalog().list());
    },

    async current(ctx: Context) {
      const { key } = await validateKey(ctx.params);
      singleQueryValue(ctx.query, 'locale');
      singleQueryValue(ctx.query, 'format');
      const q = await validateCurrentQuery(ctx.query);
      sendCacheable(ctx, await catalog().current(key, localeRequest(ctx, q.locale), (q.format ?? 'markdown') as Format));
    },

    async editions(ctx: Context) {
      const { key } = await validateKey(ctx.params);
      singleQueryValue(ctx.query, 'locale');
      const q = await validateArchiveQuery(ctx.query);
      sendCacheable(ctx, await catalog().archive(key, localeRequest(ctx, q.locale)));
    },

    async edition(ctx: Context) {
      const { key, version } = await validateVersion(ctx.params);
      singleQueryValue(ctx.query, 'locale');
      singleQueryValue(ctx.query, 'format');
      const q = await validateCurrentQuery(ctx.query);
      sendCacheable(ctx, await catalog().edition(key, Number(version), localeRequest(ctx, q.locale), (q.format ?? 'markdown') as Format));
    },
  };
};
