/**
 * The words and badges for the plugin's enums: edition states, consent actions, change kinds.
 * Every component labels them through here; versions ("v3") through utils/versionLabel.ts.
 */
import { Badge } from '@strapi/design-system';
import type { BadgeProps } from '@strapi/design-system';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';

import type {
  ChangeKind,
  ConsentAction,
  EditionState,
  LedgerAction,
} from '../../../shared/contracts';
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

const ACTION_BADGE: Record<LedgerAction, BadgeProps['variant']> = {
  granted: 'success',
  implied: 'primary',
  withdrawn: 'warning',
  denied: 'danger',
  notified: 'secondary',
  linked: 'neutral',
  unlinked: 'neutral',
};

const ACTION_LABEL: Record<LedgerAction, string> = {
  granted: 'Granted',
  implied: 'Implied',
  withdrawn: 'Withdrawn',
  denied: 'Denied',
  notified: 'Notified of a change',
  linked: 'Identifiers linked',
  unlinked: 'Identifiers unlinked',
};

export const CONSENT_ACTIONS: ConsentAction[] = ['granted', 'implied', 'withdrawn', 'denied'];

export const actionLabel = (action: LedgerAction, formatMessage: FormatMessage): string =>
  formatMessage({
    id: getTrad(`action.${action}`),
    defaultMessage: ACTION_LABEL[action] ?? action,
  });

export const ConsentActionBadge = ({ action }: { action: LedgerAction }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge variant={ACTION_BADGE[action] ?? 'neutral'}>{actionLabel(action, formatMessage)}</Badge>
  );
};

const CHANGE_KIND_LABEL: Record<ChangeKind, string> = {
  editorial: 'Editorial change',
  material: 'Material change',
  reconsent: 'Re-consent required',
};

export const changeKindLabel = (kind: ChangeKind, formatMessage: FormatMessage): string =>
  formatMessage({
    id: getTrad(`change-kind.${kind}`),
    defaultMessage: CHANGE_KIND_LABEL[kind] ?? kind,
  });
