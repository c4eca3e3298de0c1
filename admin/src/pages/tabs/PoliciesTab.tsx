import * as React from 'react';

import { Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise, File } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { PageLoader } from '../../components/Loading';
import { useFormatApiError } from '../../hooks/useApiError';
import { useServerClock } from '../../hooks/useServerClock';
import { usePolicyLedgerOverviewQuery } from '../../services/ledgerApi';
import { nextScheduledAt } from '../../utils/countdown';
import { getTrad } from '../../utils/getTrad';
import { PolicyCard } from './policies/PolicyCard';

/** Every policy with the timeline of its editions; scheduled editions count down. */
export const PoliciesTab = () => {
  const { formatMessage } = useIntl();
  const formatError = useFormatApiError();
  const { data, error, isFetching, fulfilledTimeStamp, refetch } = usePolicyLedgerOverviewQuery();

  // When a countdown runs out the edition is in force: the overview is reloaded once for it.
  const dueAt = React.useMemo(
    () => nextScheduledAt(data?.policies.flatMap((policy) => policy.editions) ?? []),
    [data],
  );
  const serverNow = useServerClock({
    serverNow: data?.now,
    receivedAt: fulfilledTimeStamp,
    dueAt,
    isFetching,
    onDue: refetch,
  });

  const refreshButton = (
    <Button
      variant="tertiary"
      size="S"
      startIcon={<ArrowClockwise />}
      loading={isFetching && data !== undefined}
      disabled={isFetching}
      onClick={() => void refetch()}
    >
      {formatMessage({ id: getTrad('page.refresh'), defaultMessage: 'Refresh' })}
    </Button>
  );

  if (!data) {
    if (isFetching) return <PageLoader />;
    const loadError = formatMessage({
      id: getTrad('policies.load-error'),
      defaultMessage: 'Could not load the policies.',
    });
    return (
      <EmptyStateLayout
        icon={<File width="6.4rem" height="6.4rem" />}
        content={error ? formatError(error, loadError) : loadError}
        action={refreshButton}
      />
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" alignItems="center" gap={4}>
        <Typography variant="omega" textColor="neutral600">
          {formatMessage(
            {
              id: getTrad('policies.summary'),
              defaultMessage: '{count, plural, =0 {No policies} one {# policy} other {# policies}}',
            },
            { count: data.policies.length },
          )}
        </Typography>
        {refreshButton}
      </Flex>

      {data.policies.length === 0 ? (
        <EmptyStateLayout
          icon={<File width="6.4rem" height="6.4rem" />}
          content={formatMessage({
            id: getTrad('policies.empty'),
            defaultMessage: 'No policies yet. Create one in the Content Manager.',
          })}
        />
      ) : (
        data.policies.map((policy) => (
          <PolicyCard key={policy.key} policy={policy} serverNow={serverNow} />
        ))
      )}
    </Flex>
  );
};
