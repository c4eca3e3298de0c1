import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendAttachment } from '../http/attachment';
import { requestsCsv } from '../reports/requests-csv';
import { getService } from '../utils/get-service';
import { adminRoute } from '../routes/admin';
import { adminInput } from '../validation/input';

const LIST = adminRoute('admin-requests.list');
const EXPORT = adminRoute('admin-requests.exportCsv');
const CREATE = adminRoute('admin-requests.create');
const SET_STATUS = adminRoute('admin-requests.setStatus');
const ACT = adminRoute('admin-requests.act');

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
      ctx.body = { data: await requests().list(adminInput(ctx, LIST).query) };
    },

    async exportCsv(ctx: Context) {
      const page = await requests().exportList(adminInput(ctx, EXPORT).query);
      sendAttachment(
        ctx,
        'text/csv; charset=utf-8',
        `requests-${page.today}.csv`,
        requestsCsv(page),
      );
    },

    async create(ctx: Context) {
      const { body } = adminInput(ctx, CREATE, 'the request');
      ctx.status = 201;
      ctx.body = { data: await requests().create(body, adminOf(ctx)) };
    },

    async setStatus(ctx: Context) {
      const { params, body } = adminInput(ctx, SET_STATUS);
      ctx.body = { data: await requests().setStatus(params.id, body, adminOf(ctx)) };
    },

    async act(ctx: Context) {
      const { params, body } = adminInput(ctx, ACT);
      ctx.body = { data: await requests().act(params.id, body.action, adminOf(ctx)) };
    },
  };
};
