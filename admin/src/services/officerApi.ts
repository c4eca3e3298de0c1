import { adminApi } from '@strapi/strapi/admin';

import type {
  ApiResponse,
  EraseResult,
  NewRequestBody,
  PersonRecord,
  RequestAction,
  RequestStatusBody,
  RequestsPage,
  RequestsQuery,
  SubjectExport,
  SubjectExportFormat,
  SubjectRequestEntry,
} from '../../../shared/contracts';
import { apiPath, queryString } from '../utils/api';
import { downloadFile } from '../utils/download';
import { TAG } from './tags';

export interface PersonExportRequest {
  identifier: string;
  format: SubjectExportFormat;
  filename: string;
}

export interface RequestActionResult {
  request: SubjectRequestEntry;
  /** The access export, for action "export". */
  data: SubjectExport | null;
}

/** The privacy officer's routes (People, Requests) on Strapi's admin data layer. */
const officerApi = adminApi.enhanceEndpoints({ addTagTypes: Object.values(TAG) }).injectEndpoints({
  endpoints: (builder) => ({
    /** A person's record (admin → People); looking up records nothing on the server. */
    policyLedgerPerson: builder.query<PersonRecord, string>({
      query: (identifier) => ({
        url: `${apiPath('subjects', 'record')}${queryString({ identifier })}`,
        method: 'GET',
      }),
      transformResponse: (response: ApiResponse<PersonRecord>) => response.data,
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

    policyLedgerEraseSubject: builder.mutation<EraseResult, string>({
      query: (identifier) => ({
        url: apiPath('subjects', 'erase'),
        method: 'POST',
        data: { identifier },
      }),
      transformResponse: (response: ApiResponse<EraseResult>) => response.data,
      invalidatesTags: (_result, _error, identifier) => [
        { type: TAG.person, id: identifier },
        TAG.events,
        TAG.audit,
      ],
    }),

    policyLedgerRequests: builder.query<RequestsPage, RequestsQuery>({
      query: (params) => ({ url: `${apiPath('requests')}${queryString(params)}`, method: 'GET' }),
      transformResponse: (response: ApiResponse<RequestsPage>) => response.data,
      providesTags: [TAG.requests],
    }),

    policyLedgerCreateRequest: builder.mutation<SubjectRequestEntry, NewRequestBody>({
      query: (data) => ({ url: apiPath('requests'), method: 'POST', data }),
      transformResponse: (response: ApiResponse<SubjectRequestEntry>) => response.data,
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
      transformResponse: (response: ApiResponse<SubjectRequestEntry>) => response.data,
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
      transformResponse: (response: ApiResponse<RequestActionResult>) => response.data,
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
  usePolicyLedgerRequestsQuery,
  usePolicyLedgerCreateRequestMutation,
  usePolicyLedgerRequestStatusMutation,
  usePolicyLedgerRequestActionMutation,
  usePolicyLedgerRequestsExportMutation,
} = officerApi;
