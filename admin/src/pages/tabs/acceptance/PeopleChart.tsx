import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { PeopleCounts } from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { versionLabel } from '../../../utils/versionLabel';
import { getTrad } from '../../../utils/getTrad';
import { num } from './groups';

interface Bar {
  key: string;
  label: string;
  people: number;
  color: 'success500' | 'danger500' | 'primary500' | 'warning500';
}

/**
 * People, each counted once: by the newest edition they accepted, declining,
 * and consenting now per purpose. One bar per figure, scaled to the people
 * of the policy.
 */
export const PeopleChart = ({ people }: { people: PeopleCounts }) => {
  const { formatMessage } = useIntl();
  const title = formatMessage({
    id: getTrad('acceptance.people.chart'),
    defaultMessage: 'People by the edition they accepted (each person once)',
  });
  const editions: Bar[] = people.byEdition.map((e) => ({
    key: `edition-${e.version}`,
    label: versionLabel(e.version, formatMessage),
    people: e.people,
    color: 'success500',
  }));
  if (people.declining > 0)
    editions.push({
      key: 'declining',
      label: formatMessage({
        id: getTrad('acceptance.people.declining'),
        defaultMessage: 'Declining',
      }),
      people: people.declining,
      color: 'danger500',
    });
  const purposes: Bar[] = people.purposes.flatMap((p) => [
    { key: `purpose-${p.purpose}`, label: p.purpose, people: p.people, color: 'primary500' },
    // A grant past the purpose's lifetime (renewAfterDays): to be asked again.
    ...(p.expired > 0
      ? [
          {
            key: `expired-${p.purpose}`,
            label: formatMessage(
              { id: getTrad('acceptance.people.expired'), defaultMessage: '{purpose}: expired' },
              { purpose: p.purpose },
            ),
            people: p.expired,
            color: 'warning500' as const,
          },
        ]
      : []),
  ]);
  const max = Math.max(1, people.people);

  return (
    <Card data-testid="people-chart" role="figure" aria-label={title}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {editions.length === 0 ? (
          <Typography variant="omega" textColor="neutral600">
            {formatMessage({
              id: getTrad('acceptance.empty'),
              defaultMessage: 'No consents recorded for this selection.',
            })}
          </Typography>
        ) : (
          editions.map((bar) => <PeopleBar key={bar.key} bar={bar} max={max} />)
        )}
        {purposes.length > 0 ? (
          <>
            <Typography variant="sigma" textColor="neutral600">
              {formatMessage({
                id: getTrad('acceptance.people.purposes'),
                defaultMessage: 'Consenting now, per purpose',
              })}
            </Typography>
            {purposes.map((bar) => (
              <PeopleBar key={bar.key} bar={bar} max={max} />
            ))}
          </>
        ) : null}
        <Typography variant="pi" textColor="neutral600" data-testid="people-coverage">
          {formatMessage(
            {
              id: getTrad('acceptance.people.coverage'),
              defaultMessage:
                'People as they stand now (From/To apply to events), counted from sealed events up to #{upTo}{pending, plural, =0 {.} other { — # newer events are counted after the next seal.}}',
            },
            { upTo: people.countedUpTo, pending: people.notYetCounted },
          )}
        </Typography>
      </Flex>
    </Card>
  );
};

const PeopleBar = ({ bar, max }: { bar: Bar; max: number }) => (
  <Flex gap={4} alignItems="center" data-testid="people-bar" data-key={bar.key}>
    <Box width="16rem" shrink={0}>
      <Typography variant="pi" textColor="neutral800" ellipsis title={bar.label}>
        {bar.label}
      </Typography>
    </Box>
    <Box flex="1" background="neutral100" hasRadius overflow="hidden" height="2rem">
      <Box
        height="100%"
        width={`${(bar.people / max) * 100}%`}
        background={bar.color}
        title={`${bar.label}: ${bar.people}`}
      />
    </Box>
    <Box width="6rem" shrink={0}>
      <Typography variant="pi" fontWeight="bold" data-testid="people-bar-count">
        {num(bar.people)}
      </Typography>
    </Box>
  </Flex>
);
