import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { pluginConfig } from '../utils/plugin';
import { singleQueryValue, validateArchiveQuery, validateKey } from '../validation';
import type { RequestMeta } from '../services/ledger';

/** Refuses bodies over submission.maxBodyBytes with 413, before any work. */
export function assertBodySize(strapi: Core.Strapi, ctx: Context) {
  const max = pluginConfig(strapi).submission.maxBodyBytes;
  const declared = Number(ctx.get('content-length') || 0);
  const actual = declared || Buffer.byteLength(JSON.stringify(ctx.request.body ?? null));
  if (actual > max) throw new errors.PayloadTooLargeError(`The request body is ${actual} bytes; the limit is ${max}`, { limit: max });
}

export function requestMeta(ctx: Context): RequestMeta {
  const body = ctx.request.body as { pageUrl?: unknown } | undefined;
  return {
    ip: ctx.request.ip || null,
    userAgent: ctx.get('user-agent') || null,
    pageUrl: typeof body?.pageUrl === 'string' ? body.pageUrl : ctx.get('referer') || null,
    idempotencyKey: ctx.get('idempotency-key') || null,
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('policy-ledger').service(name);
  return {
    async findOne(ctx: Context) {
      const { key } = await validateKey(ctx.params);
      singleQueryValue(ctx.query, 'locale');
      const q = await validateArchiveQuery(ctx.query);
      ctx.body = { data: await service('forms').publicDefinition(key, q.locale ?? null, ctx.get('accept-language') || null), meta: {} };
    },

    async submit(ctx: Context) {
      assertBodySize(strapi, ctx);
      const { key } = await validateKey(ctx.params);
      ctx.status = 201;
      ctx.body = { data: await service('ledger').submit(key, ctx.request.body, requestMeta(ctx)), meta: {} };
    },
  };
};
