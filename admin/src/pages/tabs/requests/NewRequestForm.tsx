import * as React from 'react';

import { Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import type { RequestType } from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { SelectField, TextField } from '../../../components/fields';
import { useNotifyApiError } from '../../../hooks/useApiError';
import { usePolicyLedgerCreateRequestMutation } from '../../../services/officerApi';
import { getTrad } from '../../../utils/getTrad';
import { REQUEST_TYPES, useRequestLabels } from './requestLabels';

/** Records a request as it arrives: its type, who made it, the day it was received. */
export const NewRequestForm = ({ today }: { today: string | null }) => {
  const { formatMessage } = useIntl();
  const labels = useRequestLabels();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyApiError();
  const [create, { isLoading }] = usePolicyLedgerCreateRequestMutation();
  const [type, setType] = React.useState<RequestType>('access');
  const [contact, setContact] = React.useState('');
  const [receivedOn, setReceivedOn] = React.useState('');
  const [note, setNote] = React.useState('');
  const text = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTrad(id), defaultMessage }, values);

  const submit = async () => {
    const outcome = await create({
      type,
      contact: contact.trim(),
      ...(receivedOn ? { receivedOn } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if ('error' in outcome) return notifyError(outcome.error);
    toggleNotification({
      type: 'success',
      message: text('requests.created', 'Request recorded: due on {due}.', {
        due: outcome.data.dueOn,
      }),
    });
    setContact('');
    setNote('');
    setReceivedOn('');
  };

  return (
    <Card>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {text('requests.new', 'Record a request')}
        </Typography>
        <Grid.Root gap={4}>
          <Grid.Item col={3} s={12}>
            <SelectField
              name="request-type"
              testId="request-type"
              label={text('requests.type', 'Type')}
              value={type}
              options={REQUEST_TYPES.map((t) => ({ value: t, label: labels.type(t) }))}
              onChange={(v) => setType(v as RequestType)}
            />
          </Grid.Item>
          <Grid.Item col={3} s={12}>
            <TextField
              name="request-contact"
              testId="request-contact"
              label={text('requests.contact', 'Person (e-mail, phone or id)')}
              value={contact}
              onChange={setContact}
            />
          </Grid.Item>
          <Grid.Item col={2} s={12}>
            <TextField
              name="request-received"
              testId="request-received"
              type="date"
              label={text('requests.received', 'Received on')}
              hint={
                today
                  ? text('requests.received.hint', 'Empty: today ({today})', { today })
                  : undefined
              }
              value={receivedOn}
              onChange={setReceivedOn}
            />
          </Grid.Item>
          <Grid.Item col={4} s={12}>
            <TextField
              name="request-note"
              testId="request-note"
              label={text('requests.note', 'Note')}
              value={note}
              onChange={setNote}
            />
          </Grid.Item>
        </Grid.Root>
        <Flex>
          <Button
            startIcon={<Plus />}
            loading={isLoading}
            disabled={!contact.trim() || isLoading}
            data-testid="request-create"
            onClick={() => void submit()}
          >
            {text('requests.create', 'Record the request')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
};
