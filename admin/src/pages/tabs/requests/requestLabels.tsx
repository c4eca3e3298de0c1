import { Badge } from '@strapi/design-system';
import type { BadgeProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type {
  DeadlineState,
  RequestStatus,
  RequestType,
  SubjectRequestEntry,
} from '../../../../../shared/contracts';
import { getTrad } from '../../../utils/getTrad';

export const REQUEST_TYPES: RequestType[] = [
  'access',
  'correction',
  'erasure',
  'withdrawal',
  'objection',
];

const TYPE_LABEL: Record<RequestType, string> = {
  access: 'Access',
  correction: 'Correction',
  erasure: 'Erasure',
  withdrawal: 'Withdrawal of consent',
  objection: 'Objection',
};

const STATUS_LABEL: Record<RequestStatus, string> = {
  received: 'Received',
  verifying: 'Verifying identity',
  'in-progress': 'In progress',
  done: 'Done',
  refused: 'Refused',
};

const DEADLINE: Record<DeadlineState, [BadgeProps['variant'], string]> = {
  overdue: ['danger', 'Overdue by {days, plural, one {# day} other {# days}}'],
  'due-soon': ['warning', 'Due in {days, plural, =0 {today} one {# day} other {# days}}'],
  'on-time': ['secondary', '{days, plural, one {# day left} other {# days left}}'],
  closed: ['neutral', 'Closed'],
};

/** A status as an ICU select key ("in-progress" → "in_progress": a hyphen cannot be one). */
export const selector = (status: RequestStatus): string => status.replace(/-/g, '_');

export function useRequestLabels() {
  const { formatMessage } = useIntl();
  return {
    type: (t: RequestType) =>
      formatMessage({ id: getTrad(`requests.type.${t}`), defaultMessage: TYPE_LABEL[t] }),
    status: (s: RequestStatus) =>
      formatMessage({ id: getTrad(`requests.status.${s}`), defaultMessage: STATUS_LABEL[s] }),
  };
}

/** Overdue / due soon / days left / closed, as a badge. */
export const DeadlineBadge = ({ request }: { request: SubjectRequestEntry }) => {
  const { formatMessage } = useIntl();
  const [variant, text] = DEADLINE[request.deadline];
  const days = Math.abs(request.daysLeft ?? 0);
  return (
    <Badge variant={variant} data-testid="request-deadline" data-deadline={request.deadline}>
      {formatMessage(
        { id: getTrad(`requests.deadline.${request.deadline}`), defaultMessage: text },
        { days },
      )}
    </Badge>
  );
};
