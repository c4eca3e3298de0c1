import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './config';
import { getService } from './utils/get-service';
import { pluginConfig } from './utils/plugin';

/** Names of the plugin's jobs in Strapi's cron. */
export const JOBS = {
  seal: 'policyLedgerSeal',
  retention: 'policyLedgerRetention',
  verify: 'policyLedgerVerify',
  mail: 'policyLedgerMail',
} as const;

/**
 * Sealing, retention and the full verification run on every instance's cron and claim each period in
 * the database, so each period runs once across instances. Strapi starts its
 * cron whatever `server.cron.enabled` says: that flag only gates the app's own
 * `server.cron.tasks`, and a stock app leaves it false. Tamper evidence must
 * not depend on it, so the jobs follow the plugin's own switch, `jobs.enabled`
 * (on by default).
 */
export function scheduleJobs(
  strapi: Core.Strapi,
  jobs: PluginConfig['jobs'] = pluginConfig(strapi).jobs,
): void {
  if (!jobs.enabled) return;
  const guarded = (name: string, run: () => Promise<unknown>) => async () => {
    try {
      await run();
    } catch (e) {
      strapi.log.error(`[policy-ledger] ${name} job failed: ${(e as Error).message}`);
    }
  };
  strapi.cron.add({
    [JOBS.seal]: {
      task: guarded('seal', () => getService(strapi, 'integrity').runSealJob()),
      options: { rule: jobs.seal },
    },
    [JOBS.retention]: {
      task: guarded('retention', () => getService(strapi, 'retention').runRetentionJob()),
      options: { rule: jobs.retention },
    },
    [JOBS.mail]: {
      task: guarded('mail', async () => {
        await getService(strapi, 'notices').run();
        await getService(strapi, 'mailer').flush();
      }),
      options: { rule: jobs.mail },
    },
    [JOBS.verify]: {
      task: guarded('verify', () => getService(strapi, 'verification').runVerifyJob()),
      options: { rule: jobs.verify },
    },
  });
}
