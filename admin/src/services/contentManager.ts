import { DOCUMENT_TAG, api } from './api';

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
const contentManagerCache = api.injectEndpoints({
  endpoints: (builder) => ({
    policyLedgerRefreshDocument: builder.mutation<null, { model: string; documentId: string }>({
      queryFn: () => ({ data: null }),
      invalidatesTags: (_result, _error, { model, documentId }) => [
        { type: DOCUMENT_TAG, id: `${model}_${documentId}` },
      ],
    }),
  }),
  overrideExisting: false,
});

/**
 * The Content Manager computes the edit view's layout, and runs the layout hooks
 * (content-manager/freezeEditLayout.ts), again only when its configuration data (endpoint
 * `getContentTypeConfiguration`, keyed by the model's uid) or the address changes. Refetching
 * would return equal data, which RTK Query keeps as the same object; so the cached entry gets a
 * new revision number instead: a new object, the layout is formatted again, nothing is fetched.
 */
type PatchConfiguration = (
  endpoint: 'getContentTypeConfiguration',
  model: string,
  recipe: (draft: { policyLedgerLayoutRevision?: number }) => void,
) => unknown;

let layoutRevision = 0;

const contentManagerLayout = api.injectEndpoints({
  endpoints: (builder) => ({
    policyLedgerRefreshEditLayout: builder.mutation<null, { model: string }>({
      queryFn: ({ model }, { dispatch }) => {
        const patch = api.util.updateQueryData as unknown as PatchConfiguration;
        layoutRevision += 1;
        const action = patch('getContentTypeConfiguration', model, (draft) => {
          draft.policyLedgerLayoutRevision = layoutRevision;
        });
        dispatch(action as Parameters<typeof dispatch>[0]);
        return { data: null };
      },
    }),
  }),
  overrideExisting: false,
});

export const { usePolicyLedgerRefreshDocumentMutation } = contentManagerCache;
export const { usePolicyLedgerRefreshEditLayoutMutation } = contentManagerLayout;
