import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { receiptParams } from '../validation/content-api';
import { validate } from '../validation/validate';

/** GET /receipts/:id/proof: the inclusion proof of one event, for anyone holding its receipt. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async proof(ctx: Context) {
    const { id } = validate(receiptParams, ctx.params, 'the path');
    const data = await getService(strapi, 'receiptProofs').proof(id);
    if (data.status === 'pending') {
      const seconds = Math.ceil((Date.parse(data.availableAfter) - Date.now()) / 1000);
      ctx.set('Retry-After', String(Math.max(1, seconds)));
      ctx.set('Cache-Control', 'no-store');
    } else {
      // A sealed proof never changes (tokens may be added: revalidate after a day).
      ctx.set('Cache-Control', 'public, max-age=86400');
    }
    ctx.body = { data, meta: {} };
  },
});
