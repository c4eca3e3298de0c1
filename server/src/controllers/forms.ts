import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { callerOf, speakerSubject } from '../auth/caller';
import { assertBodySize, isLimited, requestMeta } from '../http/request-meta';
import { withRetryAfter } from '../http/retry-after';
import { contentApiRoute } from '../routes/content-api';
import { getService } from '../utils/get-service';
import { contentApiInput } from '../validation/input';

const FIND = contentApiRoute('forms.findOne');
const SUBMIT = contentApiRoute('forms.submit');

/** GET /forms/:key and POST /forms/:key/submissions (also reached by the fast path). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: Context) {
    const { params, query: q } = contentApiInput(ctx, FIND);
    const form = await getService(strapi, 'forms').publicDefinition(
      params.key,
      q.locale ?? null,
      ctx.get('accept-language') || null,
    );
    ctx.body = { data: form, meta: {} };
  },

  async submit(ctx: Context) {
    // The client address is counted with the person, in one go (limits service `admit`).
    const address = isLimited(ctx) ? { ip: ctx.request.ip || null, counted: false } : null;
    await withRetryAfter(ctx, () =>
      getService(strapi, 'limits').counting(address, async () => {
        assertBodySize(strapi, ctx);
        const { params, body } = contentApiInput(ctx, SUBMIT, 'a submission');
        const subject = speakerSubject(callerOf(ctx), body.subject, { required: false });
        const result = await getService(strapi, 'submissions').submit(
          params.key,
          { ...body, subject },
          { ...requestMeta(ctx, body.pageUrl), address },
        );
        ctx.status = result.status === 'pending' ? 202 : 201;
        ctx.body = { data: result, meta: {} };
      }),
    );
  },
});
