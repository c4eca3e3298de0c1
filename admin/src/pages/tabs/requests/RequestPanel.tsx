import * as React from 'react';

import { Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type {
  RequestAction,
  RequestStatus,
  SubjectRequestEntry,
} from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { TextField } from '../../../components/fields';
import { useNotifyApiError } from '../../../hooks/useApiError';
import {
  usePolicyLedgerRequestActionMutation,
  usePolicyLedgerRequestStatusMutation,
} from '../../../services/officerApi';
import { getTrad } from '../../../utils/getTrad';
import { formatInstant } from '../../../utils/time';
import { saveJson } from '../../../utils/download';
import { DeadlineBadge, useRequestLabels } from './requestLabels';

const ACTION_LABEL: Record<RequestAction, string> = {
  export: 'Export their data',
  erase: 'Erase their data',
  withdraw: 'Withdraw their consent',
};

/** One request: its state, the next steps, the actions that answer it, what was done. */
export const RequestPanel = ({
  request,
  canAct,
}: {
  request: SubjectRequestEntry;
  canAct: boolean;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const labels = useRequestLabels();
  const notifyError = useNotifyApiError();
  const [setStatus, moving] = usePolicyLedgerRequestStatusMutation();
  const [act, acting] = usePolicyLedgerRequestActionMutation();
  const [identityMethod, setIdentityMethod] = React.useState('');
  const [reason, setReason] = React.useState('');
  const text = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTrad(id), defaultMessage }, values);

  const move = async (status: RequestStatus) => {
    const outcome = await setStatus({
      id: request.id,
      status,
      ...(identityMethod.trim() ? { identityMethod: identityMethod.trim() } : {}),
      ...(status === 'refused' && reason.trim() ? { reason: reason.trim() } : {}),
    });
    if ('error' in outcome) notifyError(outcome.error);
  };
  const run = async (action: RequestAction) => {
    const outcome = await act({ id: request.id, action });
    if ('error' in outcome) return notifyError(outcome.error);
    if (action === 'export' && outcome.data.data) {
      saveJson(
        outcome.data.data,
        `personal-data-${request.subject.slice(0, 12)}-${request.id.slice(0, 8)}.json`,
      );
    }
  };

  return (
    <Card data-testid="request-panel" data-status={request.status}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex gap={3} wrap="wrap" alignItems="center">
          <Typography variant="delta" tag="h3">
            {`${labels.type(request.type)} · ${request.contact}`}
          </Typography>
          <DeadlineBadge request={request} />
          <Typography textColor="neutral600">{labels.status(request.status)}</Typography>
        </Flex>
        {request.identityCheck ? (
          <Typography variant="pi">
            {text('requests.identity.done', 'Identity checked {when}: {method}', {
              when: formatInstant(formatDate, request.identityCheck.at) ?? '',
              method: request.identityCheck.method,
            })}
          </Typography>
        ) : null}
        {request.reason ? (
          <Typography variant="pi" data-testid="request-reason">
            {text('requests.reason.shown', 'Refused: {reason}', { reason: request.reason })}
          </Typography>
        ) : null}
        {request.status === 'verifying' ? (
          <TextField
            name="request-identity"
            testId="request-identity"
            label={text('requests.identity', 'How the identity was checked')}
            value={identityMethod}
            onChange={setIdentityMethod}
          />
        ) : null}
        {request.next.includes('refused') ? (
          <TextField
            name="request-refuse-reason"
            testId="request-refuse-reason"
            label={text(
              'requests.reason',
              'Reason, to refuse (e.g. a legal duty to keep processing)',
            )}
            value={reason}
            onChange={setReason}
          />
        ) : null}
        <Flex gap={2} wrap="wrap">
          {request.next.map((status) => (
            <Button
              key={status}
              variant={status === 'refused' ? 'danger-light' : 'default'}
              loading={moving.isLoading && moving.originalArgs?.status === status}
              disabled={moving.isLoading}
              data-testid={`request-to-${status}`}
              onClick={() => void move(status)}
            >
              {labels.status(status)}
            </Button>
          ))}
          {canAct
            ? request.availableActions.map((action) => (
                <Button
                  key={action}
                  variant="secondary"
                  loading={acting.isLoading && acting.originalArgs?.action === action}
                  disabled={acting.isLoading}
                  data-testid={`request-action-${action}`}
                  onClick={() => void run(action)}
                >
                  {text(`requests.action.${action}`, ACTION_LABEL[action])}
                </Button>
              ))
            : null}
        </Flex>
        {request.actions.map((a) => (
          <Typography key={a.at + a.action} variant="pi" data-testid="request-action-taken">
            {`${formatInstant(formatDate, a.at)} · ${text(`requests.action.${a.action}`, ACTION_LABEL[a.action])} · ${a.by} · ${JSON.stringify(a.result)}`}
          </Typography>
        ))}
      </Flex>
    </Card>
  );
};
