import type { Core } from '@strapi/strapi';
import type { CheckpointRecord, TimestampReport, VerifyMismatch } from '../../../shared/contracts';
import { checkpointCanonical } from '../../../shared/proof/canonical';
import { TABLES } from '../db/tables';
import { checkpointContentOf } from '../domain/verify';
import { checkToken, timeStampRequest, tokenOfResponse } from './token';
import { iso, isUniqueViolation } from '../utils/db';
import { clock, timestampingConfig } from '../utils/plugin';

interface TokenRow {
  checkpoint_id: number;
  authority: string;
  token: string;
}

const PER_RUN = 20;
const utf8 = (s: string) => new TextEncoder().encode(s);
/** The bytes a checkpoint's token stamps: its canonical JSON (SHA-256 = the checkpoint hash). */
export const stampedBytes = (cp: CheckpointRecord) =>
  utf8(checkpointCanonical(checkpointContentOf(cp)));

/**
 * RFC 3161 time stamps on checkpoints. After each seal the newest
 * checkpoints without a token from an authority are sent to it (a token on
 * a checkpoint also vouches for every earlier one: they are chained by
 * hash); a TSA that is down or answers something that is not a valid token
 * stores nothing and is asked again next time. Never throws into the
 * sealing job.
 */
const timestampingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const settings = () => timestampingConfig(strapi);

  async function stampOne(
    authority: { name: string; url: string; trustAnchors: string },
    cp: CheckpointRecord,
  ): Promise<string | null> {
    const bytes = stampedBytes(cp);
    const { der, nonce } = timeStampRequest(cp.hash);
    let body: Uint8Array;
    try {
      const res = await fetch(authority.url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query' },
        body: Buffer.from(der),
        signal: AbortSignal.timeout(settings().timeoutMs),
      });
      if (!res.ok) return `answered HTTP ${res.status}`;
      body = new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      return `unreachable (${(e as Error).message})`;
    }
    const out = tokenOfResponse(body);
    if ('error' in out) return out.error;
    const check = await checkToken(out.token, bytes, authority.trustAnchors, nonce);
    if (!check.ok) return check.detail;
    try {
      await knex()(TABLES.timestamps).insert({
        checkpoint_id: cp.id,
        checkpoint_hash: cp.hash,
        authority: authority.name,
        token: Buffer.from(out.token).toString('base64'),
        gen_time: check.genTime,
        serial: check.serial,
        created_at: iso(clock(strapi).now()),
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // stamped meanwhile by another instance
    }
    return null;
  }

  /** Stamps up to `limit` unstamped checkpoints per authority, newest first. */
  async function stampPending(limit = PER_RUN): Promise<{ stamped: number; failed: string[] }> {
    const failed: string[] = [];
    let stamped = 0;
    for (const authority of settings().authorities) {
      const pending = (await knex()(TABLES.checkpoints)
        .whereNotExists(
          knex()(TABLES.timestamps)
            .select(knex().raw('1'))
            .whereRaw('??.?? = ??.??', [
              TABLES.timestamps,
              'checkpoint_id',
              TABLES.checkpoints,
              'id',
            ])
            .andWhere('authority', authority.name),
        )
        .orderBy('id', 'desc')
        .limit(limit)) as CheckpointRecord[];
      for (const cp of pending) {
        const problem = await stampOne(authority, cp);
        if (problem === null) {
          stamped++;
          continue;
        }
        failed.push(`${authority.name}: ${problem}`);
        strapi.log.warn(
          `[policy-ledger] time stamp of checkpoint ${cp.id} by ${authority.name} failed (${problem}); retried at the next seal`,
        );
        break; // the next run asks this authority again
      }
    }
    return { stamped, failed };
  }

  /**
   * Checks every stored token of `checkpoints` (signature, chain to the
   * configured anchors, imprint = the checkpoint's hash as stored now) and
   * which checkpoints no valid token covers past the grace period.
   */
  async function check(
    checkpoints: readonly CheckpointRecord[],
    note: (m: VerifyMismatch) => void,
  ): Promise<TimestampReport | null> {
    const { authorities, graceMinutes } = settings();
    if (!checkpoints.length) return null;
    const ids = checkpoints.map((cp) => cp.id);
    const rows: TokenRow[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      rows.push(
        ...((await knex()(TABLES.timestamps)
          .whereIn('checkpoint_id', ids.slice(i, i + 500))
          .select('checkpoint_id', 'authority', 'token')) as TokenRow[]),
      );
    }
    if (!authorities.length && !rows.length) return null;
    const byId = new Map(checkpoints.map((cp) => [cp.id, cp]));
    const anchors = new Map(authorities.map((a) => [a.name, a.trustAnchors]));
    const valid = new Set<number>();
    let invalid = 0;
    for (const row of rows) {
      const cp = byId.get(Number(row.checkpoint_id));
      if (!cp) continue;
      const r = await checkToken(
        new Uint8Array(Buffer.from(row.token, 'base64')),
        stampedBytes(cp),
        anchors.get(row.authority) ?? null,
      );
      if (r.ok) {
        valid.add(cp.id);
        continue;
      }
      invalid++;
      note({
        kind: 'timestamp',
        checkpoint: cp.id,
        reason: `the time stamp of checkpoint ${cp.id} by ${row.authority} does not hold: ${r.detail}`,
      });
    }
    // A valid token on a checkpoint vouches for it and every earlier one (hash chain).
    const now = clock(strapi).now().getTime();
    let covered = false;
    let unstamped = 0;
    let overdue = 0;
    for (const cp of [...checkpoints].sort((a, b) => b.id - a.id)) {
      if (valid.has(cp.id)) covered = true;
      if (!valid.has(cp.id)) unstamped++;
      if (!covered && authorities.length && now - Date.parse(cp.sealed_at) > graceMinutes * 60_000)
        overdue++;
    }
    if (overdue) {
      note({
        kind: 'timestamp',
        reason: `${overdue} checkpoint(s) sealed more than ${graceMinutes} minutes ago are covered by no valid time stamp: is the time-stamping authority reachable?`,
      });
    }
    return {
      authorities: authorities.map((a) => a.name),
      stamped: valid.size,
      unstamped,
      overdue,
      invalid,
    };
  }

  /** The tokens of one checkpoint, for its receipts' proofs. */
  async function tokensOf(checkpointId: number) {
    const rows = (await knex()(TABLES.timestamps)
      .where({ checkpoint_id: checkpointId })
      .orderBy('authority', 'asc')) as Array<{
      authority: string;
      gen_time: string;
      token: string;
    }>;
    return rows.map((r) => ({ authority: r.authority, genTime: r.gen_time, token: r.token }));
  }

  return { stampPending, check, tokensOf };
};

export default timestampingService;

declare module '../services/registry' {
  interface PluginServices {
    timestamping: ReturnType<typeof timestampingService>;
  }
}
