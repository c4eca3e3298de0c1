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
import { fieldErrors } from '../../../utils/fieldErrors';
import { getTrad } from '../../../utils/getTrad';
import { REQUEST_TYPES, useRequestLabels } from './requestLabels';

/** The fields of the form, by their API names. */
type Field = 'type' | 'contact' | 'receivedOn' | 'note';

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
  const [errors, setErrors] = React.useState<Partial<Record<Field, string>>>({});
  const text = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTrad(id), defaultMessage }, values);
  /** Typing in a field clears what was said about it. */
  const typed =
    (field: Field, set: (value: string) => void) =>
    (value: string): void => {
      set(value);
      setErrors((prev) => ({ ...prev, [field]: undefined }));
    };

  const submit = async () => {
    if (today && receivedOn > today) {
      return setErrors({
        receivedOn: text(
          'requests.received.future',
          'A request cannot be received after today ({today}).',
          {
            today,
          },
        ),
      });
    }
    const outcome = await create({
      type,
      contact: contact.trim(),
      ...(receivedOn ? { receivedOn } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if ('error' in outcome) {
      const { byField, placed } = fieldErrors(outcome.error, {
        type: text('requests.type', 'Type'),
        contact: `“${contact.trim()}”`,
        receivedOn: text('requests.received.name', 'The date received'),
        note: text('requests.note.name', 'The note'),
      });
      return placed ? setErrors(byField) : notifyError(outcome.error);
    }
    setErrors({});
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
              error={errors.type}
              onChange={typed('type', (v) => setType(v as RequestType))}
            />
          </Grid.Item>
          <Grid.Item col={3} s={12}>
            <TextField
              name="request-contact"
              testId="request-contact"
              label={text('requests.contact', 'Person (e-mail, phone or id)')}
              value={contact}
              error={errors.contact}
              onChange={typed('contact', setContact)}
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
              error={errors.receivedOn}
              onChange={typed('receivedOn', setReceivedOn)}
            />
          </Grid.Item>
          <Grid.Item col={4} s={12}>
            <TextField
              name="request-note"
              testId="request-note"
              label={text('requests.note', 'Note')}
              value={note}
              error={errors.note}
              onChange={typed('note', setNote)}
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
