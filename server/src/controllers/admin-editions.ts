import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { adminRoute } from '../routes/admin';
import { adminInput } from '../validation/input';

const STATUS = adminRoute('admin-editions.status');
const RELEASE = adminRoute('admin-editions.release');
const CANCEL = adminRoute('admin-editions.cancel');
const SUCCESSOR = adminRoute('admin-editions.successor');

/** An edition's status, release and cancellation, and a new edition from it (admin). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const editions = () => getService(strapi, 'editions');
  return {
    async status(ctx: Context) {
      const { documentId } = adminInput(ctx, STATUS).params;
      ctx.body = { data: await editions().status(documentId) };
    },
    async release(ctx: Context) {
      const { params, body } = adminInput(ctx, RELEASE);
      const { documentId } = params;
      ctx.body = {
        data: await editions().release(documentId, { effectiveAt: body.effectiveAt ?? null }),
      };
    },
    async cancel(ctx: Context) {
      const { documentId } = adminInput(ctx, CANCEL).params;
      ctx.body = { data: await editions().cancel(documentId) };
    },
    async successor(ctx: Context) {
      const { documentId } = adminInput(ctx, SUCCESSOR).params;
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'successor').create(documentId) };
    },
  };
};
