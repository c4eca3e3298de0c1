import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type {
  AcceptanceCounts,
  AcceptanceRow,
  GroupKey,
  PeopleCounts,
} from '../../../../../shared/contracts';
import { actionLabel } from '../../../components/labels';
import { getTrad } from '../../../utils/getTrad';
import { COUNT_KEYS, GROUP_KEY_LABEL, groupValue, num, rowDataAttributes, rowKey } from './groups';

interface AcceptanceTableProps {
  rows: AcceptanceRow[];
  totals: AcceptanceCounts;
  groupKeys: GroupKey[];
  /** Grouped by version alone: people now on each edition (each once), beside the events. */
  people?: PeopleCounts;
}

const peopleOn = (people: PeopleCounts, version: number | null | undefined) =>
  people.byEdition.find((e) => e.version === version)?.people ?? 0;

/** One row per group with its count per action and in total, then the totals of all groups. */
export const AcceptanceTable = ({ rows, totals, groupKeys, people }: AcceptanceTableProps) => {
  const { formatMessage } = useIntl();
  const peopleHeader = formatMessage({
    id: getTrad('acceptance.column.people'),
    defaultMessage: 'People now on it',
  });

  return (
    <Table
      colCount={groupKeys.length + COUNT_KEYS.length + (people ? 1 : 0)}
      rowCount={rows.length + 2 + (people && people.withoutEdition > 0 ? 1 : 0)}
      data-testid="acceptance-table"
    >
      <Thead>
        <Tr>
          {groupKeys.map((key) => (
            <Th key={key}>
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage({
                  id: getTrad(`acceptance.column.${key}`),
                  defaultMessage: GROUP_KEY_LABEL[key],
                })}
              </Typography>
            </Th>
          ))}
          {COUNT_KEYS.map((key) => (
            <Th key={key}>
              <Typography variant="sigma" textColor="neutral600">
                {key === 'total'
                  ? formatMessage({
                      id: getTrad('acceptance.column.total'),
                      defaultMessage: 'Total',
                    })
                  : actionLabel(key, formatMessage)}
              </Typography>
            </Th>
          ))}
          {people ? (
            <Th>
              <Typography variant="sigma" textColor="neutral600" title={peopleHeader}>
                {peopleHeader}
              </Typography>
            </Th>
          ) : null}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr
            key={rowKey(row, groupKeys)}
            data-testid="acceptance-row"
            {...rowDataAttributes(row, groupKeys)}
          >
            {groupKeys.map((key) => (
              <Td key={key}>
                <Typography textColor="neutral800">
                  {groupValue(key, row, formatMessage)}
                </Typography>
              </Td>
            ))}
            {COUNT_KEYS.map((key) => (
              <Td key={key} data-testid={`count-${key}`}>
                <Typography
                  textColor="neutral800"
                  fontWeight={key === 'total' ? 'bold' : undefined}
                >
                  {num(row[key])}
                </Typography>
              </Td>
            ))}
            {people ? (
              <Td data-testid="count-people">
                <Typography textColor="neutral800" fontWeight="bold">
                  {num(peopleOn(people, row.version))}
                </Typography>
              </Td>
            ) : null}
          </Tr>
        ))}
        {people && people.withoutEdition > 0 ? (
          <Tr data-testid="acceptance-without-edition">
            <Td colSpan={groupKeys.length + COUNT_KEYS.length}>
              <Typography textColor="neutral700">
                {formatMessage({
                  id: getTrad('acceptance.people.without-edition'),
                  defaultMessage: 'Declined / no edition accepted',
                })}
              </Typography>
            </Td>
            <Td data-testid="count-people">
              <Typography textColor="neutral800" fontWeight="bold">
                {num(people.withoutEdition)}
              </Typography>
            </Td>
          </Tr>
        ) : null}
        <Tr data-testid="acceptance-totals" background="neutral100">
          {groupKeys.length > 0 ? (
            <Td colSpan={groupKeys.length}>
              <Typography fontWeight="bold">
                {formatMessage({ id: getTrad('acceptance.totals'), defaultMessage: 'All groups' })}
              </Typography>
            </Td>
          ) : null}
          {COUNT_KEYS.map((key) => (
            <Td key={key} data-testid={`count-${key}`}>
              <Typography fontWeight="bold">{num(totals[key])}</Typography>
            </Td>
          ))}
          {people ? (
            <Td data-testid="count-people">
              <Typography fontWeight="bold">{num(people.people)}</Typography>
            </Td>
          ) : null}
        </Tr>
      </Tbody>
    </Table>
  );
};
