import type {
  EraseResult,
  NewRequestBody,
  PersonRecord,
  RequestAction,
  RequestActionResult,
  RequestStatusBody,
  RequestsPage,
  RequestsQuery,
  SubjectExportQuery,
  SubjectRequestEntry,
} from '../../../shared/contracts';
import { apiPath, queryString } from '../utils/api';
import { downloadFile } from '../utils/download';
import { api, unwrap } from './api';
import { TAG } from './tags';

export interface PersonExportRequest extends Required<SubjectExportQuery> {
  /** The name the browser saves the file under. */
  filename: string;
}

/** The privacy officer's routes (People, Requests) on Strapi's admin data layer. */
const officerApi = api.injectEndpoints({
  endpoints: (builder) => ({
    /** A person's record (admin → People); looking up records nothing on the server. */
    policyLedgerPerson: builder.query<PersonRecord, string>({
      query: (identifier) => ({
        url: `${apiPath('subjects', 'record')}${queryString({ identifier })}`,
        method: 'GET',
      }),
      transformResponse: unwrap,
      providesTags: (_result, _error, identifier) => [{ type: TAG.person, id: identifier }],
    }),

    /** The access export as a file: JSON, or a page the person can read. */
    policyLedgerPersonExport: builder.mutation<string, PersonExportRequest>({
      queryFn: async ({ filename, ...params }) => {
        const outcome = await downloadFile(
          `${apiPath('subjects', 'export')}${queryString(params)}`,
          filename,
        );
        return 'error' in outcome ? { error: outcome.error } : { data: outcome.filename };
      },
    }),

    /** The evidence pack as a file, for `policy-ledger-verify-receipt pack.json`. */
    policyLedgerEvidencePack: builder.mutation<string, { identifier: string; filename: string }>({
      queryFn: async ({ identifier, filename }) => {
        const outcome = await downloadFile(
          `${apiPath('subjects', 'evidence-pack')}${queryString({ identifier })}`,
          filename,
        );
        return 'error' in outcome ? { error: outcome.error } : { data: outcome.filename };
      },
    }),

    policyLedgerEraseSubject: builder.mutation<EraseResult, string>({
      query: (identifier) => ({
        url: apiPath('subjects', 'erase'),
        method: 'POST',
        data: { identifier },
      }),
      transformResponse: unwrap,
      invalidatesTags: (_result, _error, identifier) => [
        { type: TAG.person, id: identifier },
        TAG.events,
        TAG.audit,
      ],
    }),

    policyLedgerRequests: builder.query<RequestsPage, RequestsQuery>({
      query: (params) => ({ url: `${apiPath('requests')}${queryString(params)}`, method: 'GET' }),
      transformResponse: unwrap,
      providesTags: [TAG.requests],
    }),

    policyLedgerCreateRequest: builder.mutation<SubjectRequestEntry, NewRequestBody>({
      query: (data) => ({ url: apiPath('requests'), method: 'POST', data }),
      transformResponse: unwrap,
      invalidatesTags: [TAG.requests, TAG.audit],
    }),

    policyLedgerRequestStatus: builder.mutation<
      SubjectRequestEntry,
      RequestStatusBody & { id: string }
    >({
      query: ({ id, ...data }) => ({
        url: apiPath('requests', id, 'status'),
        method: 'POST',
        data,
      }),
      transformResponse: unwrap,
      // Also after a failure (409): someone else may have moved it.
      invalidatesTags: [TAG.requests, TAG.audit],
    }),

    policyLedgerRequestAction: builder.mutation<
      RequestActionResult,
      { id: string; action: RequestAction }
    >({
      query: ({ id, action }) => ({
        url: apiPath('requests', id, 'actions'),
        method: 'POST',
        data: { action },
      }),
      transformResponse: unwrap,
      invalidatesTags: [TAG.requests, TAG.person, TAG.events, TAG.audit],
    }),

    /** The register as CSV (with a byte-order mark for spreadsheet programs). */
    policyLedgerRequestsExport: builder.mutation<string, RequestsQuery & { filename: string }>({
      queryFn: async ({ filename, ...params }) => {
        const outcome = await downloadFile(
          `${apiPath('requests', 'export')}${queryString(params)}`,
          filename,
        );
        return 'error' in outcome ? { error: outcome.error } : { data: outcome.filename };
      },
    }),
  }),
  overrideExisting: false,
});

export const {
  usePolicyLedgerPersonQuery,
  usePolicyLedgerPersonExportMutation,
  usePolicyLedgerEraseSubjectMutation,
  usePolicyLedgerEvidencePackMutation,
  usePolicyLedgerRequestsQuery,
  usePolicyLedgerCreateRequestMutation,
  usePolicyLedgerRequestStatusMutation,
  usePolicyLedgerRequestActionMutation,
  usePolicyLedgerRequestsExportMutation,
} = officerApi;
