import * as React from 'react';

import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import type {
  RequestAction,
  RequestStatus,
  SubjectRequestEntry,
} from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { TextField } from '../../../components/fields';
import { useNotifyApiError } from '../../../hooks/useApiError';
import { usePluginMessage } from '../../../hooks/usePluginMessage';
import {
  usePolicyLedgerRequestActionMutation,
  usePolicyLedgerRequestStatusMutation,
} from '../../../services/officerApi';
import { saveJson } from '../../../utils/download';
import { fieldErrors } from '../../../utils/fieldErrors';
import { formatInstant } from '../../../utils/time';
import { DeadlineBadge, useRequestLabels } from './requestLabels';
import { EraseConfirm, RefuseConfirm } from './RequestConfirms';
import { RequestLog } from './RequestLog';
import { useRequestNotices } from './useRequestNotices';
import { useScrollIntoView } from './useScrollIntoView';

const ACTION_LABEL: Record<RequestAction, string> = {
  export: 'Export their data',
  erase: 'Erase their data',
  withdraw: 'Withdraw their consent',
};

/** The fields typed on a status change, by their API names. */
type Field = 'identityMethod' | 'reason' | 'note';

interface RequestPanelProps {
  request: SubjectRequestEntry;
  canAct: boolean;
  /** The request as it now stands, after a status change or an action taken from the panel. */
  onChanged: (request: SubjectRequestEntry) => void;
}

/** One request: its state, the next steps, the actions that answer it, what was done. */
export const RequestPanel = ({ request, canAct, onChanged }: RequestPanelProps) => {
  const { formatDate } = useIntl();
  const t = usePluginMessage();
  const labels = useRequestLabels();
  const notices = useRequestNotices(request);
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyApiError();
  const [setStatus, moving] = usePolicyLedgerRequestStatusMutation();
  const [act, acting] = usePolicyLedgerRequestActionMutation();
  const [typed, setTyped] = React.useState<Record<Field, string>>({
    identityMethod: '',
    reason: '',
    note: '',
  });
  const [errors, setErrors] = React.useState<Partial<Record<Field, string>>>({});
  const ref = useScrollIntoView<HTMLDivElement>();
  const busy = moving.isLoading || acting.isLoading;

  const fieldLabels: Record<Field, string> = {
    identityMethod: t('requests.identity', 'How the identity was checked'),
    reason: t('requests.reason.name', 'The reason'),
    note: t('requests.note.name', 'The note'),
  };
  const onType = (field: Field) => (value: string) => {
    setTyped((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => ({ ...prev, [field]: undefined }));
  };
  const value = (field: Field) => typed[field].trim();

  const move = async (status: RequestStatus) => {
    if (request.status === 'verifying' && status === 'in-progress' && !value('identityMethod')) {
      return setErrors({
        identityMethod: t(
          'requests.identity.required',
          'Say how the identity was checked before starting work on the request.',
        ),
      });
    }
    const outcome = await setStatus({
      id: request.id,
      status,
      ...(value('identityMethod') ? { identityMethod: value('identityMethod') } : {}),
      ...(status === 'refused' && value('reason') ? { reason: value('reason') } : {}),
      ...(value('note') ? { note: value('note') } : {}),
    });
    if ('error' in outcome) {
      const { byField, placed } = fieldErrors(outcome.error, fieldLabels);
      if (placed) setErrors(byField);
      else notifyError(outcome.error);
      return;
    }
    setTyped({ identityMethod: '', reason: '', note: '' });
    setErrors({});
    onChanged(outcome.data);
    toggleNotification({ type: 'success', message: notices.moved(status) });
  };

  const run = async (action: RequestAction) => {
    const outcome = await act({ id: request.id, action });
    if ('error' in outcome) return notifyError(outcome.error);
    onChanged(outcome.data.request);
    if (action === 'export' && outcome.data.data) {
      saveJson(
        outcome.data.data,
        `personal-data-${request.subject.slice(0, 12)}-${request.id.slice(0, 8)}.json`,
      );
    }
    const taken = outcome.data.request.actions[outcome.data.request.actions.length - 1];
    toggleNotification({ type: 'success', message: notices.acted(action, taken?.result ?? {}) });
  };

  const refusable = request.next.includes('refused');
  return (
    <div ref={ref} style={{ scrollMarginTop: '96px', scrollMarginBottom: '24px' }}>
      <Card data-testid="request-panel" data-status={request.status} data-id={request.id}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={3} wrap="wrap" alignItems="center">
            <Typography variant="delta" tag="h3">
              {`${labels.type(request.type)} · ${request.contact}`}
            </Typography>
            <DeadlineBadge request={request} />
            <Typography textColor="neutral600" data-testid="request-panel-status">
              {labels.status(request.status)}
            </Typography>
          </Flex>
          {request.note ? (
            <Box background="neutral100" padding={3} hasRadius>
              <Typography variant="omega" data-testid="request-intake-note">
                {t('requests.note.shown', 'Note taken at intake: {note}', { note: request.note })}
              </Typography>
            </Box>
          ) : null}
          {request.identityCheck ? (
            <Typography variant="pi" data-testid="request-identity-check">
              {t('requests.identity.done', 'Identity checked {when}: {method}', {
                when: formatInstant(formatDate, request.identityCheck.at) ?? '',
                method: request.identityCheck.method,
              })}
            </Typography>
          ) : null}
          {request.reason ? (
            <Typography variant="pi" data-testid="request-reason">
              {t('requests.reason.shown', 'Refused: {reason}', { reason: request.reason })}
            </Typography>
          ) : null}
          {request.next.length > 0 ? (
            <Grid.Root gap={4}>
              {request.status === 'verifying' ? (
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="request-identity"
                    testId="request-identity"
                    label={t('requests.identity', 'How the identity was checked')}
                    value={typed.identityMethod}
                    error={errors.identityMethod}
                    onChange={onType('identityMethod')}
                  />
                </Grid.Item>
              ) : null}
              {refusable ? (
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="request-refuse-reason"
                    testId="request-refuse-reason"
                    label={t(
                      'requests.reason',
                      'Reason, to refuse (e.g. a legal duty to keep processing)',
                    )}
                    value={typed.reason}
                    error={errors.reason}
                    onChange={onType('reason')}
                  />
                </Grid.Item>
              ) : null}
              <Grid.Item col={12} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="request-change-note"
                  testId="request-change-note"
                  label={t('requests.change-note', 'Note on this step (optional)')}
                  value={typed.note}
                  error={errors.note}
                  onChange={onType('note')}
                />
              </Grid.Item>
            </Grid.Root>
          ) : null}
          <Flex gap={2} wrap="wrap" alignItems="flex-start">
            {request.next
              .filter((status) => status !== 'refused')
              .map((status) => (
                <Button
                  key={status}
                  loading={moving.isLoading && moving.originalArgs?.status === status}
                  disabled={busy}
                  data-testid={`request-to-${status}`}
                  onClick={() => void move(status)}
                >
                  {labels.status(status)}
                </Button>
              ))}
            {canAct
              ? request.availableActions.map((action) =>
                  action === 'erase' ? (
                    <EraseConfirm
                      key={action}
                      request={request}
                      busy={busy}
                      running={acting.isLoading && acting.originalArgs?.action === action}
                      onErase={() => run(action)}
                    />
                  ) : (
                    <Button
                      key={action}
                      variant="secondary"
                      loading={acting.isLoading && acting.originalArgs?.action === action}
                      disabled={busy}
                      data-testid={`request-action-${action}`}
                      onClick={() => void run(action)}
                    >
                      {t(`requests.action.${action}`, ACTION_LABEL[action])}
                    </Button>
                  ),
                )
              : null}
            {refusable ? (
              <RefuseConfirm
                request={request}
                busy={busy}
                running={moving.isLoading && moving.originalArgs?.status === 'refused'}
                reason={typed.reason}
                onMissingReason={() =>
                  setErrors({
                    reason: t('requests.reason.required', 'Give the reason for refusing.'),
                  })
                }
                onRefuse={() => move('refused')}
              />
            ) : null}
          </Flex>
          <RequestLog request={request} />
        </Flex>
      </Card>
    </div>
  );
};
