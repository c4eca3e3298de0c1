import type { Core } from '@strapi/strapi';
import type { CheckpointRecord, VerifyMode, VerifyResult } from '../../../shared/contracts';
import { TABLES } from '../db/tables';
import { verificationHash, type VerificationRecord } from '../domain/verification-record';
import { auditRangeOf, type VerifiedPoint } from '../domain/verify';
import { iso, isUniqueViolation } from '../utils/db';
import { getService } from '../utils/get-service';
import { clock } from '../utils/plugin';
import { subjectSecret } from '../utils/subjects';
import { verifyHashesOffThread } from './in-worker';

const n = (v: unknown) => Number(v);

interface RecordRow {
  id: number;
  kind: VerificationRecord['kind'];
  checkpoint_id: number;
  checkpoint_hash: string;
  seq_to: number;
  audit_to: number;
  events: number;
  verified_at: string;
  prev_hash: string | null;
  hash: string;
}

const recordOf = (r: RecordRow): VerificationRecord => ({
  kind: r.kind,
  checkpointId: n(r.checkpoint_id),
  checkpointHash: r.checkpoint_hash,
  seqTo: n(r.seq_to),
  auditTo: n(r.audit_to),
  events: n(r.events),
  verifiedAt: r.verified_at,
  prevHash: r.prev_hash,
});

/**
 * Verification of the ledger (domain/verify.ts): full — every event, audit
 * entry and checkpoint from the first — or incremental — from where the
 * last successful verification ended, in time proportional to what is new.
 * Each success is recorded (chained, HMAC'd with the plugin's secret); an
 * incremental run starts from the latest record only if the record and the
 * checkpoint it names are intact, else it verifies everything. The hashes
 * are checked in a worker thread (verification/in-worker.ts).
 */
const verificationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const secret = () => subjectSecret(strapi);

  /** The latest record, if it and its checkpoint are intact; else why not. */
  async function startingPoint(): Promise<{ point: VerifiedPoint | null; note: string | null }> {
    const row = (await knex()(TABLES.verifications).orderBy('id', 'desc').first()) as
      RecordRow | undefined;
    if (!row) return { point: null, note: 'no earlier verification: verified everything' };
    const record = recordOf(row);
    if (verificationHash(record, secret()) !== row.hash) {
      return {
        point: null,
        note: `verification record ${row.id} does not match its hash: verified everything`,
      };
    }
    const cp = (await knex()(TABLES.checkpoints).where({ id: record.checkpointId }).first()) as
      CheckpointRecord | undefined;
    if (!cp || cp.hash !== record.checkpointHash) {
      return {
        point: null,
        note: `checkpoint ${record.checkpointId} changed since it was verified: verified everything`,
      };
    }
    return {
      point: {
        checkpointId: record.checkpointId,
        checkpointHash: record.checkpointHash,
        seqTo: record.seqTo,
        auditTo: record.auditTo,
      },
      note: null,
    };
  }

  async function remember(kind: VerifyMode, last: CheckpointRecord, events: number) {
    const prev = (await knex()(TABLES.verifications).orderBy('id', 'desc').first('hash')) as
      { hash: string } | undefined;
    const audit = auditRangeOf(last);
    const previousAuditTo = async () => {
      const top = await knex()(TABLES.checkpoints)
        .where('id', '<=', last.id)
        .max({ m: 'audit_to' })
        .first();
      return n(top?.m ?? 0);
    };
    const record: VerificationRecord = {
      kind,
      checkpointId: last.id,
      checkpointHash: last.hash,
      seqTo: n(last.seq_to),
      auditTo: audit ? audit.to : await previousAuditTo(),
      events,
      verifiedAt: iso(clock(strapi).now()),
      prevHash: prev?.hash ?? null,
    };
    try {
      await knex()(TABLES.verifications).insert({
        kind: record.kind,
        checkpoint_id: record.checkpointId,
        checkpoint_hash: record.checkpointHash,
        seq_to: record.seqTo,
        audit_to: record.auditTo,
        events: record.events,
        verified_at: record.verifiedAt,
        prev_hash: record.prevHash,
        hash: verificationHash(record, secret()),
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // a concurrent verification recorded first
    }
  }

  /**
   * Verifies the ledger: `full` from the first checkpoint, `incremental`
   * from the last verified one. Names the first thing that does not match.
   */
  async function verify(
    mode: VerifyMode = 'full',
    { consistency = true, threads }: { consistency?: boolean; threads?: number } = {},
  ): Promise<VerifyResult> {
    const { point, note } =
      mode === 'incremental' ? await startingPoint() : { point: null, note: null };
    const checkpoints = (await knex()(TABLES.checkpoints)
      .where('id', '>', point?.checkpointId ?? 0)
      .orderBy('id', 'asc')) as CheckpointRecord[];
    const hashes = await verifyHashesOffThread(strapi, checkpoints, point, threads);
    let firstMismatch = hashes.firstMismatch;
    const timestamps = await getService(strapi, 'timestamping').check(checkpoints, (m) => {
      firstMismatch ??= m;
    });
    const ok = firstMismatch === null;
    const { events, auditEntries } = hashes;
    const last =
      checkpoints[checkpoints.length - 1] ??
      ((await getService(strapi, 'integrity').latestCheckpoint()) as CheckpointRecord | null);
    if (ok && checkpoints.length) await remember(mode, checkpoints[checkpoints.length - 1], events);
    const consistencyReport = consistency
      ? await getService(strapi, 'consistency').check(point ? 'incremental' : 'full', {
          afterSeq: point?.seqTo ?? 0,
        })
      : null;
    return {
      ok,
      timestamps,
      consistency: consistencyReport,
      mode: point ? 'incremental' : 'full',
      note,
      since: point ? { checkpoint: point.checkpointId, seqTo: point.seqTo } : null,
      events,
      auditEntries,
      checkpoints: checkpoints.length,
      threads: hashes.threads,
      firstMismatch,
      latestCheckpoint: last
        ? { hash: last.hash, seqTo: n(last.seq_to), sealedAt: last.sealed_at }
        : null,
    };
  }

  /** A verification recorded in the audit trail (by whoever asks: an admin, or the job). */
  async function verifyNow(...args: Parameters<typeof verify>): Promise<VerifyResult> {
    const result = await verify(...args);
    await getService(strapi, 'audit').record('ledger.verified', null, summaryOf(result));
    return result;
  }

  /** The scheduled full verification: once per period across instances, recorded in the audit trail. */
  async function runVerifyJob(): Promise<VerifyResult | null> {
    const period = iso(clock(strapi).now()).slice(0, 10);
    if (!(await getService(strapi, 'integrity').claim('verify', period))) return null;
    const result = await verifyNow('full');
    if (!result.ok) {
      strapi.log.error(
        `[policy-ledger] scheduled verification failed: ${result.firstMismatch?.reason ?? 'unknown'}`,
      );
    }
    if (result.consistency && !result.consistency.ok) {
      const c = result.consistency;
      strapi.log.error(
        `[policy-ledger] the reports drifted from the ledger: ${[...(c.counters?.mismatches ?? []), ...c.subjectStates.mismatches].join('; ')}`,
      );
    }
    return result;
  }

  return { verify, verifyNow, runVerifyJob };
};

/** What the audit trail keeps of a verification. */
const summaryOf = (r: VerifyResult) => ({
  mode: r.mode,
  ok: r.ok,
  consistent: r.consistency?.ok ?? null,
  events: r.events,
  auditEntries: r.auditEntries,
  checkpoints: r.checkpoints,
  firstMismatch: r.firstMismatch?.reason ?? null,
});

export default verificationService;

declare module '../services/registry' {
  interface PluginServices {
    verification: ReturnType<typeof verificationService>;
  }
}
