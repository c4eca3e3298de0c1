import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  CheckpointPage,
  CheckpointRecord,
  ConsistencyProof,
  LogCheckpoint,
  ProofTimestamp,
} from '../../../shared/contracts';
import { TABLES } from '../db/tables';
import { checkpointContentOf } from '../domain/verify';

/** Checkpoints read per statement for a consistency proof. */
const BATCH = 5000;

/**
 * The public checkpoint log (GET /api/policy-ledger/checkpoints…): every
 * checkpoint the sealing job wrote, in order, with the time-stamp tokens on
 * it — hashes, ranges and times only, nothing personal. Anyone can keep the
 * head and later ask for the chain from it to today's head, and check that
 * the ledger still extends the one they saw (shared/proof/chain.ts).
 */
const checkpointLogService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /**
   * The rows as the log shows them, each with its tokens. `rows` are
   * consecutive checkpoints, oldest first: their tokens come in one range
   * query on the (checkpoint, authority) index.
   */
  async function withTokens(rows: CheckpointRecord[]): Promise<LogCheckpoint[]> {
    const tokens = new Map<number, ProofTimestamp[]>();
    if (rows.length) {
      const found = (await knex()(TABLES.timestamps)
        .select('checkpoint_id', 'authority', 'gen_time', 'token')
        .whereBetween('checkpoint_id', [Number(rows[0].id), Number(rows[rows.length - 1].id)])
        .orderBy([
          { column: 'checkpoint_id', order: 'asc' },
          { column: 'authority', order: 'asc' },
        ])) as Array<{ checkpoint_id: number; authority: string; gen_time: string; token: string }>;
      for (const t of found) {
        const id = Number(t.checkpoint_id);
        const list = tokens.get(id) ?? [];
        list.push({ authority: t.authority, genTime: t.gen_time, token: t.token });
        tokens.set(id, list);
      }
    }
    return rows.map((r) => ({
      id: Number(r.id),
      hash: r.hash,
      ...checkpointContentOf(r),
      timestamps: tokens.get(Number(r.id)) ?? [],
    }));
  }

  const checkpoints = () => knex()(TABLES.checkpoints);

  return {
    /** Up to `limit` checkpoints after the one numbered `after` (0: from the first), oldest first. */
    async page(after: number, limit: number): Promise<CheckpointPage> {
      const rows = (await checkpoints()
        .where('id', '>', after)
        .orderBy('id', 'asc')
        .limit(limit + 1)) as CheckpointRecord[];
      const more = rows.length > limit;
      const list = await withTokens(rows.slice(0, limit));
      return { checkpoints: list, next: more ? list[list.length - 1].id : null };
    },

    /** The newest checkpoint, or null before the first seal. */
    async head(): Promise<LogCheckpoint | null> {
      const row = (await checkpoints().orderBy('id', 'desc').first()) as
        CheckpointRecord | undefined;
      return row ? (await withTokens([row]))[0] : null;
    },

    /**
     * The chain from the checkpoint whose hash is `from` to the one whose
     * hash is `to` (default: the head). A hash the log does not hold (any
     * more) is a NotFoundError naming it: for whoever kept it, the ledger
     * was rewritten or is another one.
     */
    async consistency(from: string, to?: string): Promise<ConsistencyProof> {
      const byHash = async (hash: string, field: 'from' | 'to') => {
        const row = (await checkpoints().where({ hash }).orderBy('id', 'asc').first()) as
          CheckpointRecord | undefined;
        if (!row) {
          throw new errors.NotFoundError(
            `This ledger holds no checkpoint with hash ${hash} (${field}): if you kept it from this ledger, its history was rewritten since`,
            { [field]: hash },
          );
        }
        return row;
      };
      const start = await byHash(from, 'from');
      const end = to
        ? await byHash(to, 'to')
        : ((await checkpoints().orderBy('id', 'desc').first()) as CheckpointRecord);
      if (Number(end.id) < Number(start.id)) {
        throw new errors.ValidationError('`to` is older than `from`', {
          errors: [{ path: ['to'], message: 'must be a checkpoint after `from`' }],
        });
      }
      const rows: CheckpointRecord[] = [];
      for (let after = Number(start.id); ;) {
        const batch = (await checkpoints()
          .where('id', '>', after)
          .andWhere('id', '<=', Number(end.id))
          .orderBy('id', 'asc')
          .limit(BATCH)) as CheckpointRecord[];
        rows.push(...batch);
        if (batch.length < BATCH) break;
        after = Number(batch[batch.length - 1].id);
      }
      const [head, ...chain] = await withTokens([start, ...rows]);
      return { from: head, chain };
    },
  };
};

export default checkpointLogService;

declare module './registry' {
  interface PluginServices {
    'checkpoint-log': ReturnType<typeof checkpointLogService>;
  }
}
