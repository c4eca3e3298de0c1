import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type {
  CheckpointRecord,
  ConsentRecord27560,
  EvidenceDecision,
  EvidencePack,
  LogCheckpoint,
  ReceiptProof,
} from '../../../shared/contracts';
import { noticeBefore, verificationOf } from '../../../shared/proof/pack';
import { TABLES } from '../db/tables';
import { contentOfRow, type EventRow } from '../db/event-row';
import { heldOn } from '../db/held';
import { inclusionPaths } from '../domain/merkle';
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

/** The checkpoint (of `sealing`, in order, each sealing events) whose range holds `seq`. */
function containing(sealing: LogCheckpoint[], seq: number): LogCheckpoint | undefined {
  let lo = 0;
  let hi = sealing.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sealing[mid].seqTo < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  const cp = sealing[lo];
  return cp && cp.seqFrom <= seq ? cp : undefined;
}

/** Checkpoints in read groups: at most 200 ranges and about 50,000 events per statement. */
function* groups(checkpoints: LogCheckpoint[]): Generator<LogCheckpoint[]> {
  let group: LogCheckpoint[] = [];
  let events = 0;
  for (const cp of checkpoints) {
    if (group.length && (group.length >= 200 || events + cp.count > 50_000)) {
      yield group;
      group = [];
      events = 0;
    }
    group.push(cp);
    events += cp.count;
  }
  if (group.length) yield group;
}

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

  /**
   * The inclusion proof of each row. `chain` holds every checkpoint from the
   * oldest that seals one of the rows to the head, in order. The events of
   * the checkpoints that seal the rows are read in a few statements (many
   * ranges each), and each tree is hashed once, however many rows it seals.
   */
  async function proofsOf(
    rows: EventRow[],
    chain: LogCheckpoint[],
  ): Promise<Map<string, ReceiptProof>> {
    const out = new Map<string, ReceiptProof>();
    const sealing = chain.filter((c) => c.count > 0);
    const lag = pluginConfig(strapi).jobs.sealLagSeconds;
    const byCheckpoint = new Map<LogCheckpoint, EventRow[]>();
    for (const row of rows) {
      const cp = containing(sealing, Number(row.seq));
      if (!cp) {
        out.set(row.event_id, {
          status: 'pending',
          event: { id: row.event_id, hash: row.hash },
          availableAfter: proofAvailableAfter(row.occurred_at, lag),
        });
      } else byCheckpoint.set(cp, [...(byCheckpoint.get(cp) ?? []), row]);
    }
    for (const group of groups([...byCheckpoint.keys()])) {
      const range = (await knex()(TABLES.events)
        .select('seq', 'hash')
        .where((q) => {
          for (const cp of group) q.orWhereBetween('seq', [cp.seqFrom, cp.seqTo]);
        })
        .orderBy('seq', 'asc')) as Array<{ seq: number | string; hash: string }>;
      let at = 0;
      for (const cp of group) {
        const hashes: string[] = [];
        const indexOf = new Map<number, number>();
        for (; at < range.length && Number(range[at].seq) <= cp.seqTo; at++) {
          indexOf.set(Number(range[at].seq), hashes.length);
          hashes.push(range[at].hash);
        }
        const sealed = byCheckpoint.get(cp) as EventRow[];
        const leaves = sealed.map((row) => indexOf.get(Number(row.seq)) ?? -1);
        const paths = inclusionPaths(
          hashes,
          leaves.filter((i) => i >= 0),
        );
        const { id: _id, timestamps, ...checkpoint } = cp;
        let p = 0;
        sealed.forEach((row, i) => {
          out.set(row.event_id, {
            status: 'sealed',
            event: { id: row.event_id, hash: row.hash },
            leafIndex: leaves[i],
            auditPath: leaves[i] >= 0 ? paths[p++] : [],
            checkpoint,
            timestamps,
          });
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
      const proofs = await proofsOf(
        rows,
        checkpoints ? [checkpoints.from, ...checkpoints.chain] : [],
      );
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
