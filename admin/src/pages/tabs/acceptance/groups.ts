import type { IntlShape } from 'react-intl';

import type { AcceptanceCounts, AcceptanceRow, GroupKey } from '../../../../../shared/contracts';
import { versionLabel } from '../../../utils/versionLabel';
import { getTrad } from '../../../utils/getTrad';

/** The groupings offered, as the server's groupBy lists. */
export const GROUP_BY_OPTIONS = [
  'version',
  'version,locale',
  'version,form',
  'day',
  'version,day',
  'version,strength',
] as const;
export type GroupByOption = (typeof GROUP_BY_OPTIONS)[number];

export const GROUP_BY_LABEL: Record<GroupByOption, string> = {
  version: 'Version',
  'version,locale': 'Version and locale',
  'version,form': 'Version and form',
  day: 'Day',
  'version,day': 'Version and day',
  'version,strength': 'Version and evidence strength',
};

export const GROUP_KEY_LABEL: Record<GroupKey, string> = {
  version: 'Version',
  locale: 'Locale',
  form: 'Form',
  day: 'Day',
  strength: 'Evidence',
};

export const COUNT_KEYS: Array<keyof AcceptanceCounts> = [
  'granted',
  'implied',
  'withdrawn',
  'denied',
  'total',
  'notified',
];

export const isGroupKey = (key: string): key is GroupKey =>
  key === 'version' || key === 'locale' || key === 'form' || key === 'day' || key === 'strength';

export const isGroupByOption = (value: string): value is GroupByOption =>
  (GROUP_BY_OPTIONS as readonly string[]).includes(value);

/** A count as a number, also when sent as a string (0 for anything else, e.g. NaN or Infinity). */
export const num = (value: unknown): number => {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
};

/** The text of one group cell: "v3", "kk", the form key or "via API", "2029-05-10". */
export function groupValue(
  key: GroupKey,
  row: AcceptanceRow,
  formatMessage: IntlShape['formatMessage'],
): string {
  const value = row[key];
  if (value === null || value === undefined || value === '') {
    if (key === 'form')
      return formatMessage({ id: getTrad('acceptance.form.api'), defaultMessage: 'via API' });
    if (key === 'strength')
      return formatMessage({
        id: getTrad('acceptance.strength.server'),
        defaultMessage: 'your server, an admin or continued use',
      });
    return formatMessage({ id: getTrad('panel.not-set'), defaultMessage: '—' });
  }
  if (key === 'strength')
    return formatMessage({
      id: getTrad(`acceptance.strength.${String(value)}`),
      defaultMessage: value === 'confirmed' ? 'confirmed by e-mail' : 'unverified (anonymous)',
    });
  if (key === 'version') return versionLabel(Number(value), formatMessage);
  return String(value);
}

/** A row's identity among the rows: its group values. */
export const rowKey = (row: AcceptanceRow, groupKeys: GroupKey[]): string =>
  groupKeys.map((k) => String(row[k] ?? '')).join('|');

/** data-version / -locale / -form / -day of a row: set for every grouped key (null -> ""). */
export function rowDataAttributes(
  row: AcceptanceRow,
  groupKeys: GroupKey[],
): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const key of ['version', 'locale', 'form', 'day'] as const) {
    const value = row[key];
    if (groupKeys.includes(key) || (value !== undefined && value !== null)) {
      attributes[`data-${key}`] = value === null || value === undefined ? '' : String(value);
    }
  }
  return attributes;
}
