import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { callerOf, speakerSubject } from '../auth/caller';
import { assertBodySize, isLimited, requestMeta } from '../http/request-meta';
import { withRetryAfter } from '../http/retry-after';
import { getService } from '../utils/get-service';
import { keyParams, localeQuery, submissionBody } from '../validation/content-api';
import { validate } from '../validation/validate';

/** GET /forms/:key and POST /forms/:key/submissions (also reached by the fast path). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: Context) {
    const { key } = validate(keyParams, ctx.params, 'the path');
    const q = validate(localeQuery, ctx.query, 'the query');
    const form = await getService(strapi, 'forms').publicDefinition(
      key,
      q.locale ?? null,
      ctx.get('accept-language') || null,
    );
    ctx.body = { data: form, meta: {} };
  },

  async submit(ctx: Context) {
    await withRetryAfter(ctx, async () => {
      if (isLimited(ctx)) await getService(strapi, 'limits').address(ctx.request.ip || null);
      assertBodySize(strapi, ctx);
      const { key } = validate(keyParams, ctx.params, 'the path');
      const body = validate(submissionBody, ctx.request.body, 'a submission');
      const subject = speakerSubject(callerOf(ctx), body.subject, { required: false });
      const result = await getService(strapi, 'submissions').submit(
        key,
        { ...body, subject },
        requestMeta(ctx, body.pageUrl),
      );
      ctx.status = result.status === 'pending' ? 202 : 201;
      ctx.body = { data: result, meta: {} };
    });
  },
});
