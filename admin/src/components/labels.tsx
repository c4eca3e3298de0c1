import { Badge } from '@strapi/design-system';
import type { BadgeProps } from '@strapi/design-system';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';

import type { ConsentAction, EditionState } from '../../../shared/contracts';
import { getTrad } from '../utils/getTrad';

type FormatMessage = IntlShape['formatMessage'];

const STATE_BADGE: Record<EditionState, BadgeProps['variant']> = {
  draft: 'neutral',
  scheduled: 'warning',
  'in-force': 'success',
  superseded: 'secondary',
  cancelled: 'danger',
};

const STATE_LABEL: Record<EditionState, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  'in-force': 'In force',
  superseded: 'Superseded',
  cancelled: 'Cancelled',
};

export const stateLabel = (state: EditionState, formatMessage: FormatMessage): string =>
  formatMessage({ id: getTrad(`state.${state}`), defaultMessage: STATE_LABEL[state] ?? state });

export const EditionStateBadge = ({ state }: { state: EditionState }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge variant={STATE_BADGE[state] ?? 'neutral'}>{stateLabel(state, formatMessage)}</Badge>
  );
};

const ACTION_BADGE: Record<ConsentAction, BadgeProps['variant']> = {
  granted: 'success',
  implied: 'primary',
  withdrawn: 'warning',
  denied: 'danger',
};

const ACTION_LABEL: Record<ConsentAction, string> = {
  granted: 'Granted',
  implied: 'Implied',
  withdrawn: 'Withdrawn',
  denied: 'Denied',
};

export const CONSENT_ACTIONS: ConsentAction[] = ['granted', 'implied', 'withdrawn', 'denied'];

export const actionLabel = (action: ConsentAction, formatMessage: FormatMessage): string =>
  formatMessage({
    id: getTrad(`action.${action}`),
    defaultMessage: ACTION_LABEL[action] ?? action,
  });

export const ConsentActionBadge = ({ action }: { action: ConsentAction }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge variant={ACTION_BADGE[action] ?? 'neutral'}>{actionLabel(action, formatMessage)}</Badge>
  );
};

/** "v3", or "Draft" for an edition without a version number. */
export const versionLabel = (
  version: number | null | undefined,
  formatMessage: FormatMessage,
): string =>
  version === null || version === undefined
    ? formatMessage({ id: getTrad('page.version.none'), defaultMessage: 'Draft' })
    : formatMessage(
        { id: getTrad('panel.version.value'), defaultMessage: 'v{version}' },
        { version },
      );

/** Date and time, e.g. "12 May 2029, 09:00 GMT+5". */
export const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** A calendar date (YYYY-MM-DD parsed at UTC midnight), formatted in UTC so it never shifts a day. */
export const CALENDAR_DATE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
};
