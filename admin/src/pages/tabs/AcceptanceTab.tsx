import * as React from 'react';

import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Grid,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, ChartPie } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';

import { SelectField, TextField } from '../../components/fields';
import { actionLabel, CONSENT_ACTIONS } from '../../components/labels';
import { useErrorNotification } from '../../hooks/useErrorNotification';
import type {
  AcceptanceCounts,
  AcceptanceRow,
  AcceptanceStats,
  ApiResponse,
  ConsentAction,
  GroupKey,
  OverviewPolicy,
} from '../../../../shared/contracts';
import { API, isCalendarDate } from '../../utils/api';
import { isAbortError } from '../../utils/errors';
import { getTrad } from '../../utils/getTrad';

type FormatMessage = IntlShape['formatMessage'];

const GROUP_BY_OPTIONS = [
  'version',
  'version,locale',
  'version,form',
  'day',
  'version,day',
] as const;
type GroupByOption = (typeof GROUP_BY_OPTIONS)[number];

const GROUP_BY_LABEL: Record<GroupByOption, string> = {
  version: 'Version',
  'version,locale': 'Version and locale',
  'version,form': 'Version and form',
  day: 'Day',
  'version,day': 'Version and day',
};

const GROUP_KEY_LABEL: Record<GroupKey, string> = {
  version: 'Version',
  locale: 'Locale',
  form: 'Form',
  day: 'Day',
};

/** Chart colours (design-system theme tokens), one per consent action. */
export const ACTION_COLOR: Record<
  ConsentAction,
  'success500' | 'primary500' | 'warning500' | 'danger500'
> = {
  granted: 'success500',
  implied: 'primary500',
  withdrawn: 'warning500',
  denied: 'danger500',
};

const COUNT_KEYS: Array<keyof AcceptanceCounts> = [
  'granted',
  'implied',
  'withdrawn',
  'denied',
  'total',
];

const isGroupKey = (key: string): key is GroupKey =>
  key === 'version' || key === 'locale' || key === 'form' || key === 'day';

const num = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : Number(value) || 0;

/** The text of one group cell: "v3", "kk", the form key or "via API", "2029-05-10". */
function groupValue(key: GroupKey, row: AcceptanceRow, formatMessage: FormatMessage): string {
  const value = row[key];
  if (key === 'form' && (value === null || value === undefined || value === '')) {
    return formatMessage({ id: getTrad('acceptance.form.api'), defaultMessage: 'via API' });
  }
  if (value === null || value === undefined || value === '') {
    return formatMessage({ id: getTrad('panel.not-set'), defaultMessage: '—' });
  }
  if (key === 'version') {
    return formatMessage(
      { id: getTrad('panel.version.value'), defaultMessage: 'v{version}' },
      { version: value },
    );
  }
  return String(value);
}

/** data-version / data-locale / data-form / data-day of a row: set for every grouped key (null -> ""). */
function rowDataAttributes(row: AcceptanceRow, groupKeys: GroupKey[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const key of ['version', 'locale', 'form', 'day'] as const) {
    const value = row[key];
    if (groupKeys.includes(key) || (value !== undefined && value !== null)) {
      attributes[`data-${key}`] = value === null || value === undefined ? '' : String(value);
    }
  }
  return attributes;
}

export const AcceptanceTab = ({ policies }: { policies: OverviewPolicy[] | null }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const notifyError = useErrorNotification();

  const [selectedPolicy, setSelectedPolicy] = React.useState('');
  const [policyDraft, setPolicyDraft] = React.useState('');
  const [groupBy, setGroupBy] = React.useState<GroupByOption>('version');
  const [from, setFrom] = React.useState('');
  const [to, setTo] = React.useState('');
  const [stats, setStats] = React.useState<AcceptanceStats | null>(null);
  const [isLoading, setIsLoading] = React.useState(false);
  const [reloadTick, setReloadTick] = React.useState(0);
  const requestSeq = React.useRef(0);

  const policyKeys = React.useMemo(() => (policies ?? []).map((p) => p.key), [policies]);
  const policy =
    policies === null
      ? selectedPolicy
      : policyKeys.includes(selectedPolicy)
        ? selectedPolicy
        : (policyKeys[0] ?? '');

  const fromError = from && !isCalendarDate(from) ? invalidDate(formatMessage) : undefined;
  const toError =
    to && !isCalendarDate(to)
      ? invalidDate(formatMessage)
      : from && to && !fromError && from > to
        ? formatMessage({
            id: getTrad('filters.range-error'),
            defaultMessage: 'The end date is before the start date.',
          })
        : undefined;
  const canQuery = Boolean(policy) && !fromError && !toError;

  React.useEffect(() => {
    if (!canQuery) return;
    const seq = ++requestSeq.current;
    setIsLoading(true);
    get<ApiResponse<AcceptanceStats>>(API.acceptance({ policy, groupBy, from, to }))
      .then(({ data }) => {
        if (seq !== requestSeq.current) return;
        setStats(data?.data ?? null);
      })
      .catch((error: unknown) => {
        if (seq !== requestSeq.current || isAbortError(error)) return;
        setStats(null);
        notifyError(error);
      })
      .finally(() => {
        if (seq === requestSeq.current) setIsLoading(false);
      });
  }, [canQuery, policy, groupBy, from, to, reloadTick, get, notifyError]);

  const groupKeys: GroupKey[] = React.useMemo(() => {
    const fromServer = Array.isArray(stats?.groupBy) ? stats.groupBy.filter(isGroupKey) : [];
    return fromServer.length ? fromServer : groupBy.split(',').filter(isGroupKey);
  }, [stats, groupBy]);

  const rows = stats?.rows ?? [];
  const totals: AcceptanceCounts = stats?.totals ?? {
    granted: 0,
    implied: 0,
    withdrawn: 0,
    denied: 0,
    total: 0,
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box background="neutral0" shadow="tableShadow" hasRadius padding={6}>
        <Grid.Root gap={4}>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            {policies === null ? (
              <TextField
                name="acceptance-policy"
                testId="acceptance-policy"
                label={formatMessage({ id: getTrad('filters.policy'), defaultMessage: 'Policy' })}
                hint={formatMessage({
                  id: getTrad('filters.policy.key-hint'),
                  defaultMessage: 'The policy key; press Enter.',
                })}
                value={policyDraft}
                onChange={setPolicyDraft}
                onSubmit={() => setSelectedPolicy(policyDraft.trim())}
              />
            ) : (
              <SelectField
                name="acceptance-policy"
                testId="acceptance-policy"
                label={formatMessage({ id: getTrad('filters.policy'), defaultMessage: 'Policy' })}
                placeholder={formatMessage({
                  id: getTrad('filters.policy.placeholder'),
                  defaultMessage: 'Choose a policy',
                })}
                value={policy}
                options={(policies ?? []).map((p) => ({
                  value: p.key,
                  label: `${p.name} (${p.key})`,
                }))}
                onChange={setSelectedPolicy}
              />
            )}
          </Grid.Item>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <SelectField
              name="acceptance-groupby"
              testId="acceptance-groupby"
              label={formatMessage({
                id: getTrad('acceptance.group-by'),
                defaultMessage: 'Group by',
              })}
              value={groupBy}
              options={GROUP_BY_OPTIONS.map((option) => ({
                value: option,
                label: formatMessage({
                  id: getTrad(`acceptance.group-by.${option.replace(',', '-')}`),
                  defaultMessage: GROUP_BY_LABEL[option],
                }),
              }))}
              onChange={(value) => {
                if ((GROUP_BY_OPTIONS as readonly string[]).includes(value))
                  setGroupBy(value as GroupByOption);
              }}
            />
          </Grid.Item>
          <Grid.Item col={2} s={6} direction="column" alignItems="stretch">
            <TextField
              name="acceptance-from"
              testId="acceptance-from"
              type="date"
              label={formatMessage({ id: getTrad('filters.from'), defaultMessage: 'From' })}
              placeholder="YYYY-MM-DD"
              value={from}
              error={fromError}
              onChange={setFrom}
            />
          </Grid.Item>
          <Grid.Item col={2} s={6} direction="column" alignItems="stretch">
            <TextField
              name="acceptance-to"
              testId="acceptance-to"
              type="date"
              label={formatMessage({ id: getTrad('filters.to'), defaultMessage: 'To' })}
              placeholder="YYYY-MM-DD"
              value={to}
              error={toError}
              onChange={setTo}
            />
          </Grid.Item>
          <Grid.Item
            col={2}
            s={12}
            direction="column"
            alignItems="stretch"
            justifyContent="flex-end"
          >
            <Box paddingTop={6}>
              <Button
                variant="secondary"
                startIcon={<ArrowClockwise />}
                disabled={!canQuery || isLoading}
                loading={isLoading}
                onClick={() => setReloadTick((t) => t + 1)}
              >
                {formatMessage({ id: getTrad('page.refresh'), defaultMessage: 'Refresh' })}
              </Button>
            </Box>
          </Grid.Item>
        </Grid.Root>
      </Box>

      {!policy ? (
        <EmptyStateLayout
          icon={<ChartPie width="6.4rem" height="6.4rem" />}
          content={formatMessage({
            id: getTrad('acceptance.choose-policy'),
            defaultMessage: 'Choose a policy to see its acceptance.',
          })}
        />
      ) : !stats ? (
        isLoading ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>
              {formatMessage({ id: getTrad('page.loading'), defaultMessage: 'Loading…' })}
            </Loader>
          </Flex>
        ) : null
      ) : (
        <>
          <Flex gap={6} wrap="wrap" alignItems="center">
            <Typography variant="omega" textColor="neutral800">
              {formatMessage({
                id: getTrad('acceptance.pending'),
                defaultMessage: 'Pending re-acceptance:',
              })}{' '}
              <Typography variant="omega" fontWeight="bold" data-testid="pending-reacceptance">
                {num(stats.pendingReacceptance)}
              </Typography>
            </Typography>
            <Typography variant="omega" textColor="neutral600">
              {stats.currentVersion !== null && stats.currentVersion !== undefined
                ? formatMessage(
                    { id: getTrad('policies.current'), defaultMessage: 'In force: v{version}' },
                    { version: stats.currentVersion },
                  )
                : formatMessage({
                    id: getTrad('policies.current.none'),
                    defaultMessage: 'Nothing in force',
                  })}
            </Typography>
            {isLoading ? (
              <Loader small>
                {formatMessage({ id: getTrad('page.loading'), defaultMessage: 'Loading…' })}
              </Loader>
            ) : null}
          </Flex>

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
                  key={groupKeys.map((k) => String(row[k] ?? '')).join('|')}
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
                      {formatMessage({
                        id: getTrad('acceptance.totals'),
                        defaultMessage: 'All groups',
                      })}
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

          <AcceptanceChart rows={rows} groupKeys={groupKeys} />
        </>
      )}
    </Flex>
  );
};

const invalidDate = (formatMessage: FormatMessage) =>
  formatMessage({
    id: getTrad('filters.date-invalid'),
    defaultMessage: 'Use the format YYYY-MM-DD.',
  });

/** One horizontal stacked bar per row (granted, implied, withdrawn, denied), scaled to the largest row. */
const AcceptanceChart = ({ rows, groupKeys }: { rows: AcceptanceRow[]; groupKeys: GroupKey[] }) => {
  const { formatMessage } = useIntl();
  const max = Math.max(1, ...rows.map((row) => segmentsTotal(row)));

  return (
    <Box
      background="neutral0"
      shadow="tableShadow"
      hasRadius
      padding={6}
      data-testid="acceptance-chart"
      role="figure"
      aria-label={formatMessage({
        id: getTrad('acceptance.chart'),
        defaultMessage: 'Acceptance by group',
      })}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" wrap="wrap" gap={4}>
          <Typography variant="delta" tag="h2">
            {formatMessage({
              id: getTrad('acceptance.chart'),
              defaultMessage: 'Acceptance by group',
            })}
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
          rows.map((row) => {
            const label = groupKeys.length
              ? groupKeys.map((key) => groupValue(key, row, formatMessage)).join(' · ')
              : formatMessage({ id: getTrad('acceptance.totals'), defaultMessage: 'All groups' });
            const total = segmentsTotal(row);
            return (
              <Flex
                key={groupKeys.map((k) => String(row[k] ?? '')).join('|')}
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
          })
        )}
      </Flex>
    </Box>
  );
};

const segmentsTotal = (row: AcceptanceRow): number =>
  CONSENT_ACTIONS.reduce((sum, action) => sum + Math.max(0, num(row[action])), 0);
