import { ACTIONS } from '../constants';

const adminPolicies = (...actions: string[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions } },
];

const contentApi = {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/policies', handler: 'policies.find', config: { policies: [] } },
    { method: 'GET', path: '/policies/:key/current', handler: 'policies.current', config: { policies: [] } },
    { method: 'GET', path: '/policies/:key/editions', handler: 'policies.editions', config: { policies: [] } },
    { method: 'GET', path: '/policies/:key/editions/:version', handler: 'policies.edition', config: { policies: [] } },
  ],
};

const admin = {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/editions/:documentId/status',
      handler: 'admin-editions.status',
      config: { policies: adminPolicies(ACTIONS.read) },
    },
    {
      method: 'POST',
      path: '/editions/:documentId/release',
      handler: 'admin-editions.release',
      config: { policies: adminPolicies(ACTIONS.release) },
    },
    {
      method: 'POST',
      path: '/editions/:documentId/cancel',
      handler: 'admin-editions.cancel',
      config: { policies: adminPolicies(ACTIONS.release) },
    },
  ],
};

export default { 'content-api': contentApi, admin };
