import { useForm, useNotification, useRBAC } from '@strapi/strapi/admin';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';

import { useNotifyApiError } from '../../hooks/useApiError';
import { EDITION_UID } from '../../pluginId';
import { usePolicyLedgerNewEditionMutation } from '../../services/ledgerApi';
import { getTrad } from '../../utils/getTrad';

/**
 * Creating editions is the Content Manager's create permission on them (the route checks the
 * same, server/src/routes/admin.ts). Module-level: useRBAC compares it on every render.
 */
const CREATE_EDITION = [
  { action: 'plugin::content-manager.explorer.create', subject: EDITION_UID },
  { action: 'plugin::content-manager.explorer.read', subject: EDITION_UID },
];

/** The edit view of one edition in a locale, under the admin's base path. */
export const editionEditPath = (documentId: string, locale: string | null) =>
  `/content-manager/collection-types/${EDITION_UID}/${documentId}` +
  (locale ? `?plugins[i18n][locale]=${encodeURIComponent(locale)}` : '');

/**
 * "New edition from this one", beside Save in the edit view of a saved edition: the server copies
 * every locale's texts into a new draft of the same policy (POST /editions/:documentId/successor),
 * then the new draft opens in the locale being viewed. Unlike Duplicate it copies every locale,
 * not only the one shown, and nothing of a release.
 */
const NewEditionAction: DocumentActionComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyApiError();
  const { allowedActions, isLoading } = useRBAC(CREATE_EDITION);
  const [createSuccessor, { isLoading: busy }] = usePolicyLedgerNewEditionMutation();
  // Unsaved edits of a draft would not be in the copy: save them first.
  const modified = useForm('PolicyLedgerNewEdition', (state) => state.modified, false) ?? false;

  if (model !== EDITION_UID || !documentId || !document) return null;
  if (isLoading || !allowedActions.canCreate || !allowedActions.canRead) return null;

  const locale = typeof document.locale === 'string' ? document.locale : null;
  const version = typeof document.version === 'number' ? document.version : null;

  return {
    label: formatMessage({
      id: getTrad('new-edition'),
      defaultMessage: 'New edition from this one',
    }),
    position: 'panel',
    variant: 'secondary',
    disabled: busy || modified,
    loading: busy,
    onClick: async () => {
      const result = await createSuccessor({ documentId });
      if ('error' in result) {
        notifyError(result.error);
        return true;
      }
      toggleNotification({
        type: 'success',
        message: formatMessage(
          version === null
            ? {
                id: getTrad('new-edition.created.draft'),
                defaultMessage: 'New draft edition created with the texts of every locale.',
              }
            : {
                id: getTrad('new-edition.created'),
                defaultMessage:
                  'New draft edition created from v{version} with the texts of every locale.',
              },
          { version },
        ),
      });
      navigate(editionEditPath(result.data.edition.documentId, locale));
      return true;
    },
  };
};

NewEditionAction.position = 'panel';

export { NewEditionAction };
