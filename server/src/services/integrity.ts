import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { checkpointHash } from '../domain/canonical';
import { sealHealth } from '../domain/seal-health';
import { merkleRoot } from '../domain/merkle';
import { JOBS } from '../jobs';
import { TABLES } from '../db/tables';
import { iso, isUniqueViolation } from '../utils/db';
import { clock, pluginConfig } from '../utils/plugin';
import { getService } from '../utils/get-service';
import { WEBHOOK_EVENTS } from '../webhooks/events';
import { announceInForce } from '../webhooks/in-force';
import { foldCheckStates } from '../consents/state-catch-up';
import type { CheckpointRecord, CheckpointSummary, SealStatus } from '../../../shared/contracts';

/** Where the next checkpoint's audit range starts (1 after checkpoints older than the audit trail). */
const nextAuditFrom = (last: CheckpointRecord | null): number => {
  if (!last || last.audit_from === null || last.audit_from === undefined) return 1;
  return Number(last.audit_count) > 0 ? Number(last.audit_to) + 1 : Number(last.audit_from);
};

const summaryOf = (cp: CheckpointRecord | null | undefined): CheckpointSummary | null =>
  cp ? { hash: cp.hash, seqTo: Number(cp.seq_to), sealedAt: cp.sealed_at } : null;

const n = (v: unknown) => Number(v);

const integrityService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const instance = `${os.hostname()}:${process.pid}`;

  /** Claims `job` for `period` across every instance sharing the database; false if another got it. */
  async function claim(job: string, period: string): Promise<boolean> {
    try {
      await knex()(TABLES.claims).insert({
        job,
        period,
        claimed_at: iso(clock(strapi).now()),
        claimed_by: instance,
      });
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  }

  async function latestCheckpoint(): Promise<CheckpointRecord | null> {
    // Each checkpoint is written after its predecessor: the highest id is the head of the chain.
    return (
      ((await knex()(TABLES.checkpoints).orderBy('id', 'desc').first()) as
        CheckpointRecord | undefined) ?? null
    );
  }

  /** The highest seq of `table` from `from` on, among rows older than the cutoff; null if none. */
  async function topOf(table: string, from: number, cutoff: string): Promise<number | null> {
    const top = await knex()(table)
      .where('seq', '>=', from)
      .andWhere('occurred_at', '<=', cutoff)
      .max({ m: 'seq' })
      .first();
    return top?.m === null || top?.m === undefined ? null : n(top.m);
  }

  const hashesOf = async (table: string, from: number, to: number) =>
    (
      (await knex()(table)
        .select('hash')
        .whereBetween('seq', [from, to])
        .orderBy('seq', 'asc')) as Array<{ hash: string }>
    ).map((r) => r.hash);

  /**
   * Seals the events and audit entries appended since the last checkpoint
   * (older than the lag, so in-flight transactions are not cut) into a
   * checkpoint chained to the previous one. Returns null when there is
   * nothing to seal or another sealer won the race (the unique start lets
   * only one write).
   */
  async function seal(): Promise<CheckpointRecord | null> {
    const now = clock(strapi).now();
    const last = await latestCheckpoint();
    const from = last ? n(last.seq_to) + 1 : 1;
    const auditFrom = nextAuditFrom(last);
    const cutoff = iso(new Date(now.getTime() - pluginConfig(strapi).jobs.sealLagSeconds * 1000));
    const [to, auditTo] = await Promise.all([
      topOf(TABLES.events, from, cutoff),
      topOf(TABLES.audit, auditFrom, cutoff),
    ]);
    if (to === null && auditTo === null) return null;
    const hashes = to === null ? [] : await hashesOf(TABLES.events, from, to);
    const auditHashes = auditTo === null ? [] : await hashesOf(TABLES.audit, auditFrom, auditTo);
    const audit =
      auditTo === null
        ? undefined
        : {
            from: auditFrom,
            to: auditTo,
            count: auditHashes.length,
            root: merkleRoot(auditHashes),
          };
    const content = {
      seqFrom: from,
      seqTo: to ?? from - 1,
      count: hashes.length,
      root: merkleRoot(hashes),
      prevHash: last?.hash ?? null,
      sealedAt: iso(now),
      audit,
    };
    const row = {
      seq_from: content.seqFrom,
      seq_to: content.seqTo,
      event_count: content.count,
      root: content.root,
      prev_hash: content.prevHash,
      hash: checkpointHash(content),
      sealed_at: content.sealedAt,
      audit_from: auditFrom,
      audit_to: audit?.to ?? null,
      audit_count: audit?.count ?? 0,
      audit_root: audit?.root ?? null,
    };
    try {
      await knex()(TABLES.checkpoints).insert(row);
    } catch (e) {
      if (isUniqueViolation(e)) return null;
      throw e;
    }
    const saved = (await knex()(TABLES.checkpoints)
      .where({ seq_from: from, audit_from: auditFrom })
      .first()) as CheckpointRecord;
    strapi.eventHub.emit(WEBHOOK_EVENTS.POLICY_LEDGER_CHECKPOINT, {
      checkpoint: {
        hash: saved.hash,
        seqFrom: n(saved.seq_from),
        seqTo: n(saved.seq_to),
        count: n(saved.event_count),
        sealedAt: saved.sealed_at,
      },
    });
    return saved;
  }

  /** The sealing job's turn: once per minute across instances. */
  async function runSealJob(): Promise<CheckpointRecord | null> {
    const period = iso(clock(strapi).now()).slice(0, 16);
    if (!(await claim('seal', period))) return null;
    return sealNow('job');
  }

  /**
   * Seals now, and everything that follows a seal: time stamps on the new
   * checkpoints, the people counts, the states consent checks read, editions
   * that came into force announced; an admin's seal is recorded in the audit
   * trail. One call for the job and
   * the admin route alike.
   */
  async function sealNow(trigger: 'job' | 'admin'): Promise<CheckpointRecord | null> {
    const checkpoint = await seal();
    // Time stamps never hold up the seal or the counts: what fails is asked again next time.
    await getService(strapi, 'timestamping')
      .stampPending()
      .catch((e: Error) => strapi.log.warn(`[policy-ledger] time stamping failed: ${e.message}`));
    await getService(strapi, 'people-counts').catchUp();
    await foldCheckStates(strapi);
    await announceInForce(strapi, clock(strapi).now()).catch((e: Error) =>
      strapi.log.warn(`[policy-ledger] could not announce editions in force: ${e.message}`),
    );
    if (trigger === 'admin') {
      await getService(strapi, 'audit').record('ledger.sealed', null, {
        checkpoint: checkpoint?.hash ?? null,
        seqTo: checkpoint ? Number(checkpoint.seq_to) : null,
      });
    }
    return checkpoint;
  }

  /** Seconds between two runs of this instance's sealing job; 60 when it does not run here. */
  function sealPeriodSeconds(): number {
    const spec = strapi.cron.jobs.find((j: { name?: string | null }) => j.name === JOBS.seal) as
      { job: { nextRuns?: (n: number) => Date[] } } | undefined;
    const runs = spec?.job.nextRuns?.(2) ?? [];
    return runs.length === 2
      ? Math.max(1, Math.round((runs[1].getTime() - runs[0].getTime()) / 1000))
      : 60;
  }

  /** How far sealing lags: unsealed events, the age of the oldest, and whether that is overdue. */
  async function sealStatus(): Promise<SealStatus> {
    const { jobs } = pluginConfig(strapi);
    const last = await latestCheckpoint();
    const from = last ? n(last.seq_to) + 1 : 1;
    const [count, oldest] = await Promise.all([
      knex()(TABLES.events).where('seq', '>=', from).count({ c: '*' }).first(),
      knex()(TABLES.events).where('seq', '>=', from).orderBy('seq', 'asc').first('occurred_at'),
    ]);
    const periodSeconds = sealPeriodSeconds();
    const health = sealHealth({
      now: clock(strapi).now(),
      jobsEnabled: jobs.enabled,
      sealLagSeconds: jobs.sealLagSeconds,
      periodSeconds,
      unsealed: n(count?.c ?? 0),
      oldestUnsealedAt: oldest?.occurred_at ? new Date(oldest.occurred_at) : null,
    });
    return {
      ...health,
      jobs: {
        enabled: jobs.enabled,
        seal: jobs.seal,
        sealLagSeconds: jobs.sealLagSeconds,
        periodSeconds,
      },
      latestCheckpoint: summaryOf(last),
    };
  }

  return { claim, seal, sealNow, runSealJob, latestCheckpoint, sealStatus };
};

export default integrityService;

declare module './registry' {
  interface PluginServices {
    integrity: ReturnType<typeof integrityService>;
  }
}
