import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { assertBodySize, requestMeta } from '../http/request-meta';
import { getService } from '../utils/get-service';
import { consentBody, statusQuery, withdrawBody } from '../validation/content-api';
import { validate } from '../validation/validate';

/** POST /consents, POST /consents/withdraw, GET /subjects/status. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    assertBodySize(strapi, ctx);
    const body = validate(consentBody, ctx.request.body, 'a consent');
    const result = await getService(strapi, 'consents').record(
      body,
      requestMeta(ctx, body.pageUrl),
    );
    ctx.status = 201;
    ctx.body = { data: result, meta: {} };
  },

  async withdraw(ctx: Context) {
    assertBodySize(strapi, ctx);
    const body = validate(withdrawBody, ctx.request.body, 'a withdrawal');
    const result = await getService(strapi, 'consents').withdraw(body, requestMeta(ctx));
    ctx.status = 201;
    ctx.body = { data: result, meta: {} };
  },

  async status(ctx: Context) {
    const q = validate(statusQuery, ctx.query, 'the query');
    ctx.body = { data: await getService(strapi, 'standing').status(q.subject, q.policy), meta: {} };
  },
});
