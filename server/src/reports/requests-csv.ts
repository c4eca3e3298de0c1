import type { RequestsPage } from '../../../shared/contracts';
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
  'actions',
  'createdBy',
  'closedAt',
] as const;

/**
 * The register as CSV for a spreadsheet: a byte-order mark (so Excel reads
 * Cyrillic as UTF-8), dates as calendar dates in the plugin's time zone and
 * instants as ISO 8601 UTC, as the first line says.
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
      r.identityCheck?.method,
      r.identityCheck?.at,
      r.reason,
      r.actions.map((a) => `${a.action} ${a.at} by ${a.by}`).join('; '),
      r.createdBy,
      r.closedAt,
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${COLUMNS.join(',')}\r\n${lines.map((l) => `${l}\r\n`).join('')}`;
}
