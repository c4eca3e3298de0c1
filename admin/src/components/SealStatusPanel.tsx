import { Alert, Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { usePolicyLedgerSealStatusQuery } from '../services/ledgerApi';
import type { SetupWarning } from '../../../shared/contracts';
import { getTrad } from '../utils/getTrad';
import { DATE_TIME } from './labels';
import { warningText } from './setupWarnings';
import { Stat } from './Stat';

/** "45 s", "12 min", "3 h", "2 d": the age of the oldest unsealed event. */
const age = (seconds: number): string =>
  seconds < 120
    ? `${seconds} s`
    : seconds < 7200
      ? `${Math.floor(seconds / 60)} min`
      : seconds < 172800
        ? `${Math.floor(seconds / 3600)} h`
        : `${Math.floor(seconds / 86400)} d`;

/**
 * Sealing at a glance: how many events wait to be sealed into a checkpoint,
 * how long the oldest has waited, whether this instance runs the sealing job,
 * and a warning when sealing is off here or behind.
 */
export const SealStatusPanel = () => {
  const { formatMessage, formatDate } = useIntl();
  const { data, isFetching, refetch } = usePolicyLedgerSealStatusQuery(undefined, {
    pollingInterval: 30_000,
  });
  if (!data) return null;
  const warning: SetupWarning | null =
    data.status === 'behind'
      ? {
          code: 'sealing-behind' as const,
          message: '',
          values: {
            unsealed: data.unsealed,
            age: data.oldestUnsealedAgeSeconds ?? 0,
            expected: data.overdueAfterSeconds,
          },
        }
      : data.status === 'off'
        ? { code: 'sealing-off' as const, message: '', values: { unsealed: data.unsealed } }
        : null;

  return (
    <Box
      background="neutral0"
      shadow="tableShadow"
      hasRadius
      padding={6}
      data-testid="seal-status"
      data-status={data.status}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="center">
          <Typography variant="delta" tag="h2">
            {formatMessage({ id: getTrad('seal.title'), defaultMessage: 'Sealing' })}
          </Typography>
          <Button
            variant="tertiary"
            startIcon={<ArrowClockwise />}
            loading={isFetching}
            onClick={() => void refetch()}
          >
            {formatMessage({ id: getTrad('seal.refresh'), defaultMessage: 'Refresh' })}
          </Button>
        </Flex>
        {warning ? (
          <Alert
            variant={data.status === 'behind' ? 'danger' : 'warning'}
            title={formatMessage({
              id: getTrad(`seal.status.${data.status}`),
              defaultMessage: data.status === 'behind' ? 'Behind' : 'Off',
            })}
            closeLabel={formatMessage({ id: getTrad('warning.close'), defaultMessage: 'Close' })}
            data-testid="seal-warning"
          >
            {warningText(warning, formatMessage)}
          </Alert>
        ) : null}
        <Flex gap={8} wrap="wrap">
          <Stat
            label={formatMessage({
              id: getTrad('seal.unsealed'),
              defaultMessage: 'Unsealed events',
            })}
            value={data.unsealed}
            testId="seal-unsealed"
          />
          <Stat
            label={formatMessage({
              id: getTrad('seal.oldest'),
              defaultMessage: 'Oldest unsealed event waits',
            })}
            value={
              data.oldestUnsealedAgeSeconds === null ? '—' : age(data.oldestUnsealedAgeSeconds)
            }
            testId="seal-oldest"
          />
          <Stat
            label={formatMessage({
              id: getTrad('seal.job'),
              defaultMessage: 'Sealing job on this instance',
            })}
            value={
              data.jobs.enabled
                ? formatMessage(
                    { id: getTrad('seal.job.on'), defaultMessage: 'every {period} s, lag {lag} s' },
                    { period: data.jobs.periodSeconds, lag: data.jobs.sealLagSeconds },
                  )
                : formatMessage({ id: getTrad('seal.job.off'), defaultMessage: 'off' })
            }
            testId="seal-job"
          />
          <Stat
            label={formatMessage({
              id: getTrad('seal.last'),
              defaultMessage: 'Latest checkpoint sealed',
            })}
            value={
              data.latestCheckpoint
                ? formatDate(new Date(data.latestCheckpoint.sealedAt), DATE_TIME)
                : '—'
            }
          />
        </Flex>
      </Flex>
    </Box>
  );
};
