import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ConsistencyReport } from '../../../../../shared/contracts';
import { getTrad } from '../../../utils/getTrad';

/** Whether the counters and subject states agree with the events (apart from the hashes). */
export const ConsistencyLine = ({ report }: { report: ConsistencyReport }) => {
  const { formatMessage } = useIntl();
  const mismatches = [...(report.counters?.mismatches ?? []), ...report.subjectStates.mismatches];
  return (
    <Flex gap={2} wrap="wrap" data-testid="verify-consistency" data-ok={String(report.ok)}>
      <Badge active={report.ok}>
        {report.ok
          ? formatMessage({ id: getTrad('verify.consistency.ok'), defaultMessage: 'figures agree' })
          : formatMessage({
              id: getTrad('verify.consistency.bad'),
              defaultMessage: 'figures drifted',
            })}
      </Badge>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(
          {
            id: getTrad('verify.consistency'),
            defaultMessage:
              'Reports against the events: {groups, select, none {counters checked by the full run} other {{groups} counter groups}}, {people} people sampled.',
          },
          {
            groups: report.counters ? String(report.counters.groups) : 'none',
            people: report.subjectStates.people,
          },
        )}
        {mismatches.length ? ` ${mismatches.join('; ')}` : ''}
      </Typography>
    </Flex>
  );
};
