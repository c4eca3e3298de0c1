import { adminApi } from '@strapi/strapi/admin';

/**
 * The Content Manager keeps the edited document in the admin's RTK Query
 * cache (tag `Document`, id `<model>_<documentId>`) and re-initialises the
 * edit form whenever that document changes. Releasing or cancelling an
 * edition writes fields of every locale behind the Content Manager's back,
 * so afterwards we invalidate that tag: the Content Manager refetches the
 * document and the form shows the frozen values, without a page reload.
 *
 * The mutation does no request of its own; it only carries `invalidatesTags`.
 */
const contentManagerCache = adminApi
  .enhanceEndpoints({ addTagTypes: ['Document'] })
  .injectEndpoints({
    endpoints: (builder) => ({
      policyLedgerRefreshDocument: builder.mutation<null, { model: string; documentId: string }>({
        queryFn: () => ({ data: null }),
        invalidatesTags: (_result, _error, { model, documentId }) => [
          { type: 'Document', id: `${model}_${documentId}` },
        ],
      }),
    }),
    overrideExisting: false,
  });

export const { usePolicyLedgerRefreshDocumentMutation } = contentManagerCache;
