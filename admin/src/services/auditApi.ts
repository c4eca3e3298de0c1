import type { AuditExportQuery, AuditPage, AuditQuery } from '../../../shared/contracts';
import { apiPath, queryString } from '../utils/api';
import { downloadFile } from '../utils/download';
import { api, unwrap } from './api';
import { TAG } from './tags';

/** The audit trail (admin → Audit) on Strapi's admin data layer. */
const auditApi = api.injectEndpoints({
  endpoints: (builder) => ({
    /** Pages newest first; the pages of one search are one cache entry (like the ledger's). */
    policyLedgerAudit: builder.query<AuditPage, AuditQuery>({
      query: (params) => ({ url: `${apiPath('audit')}${queryString(params)}`, method: 'GET' }),
      transformResponse: unwrap,
      serializeQueryArgs: ({ queryArgs: { cursor: _cursor, ...filters } }) => filters,
      merge: (cached, page, { arg }) => {
        if (arg.cursor === undefined) return page;
        const last = cached.entries[cached.entries.length - 1]?.seq ?? Infinity;
        cached.entries.push(...page.entries.filter((entry) => entry.seq < last));
        cached.nextCursor = page.nextCursor;
      },
      forceRefetch: ({ currentArg, previousArg }) => currentArg?.cursor !== previousArg?.cursor,
      providesTags: [TAG.audit],
    }),

    /** The filtered trail as CSV (with a byte-order mark); nothing goes into the store. */
    policyLedgerAuditExport: builder.mutation<string, AuditExportQuery & { filename: string }>({
      queryFn: async ({ filename, ...params }) => {
        const outcome = await downloadFile(
          `${apiPath('audit', 'export')}${queryString(params)}`,
          filename,
        );
        return 'error' in outcome ? { error: outcome.error } : { data: outcome.filename };
      },
      invalidatesTags: [TAG.audit],
    }),
  }),
  overrideExisting: false,
});

export const { usePolicyLedgerAuditQuery, usePolicyLedgerAuditExportMutation } = auditApi;
