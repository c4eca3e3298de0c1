import type {
  AcceptanceQuery,
  AcceptanceStats,
  ApiResponse,
  DiffQuery,
  EditionDiff,
  EditionStatus,
  EditionSuccessor,
  ExportQuery,
  Health,
  LedgerPage,
  LedgerQuery,
  Overview,
  PluginSettings,
  ReleaseBody,
  SealStatus,
  SetupWarning,
  VerifyBody,
  VerifyResult,
} from '../../../shared/contracts';
import { apiPath, queryString } from '../utils/api';
import { downloadFile } from '../utils/download';
import { api, unwrap } from './api';
import { TAG } from './tags';

/** Releasing or cancelling an edition changes its status, the overview and what is in force. */
const editionChanged = (documentId: string) => [
  { type: TAG.edition, id: documentId },
  TAG.overview,
  TAG.acceptance,
  TAG.audit,
];

export interface EditionActionRequest extends ReleaseBody {
  documentId: string;
}

export interface ExportRequest extends ExportQuery {
  /** The name the browser saves the file under. */
  filename: string;
}

export interface DiffRequest extends DiffQuery {
  /** The compared edition (the base one is `against`). */
  documentId: string;
}

/** The plugin's admin routes on Strapi's admin data layer (RTK Query), as the core plugins do. */
const ledgerApi = api.injectEndpoints({
  endpoints: (builder) => ({
    policyLedgerOverview: builder.query<Overview, void>({
      query: () => ({ url: apiPath('overview'), method: 'GET' }),
      transformResponse: (response: ApiResponse<Overview>): Overview => ({
        now: response.data?.now ?? new Date().toISOString(),
        policies: (response.data?.policies ?? []).map((policy) => ({
          ...policy,
          editions: Array.isArray(policy.editions) ? policy.editions : [],
        })),
      }),
      providesTags: [TAG.overview],
    }),

    policyLedgerEditionStatus: builder.query<EditionStatus, string>({
      query: (documentId) => ({ url: apiPath('editions', documentId, 'status'), method: 'GET' }),
      transformResponse: unwrap,
      providesTags: (_result, _error, documentId) => [{ type: TAG.edition, id: documentId }],
    }),

    policyLedgerReleaseEdition: builder.mutation<EditionStatus, EditionActionRequest>({
      query: ({ documentId, effectiveAt }) => ({
        url: apiPath('editions', documentId, 'release'),
        method: 'POST',
        data: effectiveAt ? { effectiveAt } : {},
      }),
      transformResponse: unwrap,
      // Also after a failure: the edition may have changed meanwhile (released by someone else).
      invalidatesTags: (_result, _error, { documentId }) => editionChanged(documentId),
    }),

    policyLedgerCancelEdition: builder.mutation<EditionStatus, { documentId: string }>({
      query: ({ documentId }) => ({
        url: apiPath('editions', documentId, 'cancel'),
        method: 'POST',
        data: {},
      }),
      transformResponse: unwrap,
      invalidatesTags: (_result, _error, { documentId }) => editionChanged(documentId),
    }),

    /** A new draft edition copied from this one (every locale); it joins the overview. */
    policyLedgerNewEdition: builder.mutation<EditionSuccessor, { documentId: string }>({
      query: ({ documentId }) => ({
        url: apiPath('editions', documentId, 'successor'),
        method: 'POST',
        data: {},
      }),
      transformResponse: unwrap,
      invalidatesTags: (result) =>
        result ? [TAG.overview, { type: TAG.edition, id: result.edition.documentId }] : [],
    }),

    policyLedgerAcceptance: builder.query<AcceptanceStats, AcceptanceQuery>({
      query: (params) => ({
        url: `${apiPath('stats', 'acceptance')}${queryString(params)}`,
        method: 'GET',
      }),
      transformResponse: unwrap,
      providesTags: [TAG.acceptance],
    }),

    /**
     * The ledger, newest first, one page per request. "Load more" asks for the page after
     * `cursor` with the same filters: the filters alone make the cache key, so the pages land in
     * one entry, where `merge` appends them (a query without `cursor` starts over).
     */
    policyLedgerEvents: builder.query<LedgerPage, LedgerQuery>({
      query: (params) => ({ url: `${apiPath('ledger')}${queryString(params)}`, method: 'GET' }),
      transformResponse: (response: ApiResponse<LedgerPage>): LedgerPage => ({
        events: Array.isArray(response.data?.events) ? response.data.events : [],
        nextCursor: response.data?.nextCursor ?? null,
      }),
      serializeQueryArgs: ({ queryArgs: { cursor: _cursor, ...filters } }) => filters,
      merge: (cached, page, { arg }) => {
        if (arg.cursor === undefined) return page;
        // Pages go newest first: keep only events older than those already shown, so that
        // fetching a page twice does not list its events twice.
        const last = cached.events[cached.events.length - 1]?.seq ?? Infinity;
        cached.events.push(...page.events.filter((event) => event.seq < last));
        cached.nextCursor = page.nextCursor;
      },
      forceRefetch: ({ currentArg, previousArg }) => currentArg?.cursor !== previousArg?.cursor,
      providesTags: [TAG.events],
    }),

    /** Saves the filtered ledger as a file; nothing goes into the store (see utils/download.ts). */
    policyLedgerExport: builder.mutation<string, ExportRequest>({
      queryFn: async ({ filename, ...params }) => {
        const outcome = await downloadFile(
          `${apiPath('ledger', 'export')}${queryString(params)}`,
          filename,
        );
        return 'error' in outcome ? { error: outcome.error } : { data: outcome.filename };
      },
    }),

    policyLedgerVerify: builder.mutation<VerifyResult, VerifyBody>({
      query: (data) => ({ url: apiPath('ledger', 'verify'), method: 'POST', data }),
      transformResponse: unwrap,
      invalidatesTags: [TAG.seal, TAG.audit],
    }),

    policyLedgerDiff: builder.query<EditionDiff, DiffRequest>({
      query: ({ documentId, ...params }) => ({
        url: `${apiPath('editions', documentId, 'diff')}${queryString(params)}`,
        method: 'GET',
      }),
      transformResponse: unwrap,
      providesTags: (_result, _error, { documentId, against }) => [
        { type: TAG.edition, id: documentId },
        { type: TAG.edition, id: against },
      ],
    }),

    policyLedgerSealStatus: builder.query<SealStatus, void>({
      query: () => ({ url: apiPath('ledger', 'seal-status'), method: 'GET' }),
      transformResponse: unwrap,
      providesTags: [TAG.seal],
    }),

    /** The plugin's time zone: fetched once, kept for the session. */
    policyLedgerSettings: builder.query<PluginSettings, void>({
      query: () => ({ url: apiPath('settings'), method: 'GET' }),
      transformResponse: unwrap,
      keepUnusedDataFor: 3600,
    }),

    policyLedgerHealth: builder.query<SetupWarning[], void>({
      query: () => ({ url: apiPath('health'), method: 'GET' }),
      transformResponse: (response: ApiResponse<Health>) => unwrap(response).warnings,
      providesTags: [TAG.seal],
    }),
  }),
  overrideExisting: false,
});

export const {
  usePolicyLedgerOverviewQuery,
  usePolicyLedgerEditionStatusQuery,
  usePolicyLedgerReleaseEditionMutation,
  usePolicyLedgerCancelEditionMutation,
  usePolicyLedgerNewEditionMutation,
  usePolicyLedgerAcceptanceQuery,
  usePolicyLedgerEventsQuery,
  usePolicyLedgerExportMutation,
  usePolicyLedgerVerifyMutation,
  usePolicyLedgerDiffQuery,
  usePolicyLedgerSealStatusQuery,
  usePolicyLedgerHealthQuery,
  usePolicyLedgerSettingsQuery,
} = ledgerApi;
