import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendAttachment } from '../http/attachment';
import type { ExportFormat } from '../../../shared/contracts';
import { dateInZone } from '../domain/deadlines';
import { exportFilename } from '../reports/export-name';
import { getService } from '../utils/get-service';
import { clock, timeZoneOf } from '../utils/plugin';
import { adminRoute } from '../routes/admin';
import { adminInput } from '../validation/input';

const OVERVIEW = adminRoute('admin-reports.overview');
const ACCEPTANCE = adminRoute('admin-reports.acceptance');
const LEDGER = adminRoute('admin-reports.ledger');
const EXPORT = adminRoute('admin-reports.exportLedger');
const DIFF = adminRoute('admin-reports.diff');

const EXPORTS: Record<ExportFormat, { type: string; ext: string }> = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  ndjson: { type: 'application/x-ndjson; charset=utf-8', ext: 'ndjson' },
  iso27560: { type: 'application/json; charset=utf-8', ext: 'json' },
};

/** The Policies tab's overview, acceptance, the ledger, its export, and diffs (admin). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview(ctx: Context) {
    adminInput(ctx, OVERVIEW);
    ctx.body = { data: await getService(strapi, 'overview').overview() };
  },

  async acceptance(ctx: Context) {
    const q = adminInput(ctx, ACCEPTANCE).query;
    ctx.body = { data: await getService(strapi, 'acceptance').acceptance(q) };
  },

  async ledger(ctx: Context) {
    const { cursor, limit, ...filters } = adminInput(ctx, LEDGER).query;
    ctx.body = {
      data: await getService(strapi, 'ledger-reads').page(filters, cursor ?? null, limit),
    };
  },

  async exportLedger(ctx: Context) {
    const { format, bom, ...filters } = adminInput(ctx, EXPORT).query;
    const stream = await getService(strapi, 'ledger-reads').exportStream(filters, format, {
      bom: bom === true,
    });
    const day = dateInZone(clock(strapi).now(), timeZoneOf(strapi));
    const filename = exportFilename(filters, EXPORTS[format].ext, day);
    sendAttachment(ctx, EXPORTS[format].type, filename, stream);
  },

  async diff(ctx: Context) {
    const { params, query: q } = adminInput(ctx, DIFF);
    ctx.body = {
      data: await getService(strapi, 'diff').diff(params.documentId, q.against, q.locale),
    };
  },
});
