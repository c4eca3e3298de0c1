import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { isLimited, requestMeta } from '../http/request-meta';
import { withRetryAfter } from '../http/retry-after';
import { confirmationPage } from '../mail/page';
import { contentApiRoute } from '../routes/content-api';
import { getService } from '../utils/get-service';
import { contentApiInput } from '../validation/input';

const STATUS = contentApiRoute('confirmations.status');
const CONFIRM = contentApiRoute('confirmations.confirm');

const wantsHtml = (ctx: Context) => ctx.accepts('json', 'html') === 'html';

/** GET and POST /confirmations/:token: the double opt-in link (services/confirmations.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async status(ctx: Context) {
    const { token } = contentApiInput(ctx, STATUS).params;
    const data = await getService(strapi, 'confirmations').status(token);
    ctx.set('Cache-Control', 'no-store');
    if (wantsHtml(ctx)) {
      ctx.type = 'html';
      ctx.body = confirmationPage(data.status, data.locale);
      return;
    }
    ctx.body = {
      data: { status: data.status, form: data.form, expiresAt: data.expiresAt },
      meta: {},
    };
  },

  async confirm(ctx: Context) {
    await withRetryAfter(ctx, async () => {
      if (isLimited(ctx)) await getService(strapi, 'limits').address(ctx.request.ip || null);
      const { token } = contentApiInput(ctx, CONFIRM).params;
      ctx.set('Cache-Control', 'no-store');
      try {
        const result = await getService(strapi, 'confirmations').confirm(
          token,
          requestMeta(ctx, undefined),
        );
        ctx.status = 201;
        if (wantsHtml(ctx)) {
          ctx.type = 'html';
          ctx.body = confirmationPage('confirmed', result.receipt.locale);
          return;
        }
        ctx.body = { data: result, meta: {} };
      } catch (e) {
        const status = (e as { status?: number }).status;
        if (status === 410 && wantsHtml(ctx)) {
          ctx.status = 410;
          ctx.type = 'html';
          ctx.body = confirmationPage('expired', null);
          return;
        }
        throw e;
      }
    });
  },
});
