import { Button, Flex, Typography } from '@strapi/design-system';
import { SealCheck } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { Card } from '../../components/Card';
import { SealStatusPanel } from '../../components/SealStatusPanel';
import { useNotifyApiError } from '../../hooks/useApiError';
import { useLastDefined } from '../../hooks/useLastDefined';
import { usePolicyLedgerVerifyMutation } from '../../services/ledgerApi';
import { getTrad } from '../../utils/getTrad';
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

  const run = async () => {
    const outcome = await verify();
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
              })}
            </Typography>
          </Flex>
          <Button
            startIcon={<SealCheck />}
            loading={isLoading}
            disabled={isLoading}
            data-testid="verify-run"
            onClick={() => void run()}
          >
            {formatMessage({ id: getTrad('verify.run'), defaultMessage: 'Verify now' })}
          </Button>
        </Flex>
      </Card>

      {shown ? <VerifyResultCard result={shown.result} verifiedAt={shown.verifiedAt} /> : null}
    </Flex>
  );
};
