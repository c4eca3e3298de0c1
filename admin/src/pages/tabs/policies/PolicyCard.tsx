import * as React from 'react';

import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type {
  EditionState,
  OverviewEdition,
  OverviewPolicy,
} from '../../../../../shared/contracts';
import { changeKindLabel, EditionStateBadge } from '../../../components/labels';
import { Card } from '../../../components/Card';
import { usePluginMessage } from '../../../hooks/usePluginMessage';
import { Stat } from '../../../components/Stat';
import { countdownText, scheduledAt } from '../../../utils/countdown';
import { currentVersionLabel, versionLabel } from '../../../utils/versionLabel';
import { sortEditions } from '../../../utils/editions';
import { getTrad } from '../../../utils/getTrad';
import { formatCalendarDate, formatInstant } from '../../../utils/time';

interface PolicyCardProps {
  policy: OverviewPolicy;
  /** The server's clock (ms), for the countdowns. */
  serverNow: number;
}

/** A policy: its name, what is in force and upcoming, and the timeline of its editions. */
export const PolicyCard = ({ policy, serverNow }: PolicyCardProps) => {
  const { formatMessage } = useIntl();
  const editions = React.useMemo(() => sortEditions(policy.editions), [policy.editions]);

  return (
    <Card data-testid="policy-card" data-policy={policy.key}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography variant="delta" tag="h2">
              {policy.name}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {policy.key}
            </Typography>
          </Flex>
          <Flex gap={2} wrap="wrap">
            <Badge variant={policy.currentVersion !== null ? 'success' : 'neutral'}>
              {currentVersionLabel(policy.currentVersion, formatMessage)}
            </Badge>
            {policy.upcomingVersion !== null && policy.upcomingVersion !== undefined ? (
              <Badge variant="warning">
                {formatMessage(
                  { id: getTrad('policies.upcoming'), defaultMessage: 'Upcoming: v{version}' },
                  { version: policy.upcomingVersion },
                )}
              </Badge>
            ) : null}
          </Flex>
        </Flex>

        {editions.length === 0 ? (
          <Typography variant="omega" textColor="neutral600">
            {formatMessage({
              id: getTrad('policies.no-editions'),
              defaultMessage: 'No editions yet.',
            })}
          </Typography>
        ) : (
          <Box
            tag="ol"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
            aria-label={formatMessage({
              id: getTrad('policies.timeline'),
              defaultMessage: 'Edition timeline',
            })}
          >
            {editions.map((edition, index) => (
              <TimelineItem
                key={edition.documentId}
                edition={edition}
                serverNow={serverNow}
                isLast={index === editions.length - 1}
              />
            ))}
          </Box>
        )}
      </Flex>
    </Card>
  );
};

const DOT_COLOR: Record<
  EditionState,
  'neutral400' | 'warning500' | 'success500' | 'neutral300' | 'danger500'
> = {
  draft: 'neutral400',
  scheduled: 'warning500',
  'in-force': 'success500',
  superseded: 'neutral300',
  cancelled: 'danger500',
};

interface TimelineItemProps {
  edition: OverviewEdition;
  serverNow: number;
  isLast: boolean;
}

const TimelineItem = ({ edition, serverNow, isLast }: TimelineItemProps) => {
  const { formatMessage, formatDate } = useIntl();
  const label = usePluginMessage();
  const notSet = label('panel.not-set', '—');
  const dueAt = scheduledAt(edition);
  const remaining = dueAt === null ? null : dueAt - serverNow;
  const locales = edition.locales ?? [];

  return (
    <Flex
      tag="li"
      alignItems="stretch"
      gap={4}
      data-testid="timeline-edition"
      data-version={
        edition.version !== null && edition.version !== undefined
          ? String(edition.version)
          : undefined
      }
      data-state={edition.state}
      data-document-id={edition.documentId}
    >
      {/* The rail: a dot per edition joined by a line. */}
      <Flex direction="column" alignItems="center" shrink={0} width="1.2rem" aria-hidden>
        <Box
          marginTop={2}
          width="1.2rem"
          height="1.2rem"
          background={DOT_COLOR[edition.state] ?? 'neutral400'}
          borderColor="neutral0"
          borderStyle="solid"
          borderWidth="2px"
          style={{ borderRadius: '50%' }}
        />
        {!isLast ? <Box flex="1" width="2px" background="neutral200" /> : null}
      </Flex>

      <Flex direction="column" alignItems="stretch" gap={2} paddingBottom={isLast ? 0 : 5} flex="1">
        <Flex gap={3} wrap="wrap" alignItems="center">
          <Typography variant="omega" fontWeight="bold">
            {versionLabel(edition.version, formatMessage)}
          </Typography>
          <EditionStateBadge state={edition.state} />
          {edition.changeKind ? (
            <Typography variant="pi" textColor="neutral600">
              {changeKindLabel(edition.changeKind, formatMessage)}
            </Typography>
          ) : null}
          {remaining !== null ? (
            <Typography
              variant="pi"
              fontWeight="bold"
              textColor="warning700"
              data-testid="edition-countdown"
            >
              {countdownText(remaining, formatMessage)}
            </Typography>
          ) : null}
        </Flex>

        {edition.title ? (
          <Typography variant="omega" textColor="neutral800">
            {edition.title}
          </Typography>
        ) : null}

        <Flex gap={6} wrap="wrap">
          <Stat variant="pi" label={label('panel.edition-date', 'Edition date')}>
            {formatCalendarDate(formatDate, edition.editionDate) ?? notSet}
          </Stat>
          <Stat variant="pi" label={label('panel.effective-at', 'Takes effect')}>
            {formatInstant(formatDate, edition.effectiveAt) ?? notSet}
          </Stat>
          {edition.releasedAt ? (
            <Stat variant="pi" label={label('panel.released-at', 'Released')}>
              {formatInstant(formatDate, edition.releasedAt) ?? notSet}
            </Stat>
          ) : null}
          {edition.cancelledAt ? (
            <Stat variant="pi" label={label('panel.cancelled-at', 'Cancelled')}>
              {formatInstant(formatDate, edition.cancelledAt) ?? notSet}
            </Stat>
          ) : null}
          <Stat variant="pi" label={label('policies.locales', 'Locales')}>
            {locales.length ? locales.join(', ') : notSet}
          </Stat>
        </Flex>
      </Flex>
    </Flex>
  );
};
