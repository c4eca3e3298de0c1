import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { PersonRecord } from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { TableHead, type Column } from '../../../components/TableHead';
import { getTrad } from '../../../utils/getTrad';
import { formatInstant } from '../../../utils/time';
import { PersonMessages } from './PersonMessages';

const COLUMNS: Column[] = [
  ['people.submission.received', 'Received'],
  ['people.submission.form', 'Form'],
  ['filters.locale', 'Locale'],
  ['people.submission.data', 'What they sent'],
];

/** A submission's fields as one line: "name: Ana · phone: +7…". */
export const dataText = (data: Record<string, unknown>) =>
  Object.entries(data)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');

/** What the person submitted through forms, or when it was erased. */
export const PersonSubmissions = ({
  submissions,
}: {
  submissions: PersonRecord['submissions'];
}) => {
  const { formatMessage, formatDate } = useIntl();
  if (submissions.length === 0) return null;
  return (
    <Card>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h3">
          {formatMessage({ id: getTrad('people.submissions'), defaultMessage: 'Submissions' })}
        </Typography>
        <Table colCount={COLUMNS.length} rowCount={submissions.length + 1}>
          <TableHead columns={COLUMNS} />
          <Tbody>
            {[...submissions].reverse().map((s) => (
              <Tr key={s.id} data-testid="person-submission" data-erased={String(!!s.erasedAt)}>
                <Td>
                  <Typography>{formatInstant(formatDate, s.receivedAt)}</Typography>
                </Td>
                <Td>
                  <Typography>{`${s.form} (rev. ${s.formRevision})`}</Typography>
                </Td>
                <Td>
                  <Typography>{s.locale}</Typography>
                </Td>
                <Td>
                  <Typography textColor={s.erasedAt ? 'neutral500' : 'neutral800'}>
                    {s.erasedAt
                      ? formatMessage(
                          {
                            id: getTrad('people.submission.erased'),
                            defaultMessage: 'Erased {when}',
                          },
                          { when: formatInstant(formatDate, s.erasedAt) },
                        )
                      : dataText(s.data ?? {})}
                  </Typography>
                  <PersonMessages messages={s.messages} />
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Flex>
    </Card>
  );
};
