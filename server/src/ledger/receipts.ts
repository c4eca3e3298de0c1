import type { EventContent, ReceiptEvent, WithdrawHint } from '../../../shared/contracts';
import type { PolicySnapshot } from '../services/catalog';

/** How a person withdraws: printed on every receipt. */
export function withdrawHint(snap: PolicySnapshot | null): WithdrawHint {
  return {
    endpoint: 'POST /api/policy-ledger/consents/withdraw',
    contact: snap?.operatorEmail ?? null,
    note: 'Keep this receipt. You can withdraw consent at any time; the operator records the withdrawal in the same ledger.',
    policy: snap?.key ?? null,
  };
}

/** One event as a receipt shows it: what was decided, on which text, and the event's hash. */
export function receiptEvent(e: EventContent, hash: string): ReceiptEvent {
  return {
    id: e.id,
    action: e.action,
    policy: e.policy,
    version: e.version,
    locale: e.locale as string,
    contentHash: e.contentHash as string,
    hash,
  };
}
