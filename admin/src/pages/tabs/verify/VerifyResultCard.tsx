import { Box, Flex, Typography } from '@strapi/design-system';
import { CheckCircle, WarningCircle } from '@strapi/icons';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';

import type { VerifyMismatch, VerifyResult } from '../../../../../shared/contracts';
import { usePluginMessage } from '../../../hooks/usePluginMessage';
import { Stat } from '../../../components/Stat';
import { getTrad } from '../../../utils/getTrad';
import { formatInstant } from '../../../utils/time';

interface VerifyResultCardProps {
  result: VerifyResult;
  /** When the result arrived (client ms). */
  verifiedAt: number;
}

/** "seq 12 · event … · checkpoint 3": where the first mismatch is. */
const mismatchPlace = (mismatch: VerifyMismatch, formatMessage: IntlShape['formatMessage']) =>
  [
    formatMessage(
      { id: getTrad('verify.mismatch.kind'), defaultMessage: 'First mismatch: {kind}' },
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
          { id: getTrad('verify.mismatch.checkpoint'), defaultMessage: 'checkpoint {checkpoint}' },
          { checkpoint: mismatch.checkpoint },
        )
      : null,
  ]
    .filter(Boolean)
    .join(' · ');

/** Whether the ledger is intact, its first mismatch, what was checked, the latest checkpoint. */
export const VerifyResultCard = ({ result, verifiedAt }: VerifyResultCardProps) => {
  const { formatMessage, formatDate } = useIntl();
  const ok = Boolean(result.ok);
  const mismatch = result.firstMismatch ?? null;
  const checkpoint = result.latestCheckpoint ?? null;
  const text = usePluginMessage();

  return (
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
              ? text('verify.ok', 'The ledger is intact.')
              : text('verify.failed', 'Verification failed: the ledger does not match its hashes.')}
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
              {mismatchPlace(mismatch, formatMessage)}
            </Typography>
          </Flex>
        ) : null}

        <Flex gap={8} wrap="wrap">
          <Stat label={text('verify.events', 'Events checked')} testId="verify-events">
            {result.events}
          </Stat>
          <Stat
            label={text('verify.checkpoints', 'Checkpoints checked')}
            testId="verify-checkpoints"
          >
            {result.checkpoints}
          </Stat>
          <Stat label={text('verify.at', 'Verified')}>
            {formatInstant(formatDate, new Date(verifiedAt)) ?? ''}
          </Stat>
        </Flex>

        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography variant="sigma" textColor="neutral600">
            {text('verify.latest-checkpoint', 'Latest checkpoint')}
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
                    sealedAt: formatInstant(formatDate, checkpoint.sealedAt) ?? '—',
                  },
                )}
              </Typography>
            </>
          ) : (
            <Typography variant="omega" textColor="neutral700">
              {text('verify.no-checkpoint', 'No checkpoint sealed yet.')}
            </Typography>
          )}
        </Flex>
      </Flex>
    </Box>
  );
};
