import { adminApi } from '@strapi/strapi/admin';

import type { ApiResponse, SealStatus, SetupWarning } from '../../../shared/contracts';
import { apiPath } from '../utils/api';

/** The plugin's admin routes on Strapi's admin data layer (RTK Query), as the core plugins do. */
const ledgerApi = adminApi.enhanceEndpoints({ addTagTypes: ['PolicyLedgerSeal'] }).injectEndpoints({
  endpoints: (builder) => ({
    policyLedgerSealStatus: builder.query<SealStatus, void>({
      query: () => ({ url: apiPath('ledger', 'seal-status'), method: 'GET' }),
      transformResponse: (response: ApiResponse<SealStatus>) => response.data,
      providesTags: ['PolicyLedgerSeal'],
    }),
    policyLedgerHealth: builder.query<SetupWarning[], void>({
      query: () => ({ url: apiPath('health'), method: 'GET' }),
      transformResponse: (response: ApiResponse<{ warnings: SetupWarning[] }>) =>
        response.data.warnings,
      providesTags: ['PolicyLedgerSeal'],
    }),
  }),
  overrideExisting: false,
});

export const { usePolicyLedgerSealStatusQuery, usePolicyLedgerHealthQuery } = ledgerApi;
