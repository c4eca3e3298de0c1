import { Badge, Box, Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { PersonStanding } from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { getTrad } from '../../../utils/getTrad';

const REASON: Record<string, string> = {
  'not-accepted': 'Has not accepted the edition in force',
  denied: 'Declined',
  'reconsent-required': 'A change asks for consent again',
  expired: 'A consent has expired: to be asked again',
};

/** Where the person stands with each policy they have decisions for. */
export const PersonStandings = ({ standings }: { standings: PersonStanding[] }) => {
  const { formatMessage } = useIntl();
  const text = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTrad(id), defaultMessage }, values);
  return (
    <Grid.Root gap={4}>
      {standings.map((s) => (
        <Grid.Item key={s.policy} col={6} s={12} alignItems="stretch">
          <Card width="100%" data-testid="person-standing" data-policy={s.policy}>
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Flex justifyContent="space-between" gap={2}>
                <Typography variant="delta" tag="h3">
                  {s.name ?? s.policy}
                </Typography>
                {s.needsAcceptance ? (
                  <Badge variant="warning" data-testid="person-needs-acceptance">
                    {text(`people.reason.${s.reason}`, REASON[s.reason ?? ''] ?? String(s.reason))}
                  </Badge>
                ) : (
                  <Badge variant="success">{text('people.up-to-date', 'Up to date')}</Badge>
                )}
              </Flex>
              <Typography data-testid="person-accepted-version">
                {s.acceptedVersion === null
                  ? text('people.accepted.none', 'Accepted no edition')
                  : text(
                      'people.accepted',
                      'Accepted v{version} ({locale}); in force: v{current}',
                      {
                        version: s.acceptedVersion,
                        locale: s.acceptedLocale ?? '?',
                        current: s.currentVersion ?? '—',
                      },
                    )}
              </Typography>
              {s.impliedOnNextVisit ? (
                <Typography variant="pi" textColor="neutral600">
                  {text(
                    'people.implied',
                    'Accepts v{current} by continued use when next seen (an implied acceptance is then recorded).',
                    { current: s.currentVersion ?? '—' },
                  )}
                </Typography>
              ) : null}
              <Flex gap={2} wrap="wrap">
                {Object.entries(s.purposes)
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([purpose, on]) => {
                    const expired = on && s.expiredPurposes.includes(purpose);
                    return (
                      <Box
                        key={purpose}
                        data-testid="person-purpose"
                        data-on={String(on && !expired)}
                        data-expired={String(expired)}
                      >
                        <Badge variant={expired ? 'warning' : on ? 'success' : 'neutral'}>
                          {`${purpose}: ${
                            expired
                              ? text('people.purpose.expired', 'expired')
                              : on
                                ? text('people.purpose.on', 'yes')
                                : text('people.purpose.off', 'no')
                          }`}
                        </Badge>
                      </Box>
                    );
                  })}
              </Flex>
            </Flex>
          </Card>
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
