import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { documentParams, releaseBody, successorBody } from '../validation/admin-api';
import { validate } from '../validation/validate';

/** An edition's status, release and cancellation, and a new edition from it (admin). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const editions = () => getService(strapi, 'editions');
  return {
    async status(ctx: Context) {
      const { documentId } = validate(documentParams, ctx.params, 'the path');
      ctx.body = { data: await editions().status(documentId) };
    },
    async release(ctx: Context) {
      const { documentId } = validate(documentParams, ctx.params, 'the path');
      const body = validate(releaseBody, ctx.request.body ?? {}, 'the body');
      ctx.body = {
        data: await editions().release(documentId, { effectiveAt: body.effectiveAt ?? null }),
      };
    },
    async cancel(ctx: Context) {
      const { documentId } = validate(documentParams, ctx.params, 'the path');
      ctx.body = { data: await editions().cancel(documentId) };
    },
    async successor(ctx: Context) {
      const { documentId } = validate(documentParams, ctx.params, 'the path');
      validate(successorBody, ctx.request.body ?? {}, 'the body');
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'successor').create(documentId) };
    },
  };
};
