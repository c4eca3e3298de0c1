import type { AcceptanceStats, GroupKey } from '../../../../../shared/contracts';

const COUNTS = ['granted', 'implied', 'withdrawn', 'denied', 'total', 'notified'] as const;

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The acceptance table as CSV, as shown: one column per group, then the
 * event counts (and, grouped by version alone, the people now on each
 * edition), then a total row; a byte-order mark so spreadsheet programs read
 * it as UTF-8.
 */
export function acceptanceCsv(stats: AcceptanceStats, groupKeys: GroupKey[]): string {
  const withPeople = byVersionAlone(groupKeys);
  const peopleOn = (v: number | null | undefined) =>
    stats.people.byEdition.find((e) => e.version === v)?.people ?? 0;
  const lines = [
    [...groupKeys, ...COUNTS, ...(withPeople ? ['people'] : [])].join(','),
    ...stats.rows.map((r) =>
      [
        ...groupKeys.map((k) => cell(r[k] ?? (k === 'form' ? 'api' : ''))),
        ...COUNTS.map((c) => r[c]),
        ...(withPeople ? [peopleOn(r.version)] : []),
      ].join(','),
    ),
    [
      ...groupKeys.map((_, i) => (i === 0 ? 'total' : '')),
      ...COUNTS.map((c) => stats.totals[c]),
      ...(withPeople ? [stats.people.people] : []),
    ].join(','),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** People counts fit a table grouped by version alone (each person stands on one edition). */
export const byVersionAlone = (groupKeys: GroupKey[]) =>
  groupKeys.length === 1 && groupKeys[0] === 'version';

/** "acceptance-privacy-version-2027-01-01-2027-03-31-2027-04-02.csv" */
export const acceptanceFilename = (
  policy: string,
  groupKeys: GroupKey[],
  from: string,
  to: string,
  day: string,
) =>
  `${['acceptance', policy, groupKeys.join('+'), from && `from-${from}`, to && `to-${to}`, day]
    .filter(Boolean)
    .join('-')}.csv`;
