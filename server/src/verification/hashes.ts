import type { Knex } from 'knex';
import { auditContentOf, type AuditRow } from '../db/audit-row';
import { contentOfRow, type EventRow } from '../db/event-row';
import { TABLES } from '../db/tables';
import { ledgerVerifier } from '../domain/verify';
import type { Share } from './split';

const BATCH = 10_000;
const n = (v: unknown) => Number(v);

export type HashesResult = ReturnType<ReturnType<typeof ledgerVerifier>['finish']>;

/** Feeds `table`'s rows after `after` to `each`, batch by batch, prefetching the next. */
async function scan<R extends { seq?: number | string }>(
  knex: Knex,
  table: string,
  after: number,
  upTo: number | null,
  each: (row: R) => void,
): Promise<void> {
  const fetch = (from: number) => {
    const q = knex(table).where('seq', '>', from);
    if (upTo !== null) q.andWhere('seq', '<=', upTo);
    return q.orderBy('seq', 'asc').limit(BATCH) as unknown as Promise<R[]>;
  };
  let next = fetch(after);
  for (;;) {
    const batch = await next;
    if (!batch.length) return;
    if (batch.length === BATCH) next = fetch(n(batch[batch.length - 1].seq));
    for (const row of batch) each(row);
    if (batch.length < BATCH) return;
  }
}

/**
 * Reads the events and audit entries of one share of a verification
 * (verification/split.ts) and checks them against its checkpoints
 * (domain/verify.ts): hashes, Merkle roots, the chain. Runs in a
 * verification worker, or in process when no worker can be started
 * (verification/in-worker.ts).
 */
export async function verifyShare(knex: Knex, share: Share): Promise<HashesResult> {
  const { point } = share;
  const verifier = ledgerVerifier(share.checkpoints, point ?? undefined);
  await scan<EventRow>(knex, TABLES.events, point?.seqTo ?? 0, share.eventsTo, (row) =>
    verifier.event(n(row.seq), row.event_id, row.hash, () => contentOfRow(row)),
  );
  await scan<AuditRow>(knex, TABLES.audit, point?.auditTo ?? 0, share.auditTo, (row) =>
    verifier.audit(n(row.seq), row.hash, () => auditContentOf(row)),
  );
  return verifier.finish();
}

/** The shares' results as one: counts added, the first mismatch in ledger order. */
export function combine(results: readonly HashesResult[]): HashesResult {
  const firstMismatch = results.find((r) => r.firstMismatch)?.firstMismatch ?? null;
  return {
    ok: firstMismatch === null,
    events: results.reduce((sum, r) => sum + r.events, 0),
    auditEntries: results.reduce((sum, r) => sum + r.auditEntries, 0),
    firstMismatch,
  };
}
