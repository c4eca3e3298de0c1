import { api } from './api';

/** Strapi's cache tag of the signed-in admin (GET /admin/users/me). */
const ME_TAG = 'Me';

/**
 * The signed-in admin's interface language, saved as Strapi's Profile page saves it
 * (PUT /admin/users/me, `preferedLanguage`). Strapi refetches the admin (tag `Me`) and applies
 * their preferred language to the whole admin, as it does at every sign-in and page load.
 */
const interfaceLanguageApi = api.enhanceEndpoints({ addTagTypes: [ME_TAG] }).injectEndpoints({
  endpoints: (builder) => ({
    policyLedgerSetInterfaceLanguage: builder.mutation<unknown, string>({
      query: (locale) => ({
        method: 'PUT',
        url: '/admin/users/me',
        data: { preferedLanguage: locale },
      }),
      invalidatesTags: [ME_TAG],
    }),
  }),
  overrideExisting: false,
});

export const { usePolicyLedgerSetInterfaceLanguageMutation } = interfaceLanguageApi;
