import type { AuditContent } from '../domain/audit';

/** A row of the audit table (policy_ledger_audit), as stored and read back. */
export interface AuditRow {
  seq: number;
  entry_id: string;
  occurred_at: string;
  actor_type: AuditContent['actorType'];
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  details: string | null;
  hash: string;
}

/** The hashed content of a stored entry (throws on an unreadable row: verify calls it altered). */
export function auditContentOf(r: AuditRow): AuditContent {
  return {
    id: r.entry_id,
    occurredAt: r.occurred_at,
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    target: r.target,
    details: JSON.parse(r.details ?? '{}') as Record<string, unknown>,
  };
}
