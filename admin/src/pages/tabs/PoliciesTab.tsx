import * as React from 'react';

import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Loader,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, File } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { CALENDAR_DATE, DATE_TIME, EditionStateBadge, versionLabel } from '../../components/labels';
import type { OverviewState } from '../../hooks/useOverview';
import type { EditionState, OverviewEdition, OverviewPolicy } from '../../../../shared/contracts';
import { countdownText } from '../../utils/countdown';
import { getTrad } from '../../utils/getTrad';
import { parseCalendarDate } from '../../utils/time';

/** Newest first: drafts (no version yet), then by version, then by edition date. */
export function sortEditions(editions: OverviewEdition[]): OverviewEdition[] {
  return [...editions].sort((a, b) => {
    if (a.version === null && b.version !== null) return -1;
    if (a.version !== null && b.version === null) return 1;
    if (a.version !== null && b.version !== null && a.version !== b.version)
      return b.version - a.version;
    return (b.editionDate ?? '').localeCompare(a.editionDate ?? '');
  });
}

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

export const PoliciesTab = ({ state }: { state: OverviewState }) => {
  const { formatMessage } = useIntl();
  const { overview, receivedAt, isLoading, error, reload } = state;

  // Scheduled editions count down: tick every 30 s while one is shown.
  const hasScheduled = Boolean(
    overview?.policies.some((p) => p.editions.some((e) => e.state === 'scheduled')),
  );
  const [clientNow, setClientNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    setClientNow(Date.now());
    if (!hasScheduled) return undefined;
    const timer = window.setInterval(() => setClientNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, [hasScheduled, receivedAt]);

  /** The server's clock now: its `now` at fetch time plus the time elapsed since. */
  const serverNow = overview
    ? new Date(overview.now).getTime() + Math.max(0, clientNow - receivedAt)
    : clientNow;

  // When a countdown runs out the edition is in force: reload the overview once for it.
  const nextEffective = React.useMemo(() => {
    let next: number | null = null;
    for (const policy of overview?.policies ?? []) {
      for (const edition of policy.editions) {
        if (edition.state !== 'scheduled' || !edition.effectiveAt) continue;
        const t = new Date(edition.effectiveAt).getTime();
        if (Number.isFinite(t) && (next === null || t < next)) next = t;
      }
    }
    return next;
  }, [overview]);
  const reloadedFor = React.useRef<number | null>(null);
  React.useEffect(() => {
    if (
      nextEffective !== null &&
      serverNow >= nextEffective &&
      reloadedFor.current !== nextEffective &&
      !isLoading
    ) {
      reloadedFor.current = nextEffective;
      void reload();
    }
  }, [nextEffective, serverNow, isLoading, reload]);

  const refreshButton = (
    <Button
      variant="tertiary"
      size="S"
      startIcon={<ArrowClockwise />}
      loading={isLoading && overview !== null}
      disabled={isLoading}
      onClick={() => void reload()}
    >
      {formatMessage({ id: getTrad('page.refresh'), defaultMessage: 'Refresh' })}
    </Button>
  );

  if (!overview) {
    if (isLoading) {
      return (
        <Flex justifyContent="center" padding={8}>
          <Loader>
            {formatMessage({ id: getTrad('page.loading'), defaultMessage: 'Loading…' })}
          </Loader>
        </Flex>
      );
    }
    return (
      <EmptyStateLayout
        icon={<File width="6.4rem" height="6.4rem" />}
        content={
          error ??
          formatMessage({
            id: getTrad('policies.load-error'),
            defaultMessage: 'Could not load the policies.',
          })
        }
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
            { count: overview.policies.length },
          )}
        </Typography>
        {refreshButton}
      </Flex>

      {overview.policies.length === 0 ? (
        <EmptyStateLayout
          icon={<File width="6.4rem" height="6.4rem" />}
          content={formatMessage({
            id: getTrad('policies.empty'),
            defaultMessage: 'No policies yet. Create one in the Content Manager.',
          })}
        />
      ) : (
        overview.policies.map((policy) => (
          <PolicyCard key={policy.key} policy={policy} serverNow={serverNow} />
        ))
      )}
    </Flex>
  );
};

const PolicyCard = ({ policy, serverNow }: { policy: OverviewPolicy; serverNow: number }) => {
  const { formatMessage } = useIntl();
  const editions = React.useMemo(() => sortEditions(policy.editions), [policy.editions]);

  return (
    <Box
      background="neutral0"
      shadow="tableShadow"
      hasRadius
      padding={6}
      data-testid="policy-card"
      data-policy={policy.key}
    >
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
              {policy.currentVersion !== null
                ? formatMessage(
                    { id: getTrad('policies.current'), defaultMessage: 'In force: v{version}' },
                    { version: policy.currentVersion },
                  )
                : formatMessage({
                    id: getTrad('policies.current.none'),
                    defaultMessage: 'Nothing in force',
                  })}
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
    </Box>
  );
};

const TimelineItem = ({
  edition,
  serverNow,
  isLast,
}: {
  edition: OverviewEdition;
  serverNow: number;
  isLast: boolean;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const notSet = formatMessage({ id: getTrad('panel.not-set'), defaultMessage: '—' });
  const editionDate = edition.editionDate ? parseCalendarDate(edition.editionDate) : null;
  const effective = edition.effectiveAt ? new Date(edition.effectiveAt) : null;
  const remaining =
    edition.state === 'scheduled' && effective ? effective.getTime() - serverNow : null;
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
              {formatMessage({
                id: getTrad(`change-kind.${edition.changeKind}`),
                defaultMessage: CHANGE_KIND_LABEL[edition.changeKind] ?? edition.changeKind,
              })}
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
          <Fact
            label={formatMessage({
              id: getTrad('panel.edition-date'),
              defaultMessage: 'Edition date',
            })}
          >
            {editionDate ? formatDate(editionDate, CALENDAR_DATE) : notSet}
          </Fact>
          <Fact
            label={formatMessage({
              id: getTrad('panel.effective-at'),
              defaultMessage: 'Takes effect',
            })}
          >
            {effective ? formatDate(effective, DATE_TIME) : notSet}
          </Fact>
          {edition.releasedAt ? (
            <Fact
              label={formatMessage({
                id: getTrad('panel.released-at'),
                defaultMessage: 'Released',
              })}
            >
              {formatDate(new Date(edition.releasedAt), DATE_TIME)}
            </Fact>
          ) : null}
          {edition.cancelledAt ? (
            <Fact
              label={formatMessage({
                id: getTrad('panel.cancelled-at'),
                defaultMessage: 'Cancelled',
              })}
            >
              {formatDate(new Date(edition.cancelledAt), DATE_TIME)}
            </Fact>
          ) : null}
          <Fact
            label={formatMessage({ id: getTrad('policies.locales'), defaultMessage: 'Locales' })}
          >
            {locales.length ? locales.join(', ') : notSet}
          </Fact>
        </Flex>
      </Flex>
    </Flex>
  );
};

const CHANGE_KIND_LABEL: Record<string, string> = {
  editorial: 'Editorial change',
  material: 'Material change',
  reconsent: 'Re-consent required',
};

const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="pi" textColor="neutral800">
      {children}
    </Typography>
  </Flex>
);
