import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type {
  CheckpointRecord,
  ConsentRecord27560,
  EvidenceDecision,
  EvidencePack,
  ProofTimestamp,
  ReceiptProof,
} from '../../../shared/contracts';
import { noticeBefore, verificationOf } from '../../../shared/proof/pack';
import { TABLES } from '../db/tables';
import { contentOfRow, type EventRow } from '../db/event-row';
import { heldOn } from '../db/held';
import { inclusionPath } from '../domain/merkle';
import { checkpointContentOf } from '../domain/verify';
import { proofAvailableAfter } from '../ledger/receipts';
import { getService } from '../utils/get-service';
import { clock, pluginConfig } from '../utils/plugin';

const EVENT_TYPE = {
  granted: 'given',
  implied: 'given',
  denied: 'refused',
  withdrawn: 'withdrawn',
  notified: 'notified',
  linked: 'linked',
  unlinked: 'unlinked',
} as const;

/**
 * Evidence packs (admin → People, GET /subjects/evidence-pack): one file
 * with everything about one person's consent that anyone can check offline
 * (shared/proof/pack.ts): the entries as hashed, how each was verified, the
 * texts decided on, an inclusion proof per sealed entry, the checkpoint chain
 * from the oldest of their checkpoints to the head with its tokens, an
 * ISO/IEC TS 27560-shaped record, and what the access export holds.
 */
const evidencePacksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** The inclusion proof of each row: each checkpoint's range read once, whatever number of rows it seals. */
  async function proofsOf(
    rows: EventRow[],
    tokensOf: Map<string, ProofTimestamp[]>,
  ): Promise<Map<string, ReceiptProof>> {
    const out = new Map<string, ReceiptProof>();
    if (!rows.length) return out;
    const seqs = rows.map((r) => Number(r.seq));
    const checkpoints = (await knex()(TABLES.checkpoints)
      .where('seq_to', '>=', Math.min(...seqs))
      .andWhere('seq_from', '<=', Math.max(...seqs))
      .andWhere('event_count', '>', 0)
      .orderBy('seq_from', 'asc')) as CheckpointRecord[];
    const lag = pluginConfig(strapi).jobs.sealLagSeconds;
    const byCheckpoint = new Map<CheckpointRecord, EventRow[]>();
    for (const row of rows) {
      const seq = Number(row.seq);
      const cp = checkpoints.find((c) => Number(c.seq_from) <= seq && seq <= Number(c.seq_to));
      if (!cp) {
        out.set(row.event_id, {
          status: 'pending',
          event: { id: row.event_id, hash: row.hash },
          availableAfter: proofAvailableAfter(row.occurred_at, lag),
        });
      } else byCheckpoint.set(cp, [...(byCheckpoint.get(cp) ?? []), row]);
    }
    for (const [cp, sealed] of byCheckpoint) {
      const range = (await knex()(TABLES.events)
        .select('seq', 'hash')
        .whereBetween('seq', [Number(cp.seq_from), Number(cp.seq_to)])
        .orderBy('seq', 'asc')) as Array<{ seq: number | string; hash: string }>;
      const hashes = range.map((r) => r.hash);
      const indexOf = new Map(range.map((r, i) => [Number(r.seq), i]));
      for (const row of sealed) {
        const leafIndex = indexOf.get(Number(row.seq)) ?? -1;
        out.set(row.event_id, {
          status: 'sealed',
          event: { id: row.event_id, hash: row.hash },
          leafIndex,
          auditPath: leafIndex >= 0 ? inclusionPath(hashes, leafIndex) : [],
          checkpoint: { hash: cp.hash, ...checkpointContentOf(cp) },
          timestamps: tokensOf.get(cp.hash) ?? [],
        });
      }
    }
    return out;
  }

  return {
    /** The evidence pack of the person with this identifier (every identifier linked to it included). */
    async pack(identifier: string): Promise<EvidencePack> {
      const access = await getService(strapi, 'subjects').exportSubject(identifier);
      const rows = (await heldOn(knex(), access.identities)).events;
      // The oldest checkpoint that seals one of the entries, and the chain from it to the head.
      const first = rows.length
        ? ((await knex()(TABLES.checkpoints)
            .where('seq_to', '>=', Number(rows[0].seq))
            .andWhere('event_count', '>', 0)
            .orderBy('seq_from', 'asc')
            .first()) as CheckpointRecord | undefined)
        : undefined;
      const checkpoints = first
        ? await getService(strapi, 'checkpoint-log').consistency(first.hash)
        : null;
      const tokensOf = new Map(
        (checkpoints ? [checkpoints.from, ...checkpoints.chain] : []).map((c) => [
          c.hash,
          c.timestamps,
        ]),
      );
      const proofs = await proofsOf(rows, tokensOf);
      const entries = rows.map((row) => ({ event: contentOfRow(row), hash: row.hash, row }));
      const decisions: EvidenceDecision[] = entries.map(({ event, hash, row }, i) => ({
        event,
        hash,
        seq: Number(row.seq),
        verification: verificationOf(event, noticeBefore(entries, i)),
        proof: proofs.get(event.id) as ReceiptProof,
      }));
      const snap = decisions.length
        ? await getService(strapi, 'catalog').snapshot(decisions[0].event.policy)
        : null;
      const record: ConsentRecord27560 = {
        schema: 'ISO/IEC TS 27560:2023',
        recordId: randomUUID(),
        piiPrincipalId: access.subject,
        piiController: { name: null, contact: snap?.operatorEmail ?? null },
        events: decisions.map(({ event: e, verification }) => ({
          eventId: e.id,
          eventType: EVENT_TYPE[e.action],
          eventTime: e.occurredAt,
          implicit: verification.kind === 'continued-use',
          notice: {
            policy: e.policy,
            version: e.version,
            language: e.locale,
            contentHash: e.contentHash,
          },
          purposes: Object.entries(e.purposes).map(([purpose, consented]) => ({
            purpose,
            consented: consented === true,
          })),
          collectionMethod: e.method,
          form: e.form,
          verification: verification.kind,
        })),
      };
      return {
        format: 'policy-ledger-evidence/1',
        generatedAt: clock(strapi).now().toISOString(),
        subject: access.subject,
        identities: access.identities,
        decisions,
        texts: access.texts,
        checkpoints,
        record,
        access,
      };
    },
  };
};

export default evidencePacksService;

declare module './registry' {
  interface PluginServices {
    'evidence-packs': ReturnType<typeof evidencePacksService>;
  }
}
