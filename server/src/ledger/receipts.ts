import type { EventContent, ReceiptEvent, WithdrawHint } from '../../../shared/contracts';
import type { PolicySnapshot } from '../catalog/types';

/** How a person withdraws: printed on every receipt. */
export function withdrawHint(snap: PolicySnapshot | null): WithdrawHint {
  return {
    endpoint: 'POST /api/policy-ledger/consents/withdraw',
    contact: snap?.operatorEmail ?? null,
    note: 'Keep this receipt. You can withdraw consent at any time; the operator records the withdrawal in the same ledger.',
    policy: snap?.key ?? null,
  };
}

/** Where an event's inclusion proof will be (GET /receipts/:id/proof). */
export const proofUrl = (eventId: string) =>
  `/api/policy-ledger/receipts/${encodeURIComponent(eventId)}/proof`;

/**
 * When an event recorded at `occurredAt` should be sealed: after the sealing
 * lag, at the next run of the (minutely) sealing job.
 */
export const proofAvailableAfter = (occurredAt: string, sealLagSeconds: number) =>
  new Date(Date.parse(occurredAt) + (sealLagSeconds + 60) * 1000).toISOString();

/**
 * One event as a receipt shows it: what was decided, on which text, the
 * event as hashed and its hash, and where its proof will be.
 */
export function receiptEvent(e: EventContent, hash: string, sealLagSeconds: number): ReceiptEvent {
  return {
    id: e.id,
    action: e.action,
    policy: e.policy,
    version: e.version,
    locale: e.locale as string,
    contentHash: e.contentHash as string,
    hash,
    content: e,
    proof: {
      url: proofUrl(e.id),
      availableAfter: proofAvailableAfter(e.occurredAt, sealLagSeconds),
    },
  };
}
