import { Button, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { SubjectRequestEntry } from '../../../../../shared/contracts';
import { TableHead, type Column } from '../../../components/TableHead';
import { getTrad } from '../../../utils/getTrad';
import { formatCalendarDate } from '../../../utils/time';
import { DeadlineBadge, useRequestLabels } from './requestLabels';

const COLUMNS: Column[] = [
  ['requests.type', 'Type'],
  ['requests.contact.short', 'Person'],
  ['requests.received', 'Received on'],
  ['requests.due', 'Due on'],
  ['requests.deadline', 'Deadline'],
  ['requests.status', 'Status'],
  ['requests.open', ''],
];

interface RequestsTableProps {
  requests: SubjectRequestEntry[];
  selected: string | null;
  onSelect: (id: string) => void;
}

/** The register, soonest due first. */
export const RequestsTable = ({ requests, selected, onSelect }: RequestsTableProps) => {
  const { formatMessage, formatDate } = useIntl();
  const labels = useRequestLabels();
  return (
    <Table colCount={COLUMNS.length} rowCount={requests.length + 1} data-testid="requests-table">
      <TableHead columns={COLUMNS} />
      <Tbody>
        {requests.map((r) => (
          <Tr key={r.id} data-testid="request-row" data-id={r.id} data-status={r.status}>
            <Td>
              <Typography>{labels.type(r.type)}</Typography>
            </Td>
            <Td>
              <Typography>{r.contact}</Typography>
            </Td>
            <Td>
              <Typography>{formatCalendarDate(formatDate, r.receivedOn)}</Typography>
            </Td>
            <Td>
              <Typography data-testid="request-due" data-due={r.dueOn}>
                {formatCalendarDate(formatDate, r.dueOn)}
              </Typography>
            </Td>
            <Td>
              <DeadlineBadge request={r} />
            </Td>
            <Td>
              <Typography data-testid="request-status">{labels.status(r.status)}</Typography>
            </Td>
            <Td>
              <Button
                variant={selected === r.id ? 'secondary' : 'tertiary'}
                size="S"
                data-testid="request-open"
                onClick={() => onSelect(r.id)}
              >
                {formatMessage({ id: getTrad('requests.open'), defaultMessage: 'Open' })}
              </Button>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
