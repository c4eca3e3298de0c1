import type { IntlShape } from 'react-intl';

import type { AuditEntry } from '../../../../../shared/contracts';
import { getTrad } from '../../../utils/getTrad';
import { formatInstant, isIsoInstant } from '../../../utils/time';

/** Every action the trail records (server/src/domain/audit.ts), with its English label. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'edition.released': 'Edition released',
  'edition.cancelled': 'Edition cancelled',
  'edition.successor': 'New edition made from another',
  'ledger.exported': 'Ledger exported',
  'ledger.verified': 'Ledger verified',
  'ledger.sealed': 'Sealed by hand',
  'subject.exported': "Person's data exported",
  'subject.erased': "Person's data erased",
  'form.created': 'Form created',
  'form.changed': 'Form changed',
  'form.published': 'Form published',
  'form.unpublished': 'Form unpublished',
  'form.deleted': 'Form deleted',
  'request.created': 'Request received',
  'request.status': 'Request status changed',
  'request.exported': 'Requests exported',
  'audit.exported': 'Audit trail exported',
};

export const auditActionLabel = (
  action: string,
  formatMessage: IntlShape['formatMessage'],
): string =>
  formatMessage({
    id: getTrad(`audit.action.${action}`),
    defaultMessage: AUDIT_ACTION_LABELS[action] ?? action,
  });

/** Who acted: the admin's e-mail, the API token's name, or "system". */
export const actorLabel = (
  actor: AuditEntry['actor'],
  formatMessage: IntlShape['formatMessage'],
): string => {
  if (actor.type === 'system')
    return formatMessage({ id: getTrad('audit.actor.system'), defaultMessage: 'system' });
  const name = actor.name ?? `#${actor.id ?? '?'}`;
  return actor.type === 'admin' ? name : `${name} (${actor.type})`;
};

/**
 * The details as "key: value" pairs on one line. With `formatDate`, every instant in them (an ISO
 * string, also inside a nested value such as an export's filters) is shown in the plugin's time
 * zone, named; without it they stay as recorded (UTC ISO, e.g. for a tooltip).
 */
export const detailsText = (
  details: Record<string, unknown>,
  formatDate?: IntlShape['formatDate'],
): string => {
  const value = (v: unknown): string => {
    if (formatDate && isIsoInstant(v))
      return formatInstant(formatDate, v, 'date-time-seconds') ?? v;
    if (Array.isArray(v)) return `[${v.map(value).join(', ')}]`;
    if (v !== null && typeof v === 'object') return `{${pairs(v as Record<string, unknown>)}}`;
    return String(v);
  };
  const pairs = (o: Record<string, unknown>): string =>
    Object.entries(o)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k}: ${value(v)}`)
      .join(', ');
  return pairs(details);
};
