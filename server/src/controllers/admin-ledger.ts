import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('policy-ledger').service(name);
  return {
    async verify(ctx: Context) {
      ctx.body = { data: await service('integrity').verify() };
    },
    async sealStatus(ctx: Context) {
      ctx.body = { data: await service('integrity').sealStatus() };
    },
    async health(ctx: Context) {
      ctx.body = { data: { warnings: await service('health').warnings() } };
    },
    async seal(ctx: Context) {
      const checkpoint = await service('integrity').seal();
      ctx.body = { data: { checkpoint, latest: await service('integrity').latestCheckpoint() } };
    },
    async exportSubject(ctx: Context) {
      ctx.body = { data: await service('retention').exportSubject((ctx.query as Record<string, unknown>).identifier) };
    },
    async eraseSubject(ctx: Context) {
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      ctx.body = { data: await service('retention').eraseSubject(body.identifier) };
    },
  };
};
