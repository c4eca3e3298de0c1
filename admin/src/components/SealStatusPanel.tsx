import { Alert, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { SealStatus, SetupWarning } from '../../../shared/contracts';
import { usePluginMessage } from '../hooks/usePluginMessage';
import { usePolicyLedgerSealStatusQuery } from '../services/ledgerApi';
import { formatAge, formatInstant } from '../utils/time';
import { Card } from './Card';
import { warningText } from './SetupWarnings';
import { Stat } from './Stat';

/** The setup warning that goes with a sealing status (none when sealing is fine). */
const sealWarning = (data: SealStatus): SetupWarning | null => {
  if (data.status === 'behind') {
    const age = data.oldestUnsealedAgeSeconds ?? 0;
    const values = { unsealed: data.unsealed, age, expected: data.overdueAfterSeconds };
    return { code: 'sealing-behind', message: '', values };
  }
  if (data.status === 'off') {
    return { code: 'sealing-off', message: '', values: { unsealed: data.unsealed } };
  }
  return null;
};

/**
 * Sealing at a glance: how many events wait to be sealed into a checkpoint,
 * how long the oldest has waited, whether this instance runs the sealing job,
 * and a warning when sealing is off here or behind.
 */
export const SealStatusPanel = () => {
  const { formatMessage, formatDate } = useIntl();
  const text = usePluginMessage();
  const { data, isFetching, refetch } = usePolicyLedgerSealStatusQuery(undefined, {
    pollingInterval: 30_000,
  });
  if (!data) return null;
  const warning = sealWarning(data);

  return (
    <Card data-testid="seal-status" data-status={data.status}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="center">
          <Typography variant="delta" tag="h2">
            {text('seal.title', 'Sealing')}
          </Typography>
          <Button
            variant="tertiary"
            startIcon={<ArrowClockwise />}
            loading={isFetching}
            onClick={() => void refetch()}
          >
            {text('seal.refresh', 'Refresh')}
          </Button>
        </Flex>
        {warning ? (
          <Alert
            variant={data.status === 'behind' ? 'danger' : 'warning'}
            title={text(`seal.status.${data.status}`, data.status === 'behind' ? 'Behind' : 'Off')}
            closeLabel={text('warning.close', 'Close')}
            data-testid="seal-warning"
          >
            {warningText(warning, formatMessage)}
          </Alert>
        ) : null}
        <Flex gap={8} wrap="wrap">
          <Stat label={text('seal.unsealed', 'Unsealed events')} testId="seal-unsealed">
            {data.unsealed}
          </Stat>
          <Stat label={text('seal.oldest', 'Oldest unsealed event waits')} testId="seal-oldest">
            {data.oldestUnsealedAgeSeconds === null
              ? '—'
              : formatAge(data.oldestUnsealedAgeSeconds)}
          </Stat>
          <Stat label={text('seal.job', 'Sealing job on this instance')} testId="seal-job">
            {data.jobs.enabled
              ? text('seal.job.on', 'every {period} s, lag {lag} s', {
                  period: data.jobs.periodSeconds,
                  lag: data.jobs.sealLagSeconds,
                })
              : text('seal.job.off', 'off')}
          </Stat>
          <Stat label={text('seal.last', 'Latest checkpoint sealed')}>
            {formatInstant(formatDate, data.latestCheckpoint?.sealedAt) ?? '—'}
          </Stat>
        </Flex>
      </Flex>
    </Card>
  );
};
