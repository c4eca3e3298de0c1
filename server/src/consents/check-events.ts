import type { EvidenceStrength } from '../../../shared/contracts';
import type { EventRow } from '../db/event-row';
import type { CheckEvent } from '../domain/consent-check';

/** What a consent check, and the fold of its states, read of an event. */
export type CheckRow = Pick<
  EventRow,
  'subject' | 'action' | 'policy_key' | 'policy_version' | 'locale' | 'purposes' | 'occurred_at'
> & { seq: number | string; strength: EvidenceStrength | null };

export const CHECK_COLUMNS = [
  'seq',
  'subject',
  'action',
  'policy_key',
  'policy_version',
  'locale',
  'purposes',
  'occurred_at',
  'strength',
] as const;

export const checkEventOf = (r: CheckRow): CheckEvent => ({
  action: r.action,
  policy: r.policy_key,
  version: Number(r.policy_version),
  locale: r.locale,
  purposes: r.purposes ? (JSON.parse(r.purposes) as Record<string, boolean>) : {},
  occurredAt: r.occurred_at,
  strength: r.strength,
});

/** Rows grouped by subject, each group in the order given (seq order). */
export function bySubject<R extends { subject: string }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const list = out.get(r.subject);
    if (list) list.push(r);
    else out.set(r.subject, [r]);
  }
  return out;
}

/** One row of the single statement a chunk is read with (consents/states.ts `statesOf`). */
export interface UnionRow {
  /** 's': a folded state; 'l': a link touching a pseudonym; 'e': an event after the cursor. */
  src: 's' | 'l' | 'e';
  subject: string;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
  e: number | string | null;
  f: string | null;
  g: string | null;
  seq: number | string | null;
}
