import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { AuditEntry, AuditPage, AuditQuery } from '../../../shared/contracts';
import { currentActor, type Actor } from './actor';
import { TABLES } from '../db/tables';
import { auditContentOf, type AuditRow } from '../db/audit-row';
import { auditHash, type AuditAction, type AuditContent } from '../domain/audit';
import { lowerBound, upperBound } from '../domain/zone';
import { iso } from '../utils/db';
import { clock, timeZoneOf } from '../utils/plugin';

const BATCH = 1000;
// Strapi stores strings as VARCHAR(255).
const cap = (s: string | null) => (s === null ? null : s.slice(0, 255));

/**
 * The audit trail: who released, cancelled, exported, erased, verified,
 * sealed by hand or changed a form. Append-only (nothing here updates or
 * deletes); each entry carries its hash and the sealing job puts it under
 * the next checkpoint with the events (services/integrity.ts).
 */
const auditService = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.connection(TABLES.audit);

  /**
   * Records one entry; the actor is whoever the current request belongs to.
   * Pass the transaction of the change it records, so both land or neither.
   */
  async function record(
    action: AuditAction,
    target: string | null,
    details: Record<string, unknown> = {},
    { trx, actor = currentActor(strapi) }: { trx?: Knex.Transaction; actor?: Actor } = {},
  ): Promise<void> {
    const content: AuditContent = {
      id: randomUUID(),
      occurredAt: iso(clock(strapi).now()),
      actorType: actor.type,
      actorId: cap(actor.id),
      actorName: cap(actor.name),
      action,
      target: cap(target),
      details,
    };
    await (trx ? trx(TABLES.audit) : table()).insert({
      entry_id: content.id,
      occurred_at: content.occurredAt,
      actor_type: content.actorType,
      actor_id: content.actorId,
      actor_name: content.actorName,
      action: content.action,
      target: content.target,
      details: JSON.stringify(details),
      hash: auditHash(content),
    });
  }

  function filtered(q: Omit<AuditQuery, 'cursor' | 'limit'>) {
    const zone = timeZoneOf(strapi);
    const query = table();
    if (q.action) query.where('action', q.action);
    if (q.from) query.where('occurred_at', '>=', lowerBound(q.from, zone));
    if (q.to) {
      const { at, inclusive } = upperBound(q.to, zone);
      query.where('occurred_at', inclusive ? '<=' : '<', at);
    }
    return query;
  }

  async function sealedUpTo(): Promise<number> {
    const top = await strapi.db.connection(TABLES.checkpoints).max({ m: 'audit_to' }).first();
    return Number(top?.m ?? 0);
  }

  const entryOf = (r: AuditRow, sealedTo: number): AuditEntry => {
    const c = auditContentOf(r);
    return {
      seq: Number(r.seq),
      id: c.id,
      occurredAt: c.occurredAt,
      actor: { type: c.actorType, id: c.actorId, name: c.actorName },
      action: c.action,
      target: c.target,
      details: c.details,
      hash: r.hash,
      sealed: Number(r.seq) <= sealedTo,
    };
  };

  /** Newest first, a page at a time (cursor: the last seq seen). */
  async function list(q: AuditQuery & { limit: number }): Promise<AuditPage> {
    const query = filtered(q)
      .orderBy('seq', 'desc')
      .limit(q.limit + 1);
    if (q.cursor) query.where('seq', '<', q.cursor);
    const [rows, sealedTo] = await Promise.all([
      query as unknown as Promise<AuditRow[]>,
      sealedUpTo(),
    ]);
    const more = rows.length > q.limit;
    const page = rows.slice(0, q.limit);
    return {
      entries: page.map((r) => entryOf(r, sealedTo)),
      nextCursor: more ? String(page[page.length - 1].seq) : null,
      timeZone: timeZoneOf(strapi),
    };
  }

  /** Every matching entry, oldest first, read in batches (exports). */
  async function* entries(q: Omit<AuditQuery, 'cursor' | 'limit'>): AsyncGenerator<AuditEntry> {
    const sealedTo = await sealedUpTo();
    for (let after = 0; ;) {
      const rows = (await filtered(q)
        .where('seq', '>', after)
        .orderBy('seq', 'asc')
        .limit(BATCH)) as AuditRow[];
      if (!rows.length) return;
      for (const r of rows) yield entryOf(r, sealedTo);
      after = Number(rows[rows.length - 1].seq);
    }
  }

  /** Raw rows in seq order after `after` (verification). */
  const rowsAfter = (after: number, limit = BATCH) =>
    table().where('seq', '>', after).orderBy('seq', 'asc').limit(limit) as unknown as Promise<
      AuditRow[]
    >;

  /** The entries an export reads, after recording the export itself: it appears in its own file. */
  async function exportEntries(q: Omit<AuditQuery, 'cursor' | 'limit'>) {
    await record('audit.exported', null, { filters: q });
    return entries(q);
  }

  return { record, list, entries, exportEntries, rowsAfter };
};

export default auditService;

declare module '../services/registry' {
  interface PluginServices {
    audit: ReturnType<typeof auditService>;
  }
}
