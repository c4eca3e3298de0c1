import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendAttachment } from '../http/attachment';
import type { ExportFormat } from '../../../shared/contracts';
import { dateInZone } from '../domain/deadlines';
import { exportFilename } from '../reports/export-name';
import { getService } from '../utils/get-service';
import { clock, timeZoneOf } from '../utils/plugin';
import {
  acceptanceQuery,
  diffQuery,
  documentParams,
  exportQuery,
  ledgerQuery,
} from '../validation/admin-api';
import { validate } from '../validation/validate';

const EXPORTS: Record<ExportFormat, { type: string; ext: string }> = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  ndjson: { type: 'application/x-ndjson; charset=utf-8', ext: 'ndjson' },
  iso27560: { type: 'application/json; charset=utf-8', ext: 'json' },
};

/** The Policies tab's overview, acceptance, the ledger, its export, and diffs (admin). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'overview').overview() };
  },

  async acceptance(ctx: Context) {
    const q = validate(acceptanceQuery, ctx.query, 'the query');
    ctx.body = { data: await getService(strapi, 'acceptance').acceptance(q) };
  },

  async ledger(ctx: Context) {
    const { cursor, limit, ...filters } = validate(ledgerQuery, ctx.query, 'the query');
    ctx.body = {
      data: await getService(strapi, 'ledgerReads').page(filters, cursor ?? null, limit),
    };
  },

  async exportLedger(ctx: Context) {
    const { format, bom, ...filters } = validate(exportQuery, ctx.query, 'the query');
    const stream = await getService(strapi, 'ledgerReads').exportStream(filters, format, {
      bom: bom === true,
    });
    const day = dateInZone(clock(strapi).now(), timeZoneOf(strapi));
    const filename = exportFilename(filters, EXPORTS[format].ext, day);
    sendAttachment(ctx, EXPORTS[format].type, filename, stream);
  },

  async diff(ctx: Context) {
    const { documentId } = validate(documentParams, ctx.params, 'the path');
    const q = validate(diffQuery, ctx.query, 'the query');
    ctx.body = { data: await getService(strapi, 'diff').diff(documentId, q.against, q.locale) };
  },
});
