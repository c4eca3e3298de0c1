import type { AuditEntry } from '../../../shared/contracts';
import { csvCell } from './formats';

export const AUDIT_COLUMNS = [
  'seq',
  'id',
  'occurredAt',
  'actorType',
  'actorId',
  'actor',
  'action',
  'target',
  'details',
  'hash',
  'sealed',
] as const;

/** One audit entry as a CSV line (instants as ISO 8601 UTC; details as JSON). */
export const auditCsvLine = (e: AuditEntry): string =>
  [
    e.seq,
    e.id,
    e.occurredAt,
    e.actor.type,
    e.actor.id,
    e.actor.name,
    e.action,
    e.target,
    JSON.stringify(e.details),
    e.hash,
    e.sealed,
  ]
    .map(csvCell)
    .join(',') + '\r\n';

/** The audit trail as CSV, streamed: an optional byte-order mark, a header, then each entry. */
export async function* auditCsv(
  entries: AsyncIterable<AuditEntry>,
  bom: boolean,
): AsyncGenerator<string> {
  yield (bom ? '\uFEFF' : '') + AUDIT_COLUMNS.join(',') + '\r\n';
  for await (const e of entries) yield auditCsvLine(e);
}
