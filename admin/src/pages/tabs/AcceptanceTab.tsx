import * as React from 'react';

import { Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { ChartPie, Download } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { AcceptanceCounts, GroupKey, OverviewPolicy } from '../../../../shared/contracts';
import { currentVersionLabel } from '../../utils/versionLabel';
import { InlineLoader, PageLoader } from '../../components/Loading';
import { useQueryErrorNotification } from '../../hooks/useApiError';
import { usePolicyLedgerAcceptanceQuery } from '../../services/ledgerApi';
import { getTrad } from '../../utils/getTrad';
import { saveText } from '../../utils/download';
import { checkDateRange } from '../../utils/time';
import { acceptanceCsv, acceptanceFilename, byVersionAlone } from './acceptance/acceptanceCsv';
import { AcceptanceChart } from './acceptance/AcceptanceChart';
import { AcceptanceFilters } from './acceptance/AcceptanceFilters';
import type { AcceptanceFilterValues } from './acceptance/AcceptanceFilters';
import { AcceptanceTable } from './acceptance/AcceptanceTable';
import { PeopleChart } from './acceptance/PeopleChart';
import { isGroupKey, num } from './acceptance/groups';

const NO_COUNTS: AcceptanceCounts = {
  granted: 0,
  implied: 0,
  withdrawn: 0,
  denied: 0,
  total: 0,
  notified: 0,
};

const INITIAL_FILTERS: AcceptanceFilterValues = {
  policy: '',
  policyDraft: '',
  groupBy: 'version',
  from: '',
  to: '',
};

/**
 * Who accepted which edition of a policy: counts per action, grouped as chosen, as a table and
 * a chart. `policies` is null for admins who may not read policies (they type a policy key).
 */
export const AcceptanceTab = ({ policies }: { policies: OverviewPolicy[] | null }) => {
  const { formatMessage } = useIntl();
  const [filters, setFilters] = React.useState(INITIAL_FILTERS);
  /** What the chart counts: people (each once, by where they stand now) or events. */
  const [chart, setChart] = React.useState<'people' | 'events'>('people');

  // The first policy until one is chosen (or the typed key, without `read`).
  const policyKeys = (policies ?? []).map((p) => p.key);
  const policy =
    policies === null || policyKeys.includes(filters.policy)
      ? filters.policy
      : (policyKeys[0] ?? '');
  const canQuery = Boolean(policy) && checkDateRange(filters.from, filters.to).valid;
  const { groupBy, from, to } = filters;

  const { data, isError, error, isFetching, refetch } = usePolicyLedgerAcceptanceQuery(
    { policy, groupBy: groupBy.split(',').filter(isGroupKey), from, to },
    { skip: !canQuery, refetchOnMountOrArgChange: true },
  );
  useQueryErrorNotification(error);
  // While the filters are invalid the last figures stay; after a failure there are none.
  const stats = isError ? undefined : data;

  const groupKeys: GroupKey[] = React.useMemo(() => {
    const fromServer = Array.isArray(stats?.groupBy) ? stats.groupBy.filter(isGroupKey) : [];
    return fromServer.length ? fromServer : groupBy.split(',').filter(isGroupKey);
  }, [stats, groupBy]);

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <AcceptanceFilters
        policies={policies}
        values={{ ...filters, policy }}
        onChange={(patch) => setFilters((prev) => ({ ...prev, ...patch }))}
        canRefresh={canQuery}
        isRefreshing={isFetching}
        onRefresh={() => void refetch()}
      />

      {!policy ? (
        <EmptyStateLayout
          icon={<ChartPie width="6.4rem" height="6.4rem" />}
          content={formatMessage({
            id: getTrad('acceptance.choose-policy'),
            defaultMessage: 'Choose a policy to see its acceptance.',
          })}
        />
      ) : !stats ? (
        isFetching ? (
          <PageLoader />
        ) : null
      ) : (
        <>
          <Flex gap={6} wrap="wrap" alignItems="center">
            <Typography variant="omega" textColor="neutral800">
              {formatMessage({ id: getTrad('acceptance.people'), defaultMessage: 'People:' })}{' '}
              <Typography variant="omega" fontWeight="bold" data-testid="people-total">
                {num(stats.people.people)}
              </Typography>
            </Typography>
            <Typography variant="omega" textColor="neutral800">
              {formatMessage({ id: getTrad('acceptance.events'), defaultMessage: 'Events:' })}{' '}
              <Typography variant="omega" fontWeight="bold" data-testid="events-total">
                {num(stats.totals.total)}
              </Typography>
            </Typography>
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
              {currentVersionLabel(stats.currentVersion, formatMessage)}
            </Typography>
            {isFetching ? <InlineLoader /> : null}
            <Button
              variant="secondary"
              size="S"
              startIcon={<Download />}
              data-testid="acceptance-csv"
              onClick={() =>
                saveText(
                  acceptanceCsv(stats, groupKeys),
                  acceptanceFilename(
                    policy,
                    groupKeys,
                    from,
                    to,
                    new Date().toISOString().slice(0, 10),
                  ),
                  'text/csv;charset=utf-8',
                )
              }
            >
              {formatMessage({ id: getTrad('acceptance.csv'), defaultMessage: 'Download (CSV)' })}
            </Button>
          </Flex>
          <AcceptanceTable
            rows={stats.rows ?? []}
            totals={stats.totals ?? NO_COUNTS}
            groupKeys={groupKeys}
            people={byVersionAlone(groupKeys) ? stats.people : undefined}
          />
          <Flex gap={2} data-testid="chart-count">
            {(['people', 'events'] as const).map((kind) => (
              <Button
                key={kind}
                size="S"
                variant={chart === kind ? 'secondary' : 'tertiary'}
                aria-pressed={chart === kind}
                data-testid={`chart-${kind}`}
                onClick={() => setChart(kind)}
              >
                {kind === 'people'
                  ? formatMessage({
                      id: getTrad('acceptance.chart.people'),
                      defaultMessage: 'Count people',
                    })
                  : formatMessage({
                      id: getTrad('acceptance.chart.events'),
                      defaultMessage: 'Count events',
                    })}
              </Button>
            ))}
          </Flex>
          {chart === 'people' ? (
            <PeopleChart people={stats.people} />
          ) : (
            <AcceptanceChart rows={stats.rows ?? []} groupKeys={groupKeys} />
          )}
        </>
      )}
    </Flex>
  );
};
