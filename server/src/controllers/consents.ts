import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { assertBodySize, requestMeta } from './forms';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ledger = () => strapi.plugin('policy-ledger').service('ledger');
  return {
    async create(ctx: Context) {
      assertBodySize(strapi, ctx);
      ctx.status = 201;
      ctx.body = { data: await ledger().consent(ctx.request.body, requestMeta(ctx)), meta: {} };
    },
    async withdraw(ctx: Context) {
      assertBodySize(strapi, ctx);
      ctx.status = 201;
      ctx.body = { data: await ledger().withdraw(ctx.request.body, requestMeta(ctx)), meta: {} };
    },
    async status(ctx: Context) {
      const { subject, policy } = ctx.query as Record<string, unknown>;
      ctx.body = { data: await ledger().status(subject, policy), meta: {} };
    },
  };
};
