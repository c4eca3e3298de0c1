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

  /**
   * Announces a settled release or cancel: the failure through Strapi's helpers, or the success
   * message for the edition now (then the form is refreshed, unless it holds unsaved edits).
   */
  const settle = (
    result: Awaited<ReturnType<typeof releaseEdition | typeof cancelEdition>>,
    message: (next: EditionStatus) => string,
  ): boolean => {
    if ('error' in result) {
      notifyError(result.error);
      return false;
    }
    if (formModified) {
      // Refreshing the form would throw away the editor's unsaved input.
      const stale = formatMessage({
        id: getTrad('notification.stale-form'),
        defaultMessage: 'Reload the page to see the updated fields in the form.',
      });
      toggleNotification({ type: 'success', message: `${message(result.data)} ${stale}` });
    } else {
      toggleNotification({ type: 'success', message: message(result.data) });
      // Let the Content Manager refetch the document so the form shows the frozen values.
      void refreshDocument({ model, documentId });
    }
    return true;
  };

  const release = async (effectiveAt: Date | null) =>
    settle(await releaseEdition({ documentId, effectiveAt: effectiveAt?.toISOString() }), (next) =>
      formatMessage(
        {
          id: getTrad('notification.released'),
          defaultMessage: 'Edition v{version} released; it takes effect {date}.',
        },
        {
          version: next.version ?? status.version,
          date: formatInstant(formatDate, next.effectiveAt) ?? '',
        },
      ),
    );

  const cancel = async () =>
    settle(await cancelEdition({ documentId }), (next) =>
      formatMessage(
        { id: getTrad('notification.cancelled'), defaultMessage: 'Edition v{version} cancelled.' },
        { version: next.version ?? status.version },
      ),
    );

  const busy = releaseState.isLoading ? 'release' : cancelState.isLoading ? 'cancel' : null;
  return { busy, release, cancel };
}
