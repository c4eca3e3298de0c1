import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, PUBLIC_ACTIONS } from './constants';

const RBAC_ACTIONS = [
  { uid: 'read', displayName: 'Read policies, editions and their status' },
  { uid: 'release', displayName: 'Release and cancel editions' },
  { uid: 'read-consents', displayName: 'Read the consent ledger and acceptance' },
  { uid: 'export', displayName: 'Export the consent ledger' },
  { uid: 'verify', displayName: 'Verify the consent ledger' },
  { uid: 'erase', displayName: "Answer a person's access and erasure requests" },
];

async function registerRbacActions(strapi: Core.Strapi) {
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(RBAC_ACTIONS.map((a) => ({ ...a, section: 'plugins', pluginName: PLUGIN_ID })));
}

/**
 * On the first boot only, the Public role gets the four public policy routes.
 * A flag in the plugin store remembers it, so an admin who later revokes one
 * does not see it come back.
 */
async function grantPublicPermissions(strapi: Core.Strapi, role: { id: number }) {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  if (await store.get({ key: 'public-permissions-granted' })) return;
  const existing = (await strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ where: { role: { id: role.id }, action: { $in: [...PUBLIC_ACTIONS] } } })) as Array<{ action: string }>;
  for (const action of PUBLIC_ACTIONS) {
    if (existing.some((p) => p.action === action)) continue;
    await strapi.documents('plugin::users-permissions.permission').create({ data: { action, role: role.id } as never });
  }
  await store.set({ key: 'public-permissions-granted', value: true });
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

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerRbacActions(strapi);
  await grantPublicPermissionsOnFirstBoot(strapi);
};
