import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendAttachment } from '../http/attachment';
import { requestsCsv } from '../reports/requests-csv';
import { getService } from '../utils/get-service';
import {
  newRequestBody,
  requestActionBody,
  requestParams,
  requestStatusBody,
  requestsQuery,
} from '../validation/admin-api';
import { validate } from '../validation/validate';

/** The admin who acts, as the register records them. */
const adminOf = (ctx: Context): string => {
  const user = ctx.state.user as { email?: string; id?: number } | undefined;
  return user?.email ?? `admin #${user?.id ?? '?'}`;
};

/** The register of data-subject requests (admin → Requests). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const requests = () => getService(strapi, 'requests');
  return {
    async list(ctx: Context) {
      ctx.body = { data: await requests().list(validate(requestsQuery, ctx.query, 'the query')) };
    },

    async exportCsv(ctx: Context) {
      const page = await requests().exportList(validate(requestsQuery, ctx.query, 'the query'));
      sendAttachment(
        ctx,
        'text/csv; charset=utf-8',
        `requests-${page.today}.csv`,
        requestsCsv(page),
      );
    },

    async create(ctx: Context) {
      const body = validate(newRequestBody, ctx.request.body ?? {}, 'the request');
      ctx.status = 201;
      ctx.body = { data: await requests().create(body, adminOf(ctx)) };
    },

    async setStatus(ctx: Context) {
      const { id } = validate(requestParams, ctx.params, 'the path');
      const body = validate(requestStatusBody, ctx.request.body ?? {}, 'the body');
      ctx.body = { data: await requests().setStatus(id, body) };
    },

    async act(ctx: Context) {
      const { id } = validate(requestParams, ctx.params, 'the path');
      const { action } = validate(requestActionBody, ctx.request.body ?? {}, 'the body');
      ctx.body = { data: await requests().act(id, action, adminOf(ctx)) };
    },
  };
};
