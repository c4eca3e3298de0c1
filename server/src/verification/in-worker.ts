import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { CheckpointRecord } from '../../../shared/contracts';
import type { VerifiedPoint } from '../domain/verify';
import { combine, verifyShare, type HashesResult } from './hashes';
import { splitVerification, type Share } from './split';

export interface VerifyJob {
  knexPath: string;
  knexConfig: Knex.Config;
  share: Share;
}

export type VerifyAnswer = { result: HashesResult } | { error: string };

/**
 * The young generation of the worker's heap, in MB. Verification makes many
 * short-lived rows and strings; with Node's default (16 MB semi-spaces) a
 * fifth of a full verification went to scavenges. Measured in bench/results/SCALE.md.
 */
const YOUNG_GENERATION_MB = 192;

const DRIVERS: Record<string, string> = {
  sqlite: 'better-sqlite3',
  postgres: 'pg',
  mysql: 'mysql2',
};

/** knex as the app's Strapi loads it. */
function knexPath(strapi: Core.Strapi): string {
  const from = [strapi.dirs.app.root, process.cwd()];
  try {
    const database = require.resolve('@strapi/database/package.json', { paths: from });
    return require.resolve('knex', { paths: [dirname(database), ...from] });
  } catch {
    return require.resolve('knex', { paths: from });
  }
}

/**
 * The app's database settings for a second, read-only connection of one,
 * or null when they cannot be handed to a thread (a connection function, an
 * in-memory SQLite database).
 */
function workerConnection(strapi: Core.Strapi): Knex.Config | null {
  const config = strapi.db.config.connection as {
    client: string;
    connection: unknown;
    useNullAsDefault?: boolean;
  };
  const client = DRIVERS[config.client];
  if (!client || typeof config.connection !== 'object' || config.connection === null) return null;
  const connection = { ...(config.connection as Record<string, unknown>) };
  if (config.client === 'sqlite') {
    const filename = connection.filename;
    if (typeof filename !== 'string' || filename === ':memory:' || filename === '') return null;
    connection.options = { ...(connection.options as object), readonly: true };
  }
  const schema = strapi.db.getSchemaName();
  return {
    client,
    connection,
    pool: { min: 0, max: 1 },
    useNullAsDefault: true,
    ...(schema ? { searchPath: [schema] } : {}),
  } as Knex.Config;
}

const WORKER = join(__dirname, 'worker.js');

/**
 * Below this many sealed events a verification runs in the app's thread: it
 * takes well under a second, less than starting a thread and its connection.
 */
const THREADS_FROM = 200_000;

/** How many worker threads a verification of `events` uses, unless told: one per core, at most 4; 0 below THREADS_FROM. */
export const threadsFor = (events: number) =>
  events < THREADS_FROM ? 0 : Math.min(4, Math.max(1, availableParallelism()));

function inThread(strapi: Core.Strapi, job: VerifyJob): Promise<HashesResult> {
  let worker: Worker;
  try {
    worker = new Worker(WORKER, {
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  } catch (e) {
    strapi.log.warn(
      `[policy-ledger] verifying in process: no worker thread (${(e as Error).message})`,
    );
    return verifyShare(strapi.db.connection, job.share);
  }
  return new Promise<HashesResult>((resolve, reject) => {
    let answered = false;
    worker.once('message', (answer: VerifyAnswer) => {
      answered = true;
      if ('result' in answer) resolve(answer.result);
      else reject(new Error(`verification worker: ${answer.error}`));
    });
    worker.once('error', (e) => reject(e));
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`verification worker exited with code ${code}`));
    });
  });
}

/**
 * Checks the ledger's hashes in worker threads, each with its own
 * connection and a share of the checkpoints (verification/split.ts): a long
 * verification neither blocks requests nor competes with their garbage
 * collection, gets a young generation sized for it, and uses every core.
 * Falls back to the app's connection, in process, when no worker can be
 * started (a connection function, an in-memory SQLite database).
 */
export async function verifyHashesOffThread(
  strapi: Core.Strapi,
  checkpoints: readonly CheckpointRecord[],
  point: VerifiedPoint | null,
  threads = threadsFor(checkpoints.reduce((sum, cp) => sum + Number(cp.event_count), 0)),
): Promise<HashesResult & { threads: number }> {
  const knexConfig = threads > 0 ? workerConnection(strapi) : null;
  if (!knexConfig || !existsSync(WORKER)) {
    const share = { checkpoints, point, eventsTo: null, auditTo: null };
    return { ...(await verifyShare(strapi.db.connection, share)), threads: 0 };
  }
  const path = knexPath(strapi);
  const shares = splitVerification(checkpoints, point, threads);
  const results = await Promise.all(
    shares.map((share) => inThread(strapi, { knexPath: path, knexConfig, share })),
  );
  return { ...combine(results), threads: shares.length };
}
