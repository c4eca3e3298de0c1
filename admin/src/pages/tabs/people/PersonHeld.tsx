import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { PersonRecord } from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { TableHead, type Column } from '../../../components/TableHead';
import { getTrad } from '../../../utils/getTrad';
import { formatInstant } from '../../../utils/time';
import { PersonMessages } from './PersonMessages';
import { dataText } from './PersonSubmissions';

const COLUMNS: Column[] = [
  ['people.submission.received', 'Received'],
  ['people.submission.form', 'Form'],
  ['filters.locale', 'Locale'],
  ['people.submission.data', 'What they sent'],
  ['people.held.status', 'Status'],
];

/**
 * What the person sent through a double opt-in form and has not confirmed:
 * in nobody's standing, recorded once the e-mailed link is opened, erased
 * when it expires — personal data held meanwhile.
 */
export const PersonHeld = ({ held }: { held: PersonRecord['held'] }) => {
  const { formatMessage, formatDate } = useIntl();
  if (held.length === 0) return null;
  return (
    <Card data-testid="person-held">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h3">
            {formatMessage({
              id: getTrad('people.held'),
              defaultMessage: 'Awaiting confirmation',
            })}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({
              id: getTrad('people.held.intro'),
              defaultMessage:
                'Sent through a double opt-in form: recorded once the e-mailed link is opened, erased when it expires. No decision is recorded meanwhile.',
            })}
          </Typography>
        </Flex>
        <Table colCount={COLUMNS.length} rowCount={held.length + 1}>
          <TableHead columns={COLUMNS} />
          <Tbody>
            {[...held].reverse().map((h) => (
              <Tr key={h.id} data-testid="person-held-submission">
                <Td>
                  <Typography>{formatInstant(formatDate, h.receivedAt)}</Typography>
                </Td>
                <Td>
                  <Typography>{`${h.form} (rev. ${h.formRevision})`}</Typography>
                </Td>
                <Td>
                  <Typography>{h.locale}</Typography>
                </Td>
                <Td>
                  <Typography>{dataText(h.data)}</Typography>
                </Td>
                <Td>
                  <Typography tag="p">
                    {formatMessage(
                      {
                        id: getTrad('people.held.until'),
                        defaultMessage: 'Awaiting confirmation until {when}',
                      },
                      { when: formatInstant(formatDate, h.expiresAt) },
                    )}
                  </Typography>
                  <PersonMessages messages={h.messages} />
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Flex>
    </Card>
  );
};
