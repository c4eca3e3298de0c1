import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CheckpointRecord, ReceiptProofResult } from '../../../shared/contracts';
import { TABLES } from '../db/tables';
import { inclusionPath } from '../domain/merkle';
import { checkpointContentOf } from '../domain/verify';
import { proofAvailableAfter } from '../ledger/receipts';
import { getService } from '../utils/get-service';
import { pluginConfig } from '../utils/plugin';

/**
 * Inclusion proofs for receipts (GET /api/policy-ledger/receipts/:id/proof):
 * an event's hash, its audit path to the root of the checkpoint that seals
 * it, that checkpoint (chained to its predecessor) and its time-stamp tokens.
 * Nothing personal: the event's content stays on the person's receipt.
 */
const receiptProofsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  async function proof(eventId: string): Promise<ReceiptProofResult> {
    const event = (await knex()(TABLES.events)
      .where({ event_id: eventId })
      .first('seq', 'hash', 'occurred_at')) as
      { seq: number | string; hash: string; occurred_at: string } | undefined;
    if (!event) throw new errors.NotFoundError(`No event with id "${eventId}"`, { id: eventId });
    const seq = Number(event.seq);
    const cp = (await knex()(TABLES.checkpoints)
      .where('seq_from', '<=', seq)
      .andWhere('seq_to', '>=', seq)
      .first()) as CheckpointRecord | undefined;
    if (!cp) {
      return {
        status: 'pending',
        event: { id: eventId, hash: event.hash },
        availableAfter: proofAvailableAfter(
          event.occurred_at,
          pluginConfig(strapi).jobs.sealLagSeconds,
        ),
      };
    }
    const range = (await knex()(TABLES.events)
      .select('seq', 'hash')
      .whereBetween('seq', [Number(cp.seq_from), Number(cp.seq_to)])
      .orderBy('seq', 'asc')) as Array<{ seq: number | string; hash: string }>;
    const leafIndex = range.findIndex((r) => Number(r.seq) === seq);
    return {
      status: 'sealed',
      event: { id: eventId, hash: event.hash },
      leafIndex,
      auditPath: inclusionPath(
        range.map((r) => r.hash),
        leafIndex,
      ),
      checkpoint: { hash: cp.hash, ...checkpointContentOf(cp) },
      timestamps: await getService(strapi, 'timestamping').tokensOf(cp.id),
    };
  }

  return { proof };
};

export default receiptProofsService;

declare module './registry' {
  interface PluginServices {
    'receipt-proofs': ReturnType<typeof receiptProofsService>;
  }
}
