import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { PersonMessage } from '../../../../../shared/contracts';
import { getTrad } from '../../../utils/getTrad';
import { formatInstant } from '../../../utils/time';

const KIND: Record<PersonMessage['kind'], string> = {
  confirmation: 'Confirmation e-mail',
  notice: 'Notice of a change',
};

/** The e-mails written to the person about a submission: which, when queued, when sent. */
export const PersonMessages = ({ messages }: { messages: readonly PersonMessage[] }) => {
  const { formatMessage, formatDate } = useIntl();
  if (messages.length === 0) return null;
  return (
    <>
      {messages.map((m, i) => (
        <Typography
          key={i}
          tag="p"
          variant="pi"
          textColor="neutral600"
          data-testid="person-message"
          data-sent={String(!!m.sentAt)}
        >
          {formatMessage(
            {
              id: getTrad('people.message'),
              defaultMessage:
                '{kind}: queued {created}{sent, select, none {, not sent yet} other {, sent {sent}}}',
            },
            {
              kind: formatMessage({
                id: getTrad(`people.message.${m.kind}`),
                defaultMessage: KIND[m.kind] ?? m.kind,
              }),
              created: formatInstant(formatDate, m.createdAt),
              sent: formatInstant(formatDate, m.sentAt) ?? 'none',
            },
          )}
        </Typography>
      ))}
    </>
  );
};
