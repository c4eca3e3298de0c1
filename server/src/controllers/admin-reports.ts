import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { GroupKey, LedgerFilters } from '../services/reports';
import { validateAcceptanceQuery, validateDiffQuery, validateDocumentId, validateExportQuery, validateLedgerQuery } from '../validation';

const filtersOf = (q: Record<string, unknown>): LedgerFilters => ({
  policy: q.policy as string | undefined,
  version: q.version === undefined ? undefined : Number(q.version),
  locale: q.locale as string | undefined,
  form: q.form as string | undefined,
  action: q.action as string | undefined,
  from: q.from as string | undefined,
  to: q.to as string | undefined,
  subject: q.subject as string | undefined,
});

const EXPORTS = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  ndjson: { type: 'application/x-ndjson; charset=utf-8', ext: 'ndjson' },
  iso27560: { type: 'application/json; charset=utf-8', ext: 'json' },
} as const;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => strapi.plugin('policy-ledger').service('reports');
  return {
    async overview(ctx: Context) {
      ctx.body = { data: await reports().overview() };
    },

    async acceptance(ctx: Context) {
      const q = await validateAcceptanceQuery(ctx.query);
      const groupBy = [...new Set(String(q.groupBy ?? 'version').split(',').map((g) => g.trim()).filter(Boolean))] as GroupKey[];
      ctx.body = { data: await reports().acceptance(q.policy, groupBy, q.from, q.to) };
    },

    async ledger(ctx: Context) {
      const q = await validateLedgerQuery(ctx.query);
      ctx.body = { data: await reports().page(filtersOf(q), q.cursor === undefined ? null : Number(q.cursor), Number(q.limit ?? 50)) };
    },

    async exportLedger(ctx: Context) {
      const q = await validateExportQuery(ctx.query);
      const format = q.format as keyof typeof EXPORTS;
      const stream = reports().exportStream(filtersOf(q), format);
      const day = new Date().toISOString().slice(0, 10);
      ctx.set('Content-Type', EXPORTS[format].type);
      ctx.set('Content-Disposition', `attachment; filename="policy-ledger-${day}.${EXPORTS[format].ext}"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = stream;
    },

    async diff(ctx: Context) {
      const { documentId } = await validateDocumentId(ctx.params);
      const q = await validateDiffQuery(ctx.query);
      ctx.body = { data: await reports().diff(documentId, q.against, q.locale as string) };
    },
  };
};
