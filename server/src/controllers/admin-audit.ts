import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendAttachment } from '../http/attachment';
import { dateInZone } from '../domain/deadlines';
import { auditCsv } from '../reports/audit-csv';
import { auditFilename } from '../reports/export-name';
import { getService } from '../utils/get-service';
import { clock, timeZoneOf } from '../utils/plugin';
import { adminRoute } from '../routes/admin';
import { adminInput } from '../validation/input';

const LIST = adminRoute('admin-audit.list');
const EXPORT = adminRoute('admin-audit.exportCsv');

/** The audit trail (admin → Audit): browse newest first, export as CSV. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audit = () => getService(strapi, 'audit');
  return {
    async list(ctx: Context) {
      ctx.body = { data: await audit().list(adminInput(ctx, LIST).query) };
    },

    async exportCsv(ctx: Context) {
      const { bom, ...filters } = adminInput(ctx, EXPORT).query;
      const day = dateInZone(clock(strapi).now(), timeZoneOf(strapi));
      const entries = await audit().exportEntries(filters);
      sendAttachment(
        ctx,
        'text/csv; charset=utf-8',
        auditFilename(filters, 'csv', day),
        Readable.from(auditCsv(entries, bom === true)),
      );
    },
  };
};
