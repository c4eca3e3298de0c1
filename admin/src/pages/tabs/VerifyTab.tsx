import * as React from 'react';

import { Button, Flex, Typography } from '@strapi/design-system';
import { SealCheck } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { VerifyMode } from '../../../../shared/contracts';
import { Card } from '../../components/Card';
import { SealStatusPanel } from '../../components/SealStatusPanel';
import { useNotifyApiError } from '../../hooks/useApiError';
import { useLastDefined } from '../../hooks/useLastDefined';
import { usePolicyLedgerVerifyMutation } from '../../services/ledgerApi';
import { getTrad } from '../../utils/getTrad';
import { ConsistencyLine } from './verify/ConsistencyLine';
import { VerifyResultCard } from './verify/VerifyResultCard';

/** Sealing health, and a run of the ledger's verification with its result. */
export const VerifyTab = () => {
  const { formatMessage } = useIntl();
  const notifyError = useNotifyApiError();
  const [verify, { data, fulfilledTimeStamp, isLoading }] = usePolicyLedgerVerifyMutation();
  // The last result stays while verifying again, and when that fails.
  const shown = useLastDefined(
    data && fulfilledTimeStamp ? { result: data, verifiedAt: fulfilledTimeStamp } : undefined,
  );

  const [mode, setMode] = React.useState<VerifyMode>('full');
  const run = async (next: VerifyMode) => {
    setMode(next);
    const outcome = await verify({ mode: next });
    if ('error' in outcome) notifyError(outcome.error);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <SealStatusPanel />
      <Card>
        <Flex justifyContent="space-between" alignItems="center" gap={6} wrap="wrap">
          <Flex direction="column" alignItems="flex-start" gap={1} maxWidth="64rem">
            <Typography variant="delta" tag="h2">
              {formatMessage({ id: getTrad('verify.title'), defaultMessage: 'Verify the ledger' })}
            </Typography>
            <Typography variant="omega" textColor="neutral600">
              {formatMessage({
                id: getTrad('verify.description'),
                defaultMessage:
                  'Recomputes the hash of every consent event and the chain of sealed checkpoints. Any edit or deletion made behind the plugin’s back shows up as a mismatch.',
              })}{' '}
              {formatMessage({
                id: getTrad('verify.modes'),
                defaultMessage:
                  '“What is new” starts after the last verified checkpoint and takes time in proportion to what was added since; “Everything” reads the whole ledger (the plugin also does it every night).',
              })}
            </Typography>
          </Flex>
          <Flex gap={2}>
            <Button
              variant="secondary"
              startIcon={<SealCheck />}
              loading={isLoading && mode === 'incremental'}
              disabled={isLoading}
              data-testid="verify-run-incremental"
              onClick={() => void run('incremental')}
            >
              {formatMessage({
                id: getTrad('verify.run.incremental'),
                defaultMessage: 'Verify what is new',
              })}
            </Button>
            <Button
              startIcon={<SealCheck />}
              loading={isLoading && mode === 'full'}
              disabled={isLoading}
              data-testid="verify-run"
              onClick={() => void run('full')}
            >
              {formatMessage({ id: getTrad('verify.run'), defaultMessage: 'Verify everything' })}
            </Button>
          </Flex>
        </Flex>
      </Card>

      {shown ? (
        <Typography
          variant="pi"
          textColor="neutral600"
          data-testid="verify-mode"
          data-mode={shown.result.mode}
        >
          {shown.result.mode === 'incremental' && shown.result.since
            ? formatMessage(
                {
                  id: getTrad('verify.mode.incremental'),
                  defaultMessage:
                    'Verified what was added after checkpoint {checkpoint} (event #{seqTo}).',
                },
                { checkpoint: shown.result.since.checkpoint, seqTo: shown.result.since.seqTo },
              )
            : formatMessage({
                id: getTrad('verify.mode.full'),
                defaultMessage: 'Verified the whole ledger.',
              })}
          {shown.result.note ? ` ${shown.result.note}` : ''}
        </Typography>
      ) : null}
      {shown?.result.consistency ? <ConsistencyLine report={shown.result.consistency} /> : null}
      {shown ? <VerifyResultCard result={shown.result} verifiedAt={shown.verifiedAt} /> : null}
    </Flex>
  );
};
