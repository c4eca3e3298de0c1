import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import type { EditionStatus } from '../../../../shared/contracts';
import { useNotifyApiError } from '../../hooks/useApiError';
import { usePolicyLedgerRefreshDocumentMutation } from '../../services/contentManager';
import {
  usePolicyLedgerCancelEditionMutation,
  usePolicyLedgerReleaseEditionMutation,
} from '../../services/ledgerApi';
import { getTrad } from '../../utils/getTrad';
import { formatInstant } from '../../utils/time';

export type EditionAction = 'release' | 'cancel';

interface EditionActionsOptions {
  model: string;
  documentId: string;
  status: EditionStatus;
  /** The Content Manager's form holds unsaved edits. */
  formModified: boolean;
}

export interface EditionActions {
  /** The action whose request is running. */
  busy: EditionAction | null;
  /** Releases the edition (at `effectiveAt`, or the earliest allowed instant); true on success. */
  release: (effectiveAt: Date | null) => Promise<boolean>;
  /** Cancels the scheduled edition; true on success. */
  cancel: () => Promise<boolean>;
}

/**
 * Release and Cancel of the edition in the Content Manager's edit view. Both mutations refresh
 * the edition's status and the overview (their cache tags); success is announced, failures are
 * shown through Strapi's error helpers.
 */
export function useEditionActions({
  model,
  documentId,
  status,
  formModified,
}: EditionActionsOptions): EditionActions {
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyApiError();
  const [refreshDocument] = usePolicyLedgerRefreshDocumentMutation();
  const [releaseEdition, releaseState] = usePolicyLedgerReleaseEditionMutation();
  const [cancelEdition, cancelState] = usePolicyLedgerCancelEditionMutation();

  const announce = (message: string) => {
    if (formModified) {
      // Refreshing the form would throw away the editor's unsaved input.
      const stale = formatMessage({
        id: getTrad('notification.stale-form'),
        defaultMessage: 'Reload the page to see the updated fields in the form.',
      });
      toggleNotification({ type: 'success', message: `${message} ${stale}` });
    } else {
      toggleNotification({ type: 'success', message });
      // Let the Content Manager refetch the document so the form shows the frozen values.
      void refreshDocument({ model, documentId });
    }
  };

  const release = async (effectiveAt: Date | null) => {
    const result = await releaseEdition({ documentId, effectiveAt: effectiveAt?.toISOString() });
    if ('error' in result) {
      notifyError(result.error);
      return false;
    }
    announce(
      formatMessage(
        {
          id: getTrad('notification.released'),
          defaultMessage: 'Edition v{version} released; it takes effect {date}.',
        },
        {
          version: result.data.version ?? status.version,
          date: formatInstant(formatDate, result.data.effectiveAt) ?? '',
        },
      ),
    );
    return true;
  };

  const cancel = async () => {
    const result = await cancelEdition({ documentId });
    if ('error' in result) {
      notifyError(result.error);
      return false;
    }
    announce(
      formatMessage(
        { id: getTrad('notification.cancelled'), defaultMessage: 'Edition v{version} cancelled.' },
        { version: result.data.version ?? status.version },
      ),
    );
    return true;
  };

  const busy = releaseState.isLoading ? 'release' : cancelState.isLoading ? 'cancel' : null;
  return { busy, release, cancel };
}
