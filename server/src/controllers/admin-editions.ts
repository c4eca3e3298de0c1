import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { validateDocumentId, validateReleaseBody } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const editions = () => strapi.plugin('policy-ledger').service('editions');
  return {
    async status(ctx: Context) {
      const { documentId } = await validateDocumentId(ctx.params);
      ctx.body = { data: await editions().status(documentId) };
    },
    async release(ctx: Context) {
      const { documentId } = await validateDocumentId(ctx.params);
      const body = await validateReleaseBody(ctx.request.body ?? {});
      ctx.body = { data: await editions().release(documentId, { effectiveAt: body.effectiveAt ?? null }) };
    },
    async cancel(ctx: Context) {
      const { documentId } = await validateDocumentId(ctx.params);
      ctx.body = { data: await editions().cancel(documentId) };
    },
  };
};
