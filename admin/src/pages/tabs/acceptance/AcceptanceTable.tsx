import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { AcceptanceCounts, AcceptanceRow, GroupKey } from '../../../../../shared/contracts';
import { actionLabel } from '../../../components/labels';
import { getTrad } from '../../../utils/getTrad';
import { COUNT_KEYS, GROUP_KEY_LABEL, groupValue, num, rowDataAttributes, rowKey } from './groups';

interface AcceptanceTableProps {
  rows: AcceptanceRow[];
  totals: AcceptanceCounts;
  groupKeys: GroupKey[];
}

/** One row per group with its count per action and in total, then the totals of all groups. */
export const AcceptanceTable = ({ rows, totals, groupKeys }: AcceptanceTableProps) => {
  const { formatMessage } = useIntl();

  return (
    <Table
      colCount={groupKeys.length + COUNT_KEYS.length}
      rowCount={rows.length + 2}
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
          </Tr>
        ))}
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
        </Tr>
      </Tbody>
    </Table>
  );
};
