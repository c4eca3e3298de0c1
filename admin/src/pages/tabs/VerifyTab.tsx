import * as React from 'react';

import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { CheckCircle, SealCheck, WarningCircle } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { DATE_TIME } from '../../components/labels';
import { SealStatusPanel } from '../../components/SealStatusPanel';
import { Stat } from '../../components/Stat';
import { useErrorNotification } from '../../hooks/useErrorNotification';
import type { ApiResponse, VerifyResult } from '../../../../shared/contracts';
import { API } from '../../utils/api';
import { getTrad } from '../../utils/getTrad';

export const VerifyTab = () => {
  const { formatMessage, formatDate } = useIntl();
  const { post } = useFetchClient();
  const notifyError = useErrorNotification();
  const [result, setResult] = React.useState<VerifyResult | null>(null);
  const [verifiedAt, setVerifiedAt] = React.useState<Date | null>(null);
  const [isRunning, setIsRunning] = React.useState(false);

  const run = async () => {
    setIsRunning(true);
    try {
      const { data } = await post<ApiResponse<VerifyResult>>(API.verify(), {});
      setResult(data?.data ?? null);
      setVerifiedAt(new Date());
    } catch (error) {
      notifyError(error);
    } finally {
      setIsRunning(false);
    }
  };

  const mismatch = result?.firstMismatch ?? null;
  const checkpoint = result?.latestCheckpoint ?? null;
  const ok = Boolean(result?.ok);

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <SealStatusPanel />
      <Box background="neutral0" shadow="tableShadow" hasRadius padding={6}>
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
            loading={isRunning}
            disabled={isRunning}
            data-testid="verify-run"
            onClick={() => void run()}
          >
            {formatMessage({ id: getTrad('verify.run'), defaultMessage: 'Verify now' })}
          </Button>
        </Flex>
      </Box>

      {result ? (
        <Box
          data-testid="verify-result"
          data-ok={ok ? 'true' : 'false'}
          background={ok ? 'success100' : 'danger100'}
          borderColor={ok ? 'success200' : 'danger200'}
          borderStyle="solid"
          borderWidth="1px"
          hasRadius
          padding={6}
          role="status"
        >
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Flex gap={3} alignItems="center">
              {ok ? (
                <CheckCircle width="2.4rem" height="2.4rem" fill="success600" aria-hidden />
              ) : (
                <WarningCircle width="2.4rem" height="2.4rem" fill="danger600" aria-hidden />
              )}
              <Typography variant="beta" tag="p" textColor={ok ? 'success700' : 'danger700'}>
                {ok
                  ? formatMessage({
                      id: getTrad('verify.ok'),
                      defaultMessage: 'The ledger is intact.',
                    })
                  : formatMessage({
                      id: getTrad('verify.failed'),
                      defaultMessage: 'Verification failed: the ledger does not match its hashes.',
                    })}
              </Typography>
            </Flex>

            {mismatch ? (
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography
                  variant="omega"
                  fontWeight="bold"
                  textColor="danger700"
                  data-testid="verify-reason"
                >
                  {mismatch.reason}
                </Typography>
                <Typography variant="pi" textColor="danger700">
                  {[
                    formatMessage(
                      {
                        id: getTrad('verify.mismatch.kind'),
                        defaultMessage: 'First mismatch: {kind}',
                      },
                      { kind: mismatch.kind },
                    ),
                    mismatch.seq !== undefined && mismatch.seq !== null
                      ? formatMessage(
                          { id: getTrad('verify.mismatch.seq'), defaultMessage: 'seq {seq}' },
                          { seq: mismatch.seq },
                        )
                      : null,
                    mismatch.eventId
                      ? formatMessage(
                          { id: getTrad('verify.mismatch.event'), defaultMessage: 'event {id}' },
                          { id: mismatch.eventId },
                        )
                      : null,
                    mismatch.checkpoint !== undefined && mismatch.checkpoint !== null
                      ? formatMessage(
                          {
                            id: getTrad('verify.mismatch.checkpoint'),
                            defaultMessage: 'checkpoint {checkpoint}',
                          },
                          { checkpoint: mismatch.checkpoint },
                        )
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography>
              </Flex>
            ) : null}

            <Flex gap={8} wrap="wrap">
              <Stat
                label={formatMessage({
                  id: getTrad('verify.events'),
                  defaultMessage: 'Events checked',
                })}
                value={result.events}
                testId="verify-events"
              />
              <Stat
                label={formatMessage({
                  id: getTrad('verify.checkpoints'),
                  defaultMessage: 'Checkpoints checked',
                })}
                value={result.checkpoints}
                testId="verify-checkpoints"
              />
              {verifiedAt ? (
                <Stat
                  label={formatMessage({ id: getTrad('verify.at'), defaultMessage: 'Verified' })}
                  value={formatDate(verifiedAt, DATE_TIME)}
                />
              ) : null}
            </Flex>

            <Flex direction="column" alignItems="stretch" gap={1}>
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage({
                  id: getTrad('verify.latest-checkpoint'),
                  defaultMessage: 'Latest checkpoint',
                })}
              </Typography>
              {checkpoint ? (
                <>
                  <Box
                    background="neutral0"
                    hasRadius
                    padding={3}
                    borderColor="neutral200"
                    borderStyle="solid"
                    borderWidth="1px"
                  >
                    <Typography
                      variant="omega"
                      textColor="neutral800"
                      data-testid="verify-checkpoint"
                      style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
                    >
                      {checkpoint.hash}
                    </Typography>
                  </Box>
                  <Typography variant="pi" textColor="neutral700">
                    {formatMessage(
                      {
                        id: getTrad('verify.checkpoint.detail'),
                        defaultMessage: 'Seals the events up to seq {seqTo}; sealed {sealedAt}.',
                      },
                      {
                        seqTo: checkpoint.seqTo,
                        sealedAt: checkpoint.sealedAt
                          ? formatDate(new Date(checkpoint.sealedAt), DATE_TIME)
                          : '—',
                      },
                    )}
                  </Typography>
                </>
              ) : (
                <Typography variant="omega" textColor="neutral700">
                  {formatMessage({
                    id: getTrad('verify.no-checkpoint'),
                    defaultMessage: 'No checkpoint sealed yet.',
                  })}
                </Typography>
              )}
            </Flex>
          </Flex>
        </Box>
      ) : null}
    </Flex>
  );
};
