import type { ReactNode } from 'react';

import { Badge, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';

import type { LedgerEvent } from '../../../../../shared/contracts';
import { ConsentActionBadge } from '../../../components/labels';
import { versionLabel } from '../../../utils/versionLabel';
import { TableHead, type Column } from '../../../components/TableHead';
import { getTrad } from '../../../utils/getTrad';
import { formatInstant } from '../../../utils/time';

type FormatMessage = IntlShape['formatMessage'];

const COLUMNS: Column[] = [
  ['ledger.column.seq', '#'],
  ['ledger.column.occurred-at', 'Recorded'],
  ['ledger.column.subject', 'Person (hash)'],
  ['ledger.action', 'Action'],
  ['filters.policy', 'Policy'],
  ['filters.locale', 'Locale'],
  ['ledger.form', 'Form'],
  ['ledger.column.purposes', 'Purposes'],
  ['ledger.column.method', 'Method'],
  ['ledger.column.content-hash', 'Text hash'],
  ['ledger.column.hash', 'Event hash'],
];

/** Hashes are long: the table shows their first 12 characters (the full value in a title). */
const shortHash = (hash: string | null | undefined): string => (hash ? hash.slice(0, 12) : '');

const formLabel = (event: LedgerEvent, formatMessage: FormatMessage): string => {
  if (!event.form) {
    return formatMessage({ id: getTrad('acceptance.form.api'), defaultMessage: 'via API' });
  }
  return event.formRevision !== null
    ? formatMessage(
        { id: getTrad('ledger.form.revision'), defaultMessage: '{form} (rev. {revision})' },
        { form: event.form, revision: String(event.formRevision) },
      )
    : event.form;
};

/** The ledger events, one row each, with their hashes shortened. */
export const LedgerTable = ({ events }: { events: LedgerEvent[] }) => {
  return (
    <Table colCount={COLUMNS.length} rowCount={events.length + 1} data-testid="ledger-table">
      <TableHead columns={COLUMNS} />
      <Tbody>
        {events.map((event) => (
          <LedgerRow key={`${event.seq}-${event.id}`} event={event} />
        ))}
      </Tbody>
    </Table>
  );
};

const LedgerRow = ({ event }: { event: LedgerEvent }) => {
  const { formatMessage, formatDate } = useIntl();
  const hasVersion = event.version !== null && event.version !== undefined;
  return (
    <Tr
      data-testid="ledger-row"
      data-action={event.action}
      data-version={hasVersion ? String(event.version) : ''}
      data-seq={event.seq}
    >
      <Td>
        <Typography textColor="neutral600">{event.seq}</Typography>
      </Td>
      <Td>
        <Text title={event.occurredAt}>
          {formatInstant(formatDate, event.occurredAt, 'date-time-seconds') ?? ''}
        </Text>
      </Td>
      <Td>
        <Mono title={event.subject}>{shortHash(event.subject)}</Mono>
      </Td>
      <Td>
        <ConsentActionBadge action={event.action} />
      </Td>
      <Td>
        <Text>
          {event.policy}
          {hasVersion ? ` ${versionLabel(event.version, formatMessage)}` : ''}
        </Text>
      </Td>
      <Td>
        <Text>{event.locale ?? '—'}</Text>
      </Td>
      <Td>
        <Text>{formLabel(event, formatMessage)}</Text>
      </Td>
      <Td>
        <Purposes purposes={event.purposes} />
      </Td>
      <Td>
        <Text>{event.method ?? '—'}</Text>
      </Td>
      <Td>
        <Mono title={event.contentHash ?? undefined}>{shortHash(event.contentHash) || '—'}</Mono>
      </Td>
      <Td>
        <Mono title={event.hash}>{shortHash(event.hash)}</Mono>
      </Td>
    </Tr>
  );
};

const Text = ({ children, title }: { children: ReactNode; title?: string }) => (
  <Typography textColor="neutral800" title={title}>
    {children}
  </Typography>
);

const Mono = ({ children, title }: { children: ReactNode; title?: string }) => (
  <Typography textColor="neutral800" title={title} style={{ fontFamily: 'monospace' }}>
    {children}
  </Typography>
);

const Purposes = ({ purposes }: { purposes: Record<string, boolean> | null }) => {
  const entries = Object.entries(purposes ?? {});
  if (entries.length === 0) return <Typography textColor="neutral600">—</Typography>;
  return (
    <Flex gap={1} wrap="wrap">
      {entries.map(([purpose, given]) => (
        <Badge
          key={purpose}
          size="S"
          variant={given ? 'success' : 'neutral'}
          title={`${purpose}: ${given ? '✓' : '✗'}`}
        >
          {`${given ? '✓' : '✗'} ${purpose}`}
        </Badge>
      ))}
    </Flex>
  );
};
