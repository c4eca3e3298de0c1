import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, PUBLIC_ACTIONS } from './constants';
import { subjectSecret } from './utils/subjects';
import { scheduleJobs } from './jobs';
import { getService } from './utils/get-service';
import { configureEditionLayout } from './content-manager-layout';
import { registerWebhookEvents } from './webhooks/events';
import { durabilityOf } from './db/durability';
import { backfillIdentifiers } from './db/identifier-backfill';
import { foldCheckStates } from './consents/state-catch-up';
import { pluginConfig } from './utils/plugin';
import { RBAC } from '../../shared/rbac';

async function registerRbacActions(strapi: Core.Strapi) {
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(
      Object.values(RBAC).map((a) => ({ ...a, section: 'plugins', pluginName: PLUGIN_ID })),
    );
}

/**
 * On the first boot only, the Public role gets the four public policy routes.
 * A flag in the plugin store remembers it, so an admin who later revokes one
 * does not see it come back.
 */
async function grantPublicPermissions(strapi: Core.Strapi, role: { id: number }) {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  // Remembers which actions were ever granted, so a new release of the plugin
  // grants its new public actions once and a revoked one stays revoked.
  const stored = await store.get({ key: 'public-permissions-granted' });
  const granted = new Set<string>(
    Array.isArray(stored) ? stored : stored === true ? PUBLIC_ACTIONS.slice(0, 4) : [],
  );
  const toGrant = PUBLIC_ACTIONS.filter((a) => !granted.has(a));
  if (toGrant.length === 0) return;
  const existing = (await strapi.db.query('plugin::users-permissions.permission').findMany({
    where: { role: { id: role.id }, action: { $in: [...PUBLIC_ACTIONS] } },
  })) as Array<{ action: string }>;
  for (const action of toGrant) {
    if (existing.some((p) => p.action === action)) continue;
    await strapi
      .documents('plugin::users-permissions.permission')
      .create({ data: { action, role: role.id } as never });
  }
  await store.set({ key: 'public-permissions-granted', value: [...granted, ...toGrant] });
}

/**
 * users-permissions bootstraps after this plugin and creates its roles on the
 * first boot: grant when the Public role appears, or now if it exists.
 */
async function grantPublicPermissionsOnFirstBoot(strapi: Core.Strapi) {
  if (!strapi.plugin('users-permissions')) return;
  const ROLE = 'plugin::users-permissions.role';
  const role = await strapi.db.query(ROLE).findOne({ where: { type: 'public' } });
  if (role) return grantPublicPermissions(strapi, role);
  strapi.db.lifecycles.subscribe({
    models: [ROLE],
    async afterCreate(event) {
      const created = event.result as { id: number; type?: string } | undefined;
      if (created?.type === 'public') await grantPublicPermissions(strapi, created);
    },
  });
}

/**
 * PostgreSQL: the ledger is append-only, so autovacuum must be triggered by
 * inserts (PG 13+), not only by updates and deletes, or index-only scans and
 * counts slow down under a stream of fresh, unvacuumed rows. The counters are
 * updated in place on every append. Idempotent; runs at every boot.
 */
async function tuneAutovacuum(strapi: Core.Strapi) {
  if (strapi.db.dialect.client !== 'postgres') return;
  const settings: Record<string, string> = {
    policy_ledger_events:
      'autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.01',
    policy_ledger_evidence:
      'autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0.01',
    policy_ledger_subject_state:
      'autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02',
    policy_ledger_counters:
      'autovacuum_vacuum_scale_factor = 0.05, autovacuum_vacuum_threshold = 1000',
  };
  for (const [table, options] of Object.entries(settings)) {
    try {
      await strapi.db.connection.raw(`ALTER TABLE ?? SET (${options})`, [table]);
    } catch (e) {
      strapi.log.warn(
        `[policy-ledger] could not set autovacuum options on ${table}: ${(e as Error).message}`,
      );
    }
  }
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await tuneAutovacuum(strapi);
  await durabilityOf(strapi); // SQLite with durability 'full': synchronous = FULL from now on
  subjectSecret(strapi); // refuses to boot outside development without a secret
  await getService(strapi, 'limits').init(); // the table the abuse limits count in
  await registerRbacActions(strapi);
  await grantPublicPermissionsOnFirstBoot(strapi);
  await configureEditionLayout(strapi).catch((e: Error) =>
    strapi.log.warn(
      `[policy-ledger] could not set the editions' Content Manager layout: ${e.message}`,
    ),
  );
  // Checkpoints, editions and consents can be sent out by Strapi webhooks.
  registerWebhookEvents(strapi);
  scheduleJobs(strapi);
  // People counts of an older version are counted again (each purpose's grant instant).
  await getService(strapi, 'people-counts')
    .upgrade()
    .then((again) => {
      if (again)
        strapi.log.info(
          '[policy-ledger] people counts are counted again from the first event (purposes that expire need each grant instant); the report says how far they have come',
        );
    });
  // What an older version stored, indexed by its identifiers: once, in the background.
  backfillIdentifiers(strapi)
    .then((done) => {
      if (done && done.submissions + done.held > 0)
        strapi.log.info(
          `[policy-ledger] indexed the identifiers of ${done.submissions} submissions and ${done.held} held submissions`,
        );
    })
    .catch((e: Error) =>
      strapi.log.warn(
        `[policy-ledger] could not index older submissions by their identifiers (retried at the next start): ${e.message}`,
      ),
    );
  // Consent checks read states the sealing job folds (consents/state-catch-up.ts);
  // a ledger from before them is folded once, in the background, by the instance that runs the jobs.
  if (pluginConfig(strapi).jobs.enabled)
    foldCheckStates(strapi, { maxEvents: Number.MAX_SAFE_INTEGER })
      .then(({ folded }) => {
        if (folded > 0)
          strapi.log.info(
            `[policy-ledger] folded ${folded} sealed events into the states consent checks read`,
          );
      })
      .catch((e: Error) =>
        strapi.log.warn(
          `[policy-ledger] could not fold the states consent checks read (the sealing job goes on): ${e.message}`,
        ),
      );
  // Once every bootstrap has run (the app's may create locales) and the
  // server listens: say how sealing and locales stand.
  strapi.server.httpServer.once('listening', () => {
    getService(strapi, 'health')
      .logReport()
      .catch((e: Error) =>
        strapi.log.warn(`[policy-ledger] could not report its state: ${e.message}`),
      );
  });
};
