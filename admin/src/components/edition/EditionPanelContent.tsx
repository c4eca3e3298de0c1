import * as React from 'react';

import { Button, Flex, Loader, Typography } from '@strapi/design-system';
import { useForm } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import type { EditionStatus } from '../../../../shared/contracts';
import { useFormatApiError } from '../../hooks/useApiError';
import { useServerClock } from '../../hooks/useServerClock';
import { usePolicyLedgerEditionStatusQuery } from '../../services/ledgerApi';
import { scheduledAt } from '../../utils/countdown';
import { getTrad } from '../../utils/getTrad';
import { CancelControl, ReleaseControls } from './EditionActions';
import { EditionFacts, EditionNotices } from './EditionFacts';
import { useEditionActions } from './useEditionActions';

interface EditionPanelContentProps {
  model: string;
  documentId: string;
  /** Changes whenever the Content Manager saved the document; the status is reloaded then. */
  documentUpdatedAt: string | null;
  /** The locale the edit view shows. */
  locale: string | null;
  /** The admin may release and cancel editions (plugin::policy-ledger.release). */
  canRelease: boolean;
}

/** The side panel's body: the edition's status (loaded, or why not) and its actions. */
export const EditionPanelContent = ({
  model,
  documentId,
  documentUpdatedAt,
  locale,
  canRelease,
}: EditionPanelContentProps) => {
  const { formatMessage } = useIntl();
  const formatError = useFormatApiError();
  const { data, error, isFetching, fulfilledTimeStamp, refetch } =
    usePolicyLedgerEditionStatusQuery(documentId, { refetchOnMountOrArgChange: true });

  // Reload after every save of the document in the Content Manager.
  const savedAt = React.useRef(documentUpdatedAt);
  React.useEffect(() => {
    if (savedAt.current === documentUpdatedAt) return;
    savedAt.current = documentUpdatedAt;
    void refetch();
  }, [documentUpdatedAt, refetch]);

  // A scheduled edition counts down; once it takes effect the server reports it in force.
  const dueAt = data ? scheduledAt(data) : null;
  const serverNow = useServerClock({
    serverNow: data?.now,
    receivedAt: fulfilledTimeStamp,
    dueAt,
    isFetching,
    onDue: refetch,
  });

  if (!data) {
    if (error && !isFetching) {
      return (
        <Flex direction="column" alignItems="stretch" gap={2} width="100%">
          <Typography variant="pi" textColor="danger600">
            {formatError(
              error,
              formatMessage({
                id: getTrad('panel.load-error'),
                defaultMessage: 'Could not load the edition status.',
              }),
            )}
          </Typography>
          <Button variant="tertiary" size="S" onClick={() => void refetch()}>
            {formatMessage({ id: getTrad('panel.retry'), defaultMessage: 'Retry' })}
          </Button>
        </Flex>
      );
    }
    return (
      <Flex justifyContent="center" width="100%" padding={2}>
        <Loader small>
          {formatMessage({ id: getTrad('panel.loading'), defaultMessage: 'Loading status…' })}
        </Loader>
      </Flex>
    );
  }

  return (
    <LoadedPanel
      model={model}
      documentId={documentId}
      status={data}
      statusReceivedAt={fulfilledTimeStamp}
      locale={locale}
      remaining={dueAt === null ? null : dueAt - serverNow}
      canRelease={canRelease}
    />
  );
};

interface LoadedPanelProps {
  model: string;
  documentId: string;
  status: EditionStatus;
  statusReceivedAt: number | undefined;
  locale: string | null;
  remaining: number | null;
  canRelease: boolean;
}

const LoadedPanel = ({
  model,
  documentId,
  status,
  statusReceivedAt,
  locale,
  remaining,
  canRelease,
}: LoadedPanelProps) => {
  // The panel is rendered inside the edit view's form; `modified` means unsaved edits.
  const formModified =
    useForm('PolicyLedgerEditionPanel', (state) => state.modified, false) ?? false;
  const actions = useEditionActions({ model, documentId, status, formModified });

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <EditionNotices status={status} />
      <EditionFacts status={status} locale={locale} remaining={remaining} />
      {canRelease && status.state === 'draft' ? (
        <ReleaseControls
          status={status}
          actions={actions}
          formModified={formModified}
          statusReceivedAt={statusReceivedAt}
        />
      ) : null}
      {canRelease && status.state === 'scheduled' ? (
        <CancelControl status={status} actions={actions} />
      ) : null}
    </Flex>
  );
};
