import { canonicalJson } from './canonical';
import { sha256Hex } from './hash';

/** What the audit trail records (README "Audit trail"). */
export const AUDIT_ACTIONS = [
  'edition.released',
  'edition.cancelled',
  'edition.successor',
  'ledger.exported',
  'ledger.verified',
  'ledger.sealed',
  'subject.exported',
  'subject.erased',
  'form.created',
  'form.changed',
  'form.published',
  'form.unpublished',
  'form.deleted',
  'request.created',
  'request.status',
  'request.exported',
  'audit.exported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type ActorType = 'admin' | 'api-token' | 'user' | 'system';

/** One audit entry as hashed: who did what to what, when, with which details. */
export interface AuditContent {
  id: string;
  occurredAt: string;
  actorType: ActorType;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** The entry's hash (v1): SHA-256 of its canonical JSON; checkpoints commit to the order. */
export function auditHash(a: AuditContent): string {
  return sha256Hex(canonicalJson({ v: 1, kind: 'audit', ...a }));
}
