import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { contentApiRoute } from '../routes/content-api';
import { getService } from '../utils/get-service';
import { contentApiInput } from '../validation/input';

const PROOF = contentApiRoute('receipts.proof');

/** GET /receipts/:id/proof: the inclusion proof of one event, for anyone holding its receipt. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async proof(ctx: Context) {
    const { id } = contentApiInput(ctx, PROOF).params;
    const data = await getService(strapi, 'receipt-proofs').proof(id);
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
