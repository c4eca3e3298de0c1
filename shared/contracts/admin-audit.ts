/** Admin API: the audit trail (GET /policy-ledger/audit, /audit/export). */

export type AuditActorType = 'admin' | 'api-token' | 'user' | 'system';

export interface AuditEntry {
  seq: number;
  id: string;
  occurredAt: string;
  actor: { type: AuditActorType; id: string | null; name: string | null };
  /** e.g. edition.released, ledger.exported, subject.erased, form.changed. */
  action: string;
  /** What was acted on: "policy v3", a form key, a person's pseudonym, a request id. */
  target: string | null;
  details: Record<string, unknown>;
  hash: string;
  /** Whether a checkpoint seals it yet. */
  sealed: boolean;
}

export interface AuditQuery {
  action?: string;
  /** A calendar day in the plugin's time zone or an ISO instant. */
  from?: string;
  to?: string;
  cursor?: number;
  limit?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: string | null;
  timeZone: string;
}

export interface AuditExportQuery extends Omit<AuditQuery, 'cursor' | 'limit'> {
  bom?: boolean;
}
