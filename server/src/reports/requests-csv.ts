import type {
  RequestActionTaken,
  RequestStatusChange,
  RequestsPage,
} from '../../../shared/contracts';
import { csvCell } from './formats';

const COLUMNS = [
  'id',
  'type',
  'contact',
  'receivedOn',
  'dueOn',
  'status',
  'deadline',
  'daysLeft',
  'identityMethod',
  'identityCheckedAt',
  'reason',
  'note',
  'statusChanges',
  'actions',
  'createdAt',
  'createdBy',
  'closedAt',
] as const;

/**
 * Text the officer typed: a leading = + - @ would make a spreadsheet read it as a formula, so
 * it is quoted with an apostrophe (as OWASP advises for CSV injection).
 */
const typedText = (value: string | null | undefined): string | null | undefined =>
  value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

/** "…Z admin@x: verifying -> in-progress (identity: …; note: …)", one change after another. */
const changesText = (changes: RequestStatusChange[]): string =>
  changes
    .map((c) => {
      const typed = [
        c.identityMethod ? `identity: ${c.identityMethod}` : null,
        c.reason ? `reason: ${c.reason}` : null,
        c.note ? `note: ${c.note}` : null,
      ].filter(Boolean);
      return `${c.at} ${c.by}: ${c.from} -> ${c.to}${typed.length ? ` (${typed.join('; ')})` : ''}`;
    })
    .join('\n');

/** "export …Z by admin@x (submissions 1, events 2)", one action after another. */
const actionsText = (actions: RequestActionTaken[]): string =>
  actions
    .map((a) => {
      const result = Object.entries(a.result)
        .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(', ');
      return `${a.action} ${a.at} by ${a.by}${result ? ` (${result})` : ''}`;
    })
    .join('\n');

/**
 * The register as CSV for a spreadsheet: a byte-order mark (so Excel reads
 * Cyrillic as UTF-8), dates as calendar dates in the plugin's time zone and
 * instants as ISO 8601 UTC, as the first line says. The status changes and
 * actions of a request are one line each inside their cell.
 */
export function requestsCsv(page: RequestsPage): string {
  const lines = page.requests.map((r) =>
    [
      r.id,
      r.type,
      r.contact,
      r.receivedOn,
      r.dueOn,
      r.status,
      r.deadline,
      r.daysLeft,
      typedText(r.identityCheck?.method),
      r.identityCheck?.at,
      typedText(r.reason),
      typedText(r.note),
      changesText(r.changes),
      actionsText(r.actions),
      r.createdAt,
      r.createdBy,
      r.closedAt,
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${COLUMNS.join(',')}\r\n${lines.map((l) => `${l}\r\n`).join('')}`;
}
