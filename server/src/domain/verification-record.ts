import { createHmac } from 'node:crypto';
import { canonicalJson } from './canonical';

/** Where a successful verification ended, as stored (policy_ledger_verifications). */
export interface VerificationRecord {
  kind: 'full' | 'incremental';
  checkpointId: number;
  checkpointHash: string;
  seqTo: number;
  auditTo: number;
  /** Events read by this verification. */
  events: number;
  verifiedAt: string;
  /** The previous record's hash: the records form a chain. */
  prevHash: string | null;
}

/**
 * The record's hash: HMAC-SHA256 under a key derived from the plugin's
 * secret, so that someone who can write to the database but does not hold
 * the secret cannot plant a record that skips their changes.
 */
export function verificationHash(r: VerificationRecord, secret: string): string {
  const key = createHmac('sha256', secret).update('policy-ledger verification records').digest();
  return createHmac('sha256', key)
    .update(canonicalJson({ v: 1, ...r }))
    .digest('hex');
}
