import { Badge, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { AuditEntry } from '../../../../../shared/contracts';
import { TableHead, type Column } from '../../../components/TableHead';
import { getTrad } from '../../../utils/getTrad';
import { formatInstant } from '../../../utils/time';
import { actorLabel, auditActionLabel, detailsText } from './auditLabels';
import { requestOfEntry } from './auditRequest';
import { RequestLink } from './RequestLink';

const COLUMNS: Column[] = [
  ['ledger.column.seq', '#'],
  ['audit.column.at', 'When'],
  ['audit.column.actor', 'Who'],
  ['audit.column.action', 'What'],
  ['audit.column.target', 'On'],
  ['audit.column.details', 'Details'],
  ['audit.column.sealed', 'Sealed'],
];

/** The audit entries, newest first. */
export const AuditTable = ({ entries }: { entries: AuditEntry[] }) => {
  const { formatMessage, formatDate } = useIntl();
  return (
    <Table colCount={COLUMNS.length} rowCount={entries.length + 1} data-testid="audit-table">
      <TableHead columns={COLUMNS} />
      <Tbody>
        {entries.map((entry) => {
          const request = requestOfEntry(entry);
          const shown =
            request && entry.target !== request
              ? Object.fromEntries(Object.entries(entry.details).filter(([k]) => k !== 'request'))
              : entry.details;
          return (
            <Tr key={entry.seq} data-testid="audit-row" data-action={entry.action}>
              <Td>
                <Typography textColor="neutral600">{entry.seq}</Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800" title={entry.occurredAt}>
                  {formatInstant(formatDate, entry.occurredAt, 'date-time-seconds') ?? ''}
                </Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">
                  {actorLabel(entry.actor, formatMessage)}
                </Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800" fontWeight="semiBold">
                  {auditActionLabel(entry.action, formatMessage)}
                </Typography>
              </Td>
              <Td>
                {request && entry.target === request ? (
                  <Typography textColor="neutral800">
                    <RequestLink id={request} />
                  </Typography>
                ) : (
                  <Typography
                    textColor="neutral800"
                    title={entry.target ?? undefined}
                    style={{
                      fontFamily: /^[0-9a-f]{64}$/.test(entry.target ?? '')
                        ? 'monospace'
                        : undefined,
                    }}
                  >
                    {/^[0-9a-f]{64}$/.test(entry.target ?? '')
                      ? `${entry.target?.slice(0, 12)}…`
                      : (entry.target ?? '—')}
                  </Typography>
                )}
              </Td>
              <Td>
                <Typography
                  variant="pi"
                  textColor="neutral700"
                  ellipsis
                  title={detailsText(entry.details)}
                  data-testid="audit-details"
                >
                  {detailsText(shown, formatDate)}
                  {request && entry.target !== request ? (
                    <>
                      {Object.keys(shown).length ? ' · ' : ''}
                      <RequestLink id={request} />
                    </>
                  ) : null}
                </Typography>
              </Td>
              <Td>
                <Badge active={entry.sealed} title={entry.hash}>
                  {entry.sealed
                    ? formatMessage({ id: getTrad('audit.sealed.yes'), defaultMessage: 'sealed' })
                    : formatMessage({ id: getTrad('audit.sealed.no'), defaultMessage: 'pending' })}
                </Badge>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
