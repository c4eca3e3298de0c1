/**
 * The verification worker's entry (a worker thread, started by
 * verification/in-worker.ts): opens its own connection with the app's
 * database settings, checks the hashes, answers once and exits. Nothing of
 * Strapi is loaded here.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { Knex } from 'knex';
import { verifyShare } from './hashes';
import type { VerifyJob, VerifyAnswer } from './in-worker';

async function run(job: VerifyJob): Promise<VerifyAnswer> {
  // The knex the app's Strapi uses, found by the main thread.
  const knexModule = (await import(pathToFileURL(job.knexPath).href)) as {
    default: (c: Knex.Config) => Knex;
  };
  const knex = knexModule.default(job.knexConfig);
  try {
    return { result: await verifyShare(knex, job.share) };
  } catch (e) {
    return { error: String((e as Error)?.stack ?? e) };
  } finally {
    await knex.destroy();
  }
}

if (parentPort && workerData) {
  const port = parentPort;
  void run(workerData as VerifyJob).then((answer) => port.postMessage(answer));
}
