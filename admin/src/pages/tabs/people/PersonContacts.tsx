import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { PersonRecord } from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { getTrad } from '../../../utils/getTrad';
import { formatInstant } from '../../../utils/time';

/** The confirmed e-mail addresses kept for notices of changes: held on the person, erased with them. */
export const PersonContacts = ({ contacts }: { contacts: PersonRecord['contacts'] }) => {
  const { formatMessage, formatDate } = useIntl();
  if (contacts.length === 0) return null;
  return (
    <Card data-testid="person-contacts">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h3">
          {formatMessage({
            id: getTrad('people.contacts'),
            defaultMessage: 'Confirmed e-mail for notices of changes',
          })}
        </Typography>
        {contacts.map((c) => (
          <Flex key={c.email} gap={3} wrap="wrap" data-testid="person-contact">
            <Typography fontWeight="semiBold">{c.email}</Typography>
            <Typography variant="pi" textColor="neutral600">
              {c.confirmedAt ? formatInstant(formatDate, c.confirmedAt) : '—'}
              {c.locale ? ` · ${c.locale}` : ''}
            </Typography>
            <Badge variant={c.notices ? 'success' : 'neutral'}>
              {c.notices
                ? formatMessage({
                    id: getTrad('people.contacts.notices'),
                    defaultMessage: 'notices on',
                  })
                : formatMessage({
                    id: getTrad('people.contacts.noNotices'),
                    defaultMessage: 'no notices',
                  })}
            </Badge>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
};
