import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { callerOf, speakerSubject } from '../auth/caller';
import { assertBodySize, isLimited, requestMeta } from '../http/request-meta';
import { withRetryAfter } from '../http/retry-after';
import { contentApiRoute } from '../routes/content-api';
import { getService } from '../utils/get-service';
import { contentApiInput } from '../validation/input';

const CREATE = contentApiRoute('consents.create');
const WITHDRAW = contentApiRoute('consents.withdraw');
const STATUS = contentApiRoute('consents.status');

/** POST /consents, POST /consents/withdraw, GET /subjects/status. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Every route here counts against the client address first (limits/service.ts). */
  const limited = (ctx: Context, work: () => Promise<void>) =>
    withRetryAfter(ctx, async () => {
      if (isLimited(ctx)) await getService(strapi, 'limits').address(ctx.request.ip || null);
      await work();
    });

  /** Whose decision: the API token names it, a signed-in user is themselves, nobody else may ask. */
  const subjectOf = (ctx: Context, named: string | undefined): string =>
    speakerSubject(callerOf(ctx), named, { required: true });

  return {
    async create(ctx: Context) {
      await limited(ctx, async () => {
        assertBodySize(strapi, ctx);
        const { body } = contentApiInput(ctx, CREATE, 'a consent');
        const result = await getService(strapi, 'consents').record(
          { ...body, subject: subjectOf(ctx, body.subject) },
          requestMeta(ctx, body.pageUrl),
        );
        ctx.status = 201;
        ctx.body = { data: result, meta: {} };
      });
    },

    async withdraw(ctx: Context) {
      await limited(ctx, async () => {
        assertBodySize(strapi, ctx);
        const { body } = contentApiInput(ctx, WITHDRAW, 'a withdrawal');
        const result = await getService(strapi, 'consents').withdraw(
          { ...body, subject: subjectOf(ctx, body.subject) },
          requestMeta(ctx),
        );
        ctx.status = 201;
        ctx.body = { data: result, meta: {} };
      });
    },

    async status(ctx: Context) {
      await limited(ctx, async () => {
        const { query: q } = contentApiInput(ctx, STATUS);
        ctx.body = {
          data: await getService(strapi, 'standing').status(subjectOf(ctx, q.subject), q.policy),
          meta: {},
        };
      });
    },
  };
};
