import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { PersonRecord } from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { getTrad } from '../../../utils/getTrad';
import { PersonActions } from './PersonActions';
import { PersonContacts } from './PersonContacts';
import { PersonHeld } from './PersonHeld';
import { PersonStandings } from './PersonStandings';
import { PersonSubmissions } from './PersonSubmissions';
import { PersonTimeline } from './PersonTimeline';

interface PersonViewProps {
  identifier: string;
  record: PersonRecord;
  canErase: boolean;
  canExport: boolean;
}

/** A person's record: standing per policy, actions, decisions over time, held submissions, submissions. */
export const PersonView = ({ identifier, record, canErase, canExport }: PersonViewProps) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="person-record">
      <Card>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography variant="delta" tag="h2">
              {identifier}
            </Typography>
            <Typography variant="pi" textColor="neutral600" data-testid="person-subject">
              {formatMessage(
                {
                  id: getTrad('people.pseudonym'),
                  defaultMessage:
                    'Pseudonym {subject} · {events, plural, one {# decision} other {# decisions}} · {submissions, plural, one {# submission} other {# submissions}}',
                },
                {
                  subject: record.subject.slice(0, 12),
                  events: record.events.length,
                  submissions: record.submissions.length,
                },
              )}
            </Typography>
          </Flex>
          <PersonActions
            identifier={identifier}
            record={record}
            canErase={canErase}
            canExport={canExport}
          />
        </Flex>
      </Card>
      <PersonStandings standings={record.standings} />
      <PersonTimeline record={record} />
      <PersonHeld held={record.held} />
      <PersonContacts contacts={record.contacts} />
      <PersonSubmissions submissions={record.submissions} />
    </Flex>
  );
};
