import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { AcceptanceRow, ConsentAction, GroupKey } from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { actionLabel, CONSENT_ACTIONS } from '../../../components/labels';
import { getTrad } from '../../../utils/getTrad';
import { groupValue, num, rowDataAttributes, rowKey } from './groups';

/** Chart colours (design-system theme tokens), one per consent action. */
const ACTION_COLOR: Record<
  ConsentAction,
  'success500' | 'primary500' | 'warning500' | 'danger500'
> = {
  granted: 'success500',
  implied: 'primary500',
  withdrawn: 'warning500',
  denied: 'danger500',
};

const segmentsTotal = (row: AcceptanceRow): number =>
  CONSENT_ACTIONS.reduce((sum, action) => sum + Math.max(0, num(row[action])), 0);

interface AcceptanceChartProps {
  rows: AcceptanceRow[];
  groupKeys: GroupKey[];
}

/** A stacked bar per row (granted, implied, withdrawn, denied), scaled to the largest row. */
export const AcceptanceChart = ({ rows, groupKeys }: AcceptanceChartProps) => {
  const { formatMessage } = useIntl();
  const max = Math.max(1, ...rows.map((row) => segmentsTotal(row)));
  const title = formatMessage({
    id: getTrad('acceptance.chart'),
    defaultMessage: 'Acceptance by group',
  });

  return (
    <Card data-testid="acceptance-chart" role="figure" aria-label={title}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" wrap="wrap" gap={4}>
          <Typography variant="delta" tag="h2">
            {title}
          </Typography>
          <Flex gap={4} wrap="wrap" data-testid="acceptance-legend">
            {CONSENT_ACTIONS.map((action) => (
              <Flex key={action} gap={2} alignItems="center">
                <Box
                  width="1.2rem"
                  height="1.2rem"
                  hasRadius
                  background={ACTION_COLOR[action]}
                  aria-hidden
                />
                <Typography variant="pi" textColor="neutral700">
                  {actionLabel(action, formatMessage)}
                </Typography>
              </Flex>
            ))}
          </Flex>
        </Flex>

        {rows.length === 0 ? (
          <Typography variant="omega" textColor="neutral600">
            {formatMessage({
              id: getTrad('acceptance.empty'),
              defaultMessage: 'No consents recorded for this selection.',
            })}
          </Typography>
        ) : (
          rows.map((row) => (
            <ChartBar key={rowKey(row, groupKeys)} row={row} groupKeys={groupKeys} max={max} />
          ))
        )}
      </Flex>
    </Card>
  );
};

interface ChartBarProps {
  row: AcceptanceRow;
  groupKeys: GroupKey[];
  /** The largest row's total: its bar spans the whole width. */
  max: number;
}

const ChartBar = ({ row, groupKeys, max }: ChartBarProps) => {
  const { formatMessage } = useIntl();
  const label = groupKeys.length
    ? groupKeys.map((key) => groupValue(key, row, formatMessage)).join(' · ')
    : formatMessage({ id: getTrad('acceptance.totals'), defaultMessage: 'All groups' });
  const total = segmentsTotal(row);

  return (
    <Flex
      gap={4}
      alignItems="center"
      data-testid="acceptance-bar"
      {...rowDataAttributes(row, groupKeys)}
    >
      <Box width="16rem" shrink={0}>
        <Typography variant="pi" textColor="neutral800" ellipsis title={label}>
          {label}
        </Typography>
      </Box>
      <Box flex="1" background="neutral100" hasRadius overflow="hidden" height="2rem">
        <Flex height="100%" width={`${(total / max) * 100}%`}>
          {CONSENT_ACTIONS.map((action) => {
            const count = num(row[action]);
            if (count <= 0 || total <= 0) return null;
            return (
              <Box
                key={action}
                height="100%"
                width={`${(count / total) * 100}%`}
                background={ACTION_COLOR[action]}
                title={`${actionLabel(action, formatMessage)}: ${count}`}
                data-action={action}
                data-count={count}
              />
            );
          })}
        </Flex>
      </Box>
      <Box width="5rem" shrink={0}>
        <Typography variant="pi" fontWeight="bold" textColor="neutral800">
          {num(row.total) || total}
        </Typography>
      </Box>
    </Flex>
  );
};
