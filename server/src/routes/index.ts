import { ACTIONS } from '../constants';
import { contentApiAuth } from '../services/public-access';

const adminPolicies = (...actions: string[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions } },
];

const contentApi = {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/policies', handler: 'policies.find', config: { auth: contentApiAuth(), policies: [] } },
    { method: 'GET', path: '/policies/:key/current', handler: 'policies.current', config: { auth: contentApiAuth(), policies: [] } },
    { method: 'GET', path: '/policies/:key/editions', handler: 'policies.editions', config: { auth: contentApiAuth(), policies: [] } },
    { method: 'GET', path: '/policies/:key/editions/:version', handler: 'policies.edition', config: { auth: contentApiAuth(), policies: [] } },
    { method: 'GET', path: '/forms/:key', handler: 'forms.findOne', config: { auth: contentApiAuth(), policies: [] } },
    { method: 'POST', path: '/forms/:key/submissions', handler: 'forms.submit', config: { auth: contentApiAuth(), policies: [] } },
    { method: 'POST', path: '/consents', handler: 'consents.create', config: { auth: contentApiAuth(), policies: [] } },
    { method: 'POST', path: '/consents/withdraw', handler: 'consents.withdraw', config: { auth: contentApiAuth(), policies: [] } },
    { method: 'GET', path: '/subjects/status', handler: 'consents.status', config: { auth: contentApiAuth(), policies: [] } },
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
    { method: 'GET', path: '/overview', handler: 'admin-reports.overview', config: { policies: adminPolicies(ACTIONS.read) } },
    { method: 'GET', path: '/health', handler: 'admin-ledger.health', config: { policies: adminPolicies(ACTIONS.read) } },
    { method: 'GET', path: '/editions/:documentId/diff', handler: 'admin-reports.diff', config: { policies: adminPolicies(ACTIONS.read) } },
    // Every ledger route needs read-consents, plus its own action where it has one.
    { method: 'GET', path: '/stats/acceptance', handler: 'admin-reports.acceptance', config: { policies: adminPolicies(ACTIONS.readConsents) } },
    { method: 'GET', path: '/ledger', handler: 'admin-reports.ledger', config: { policies: adminPolicies(ACTIONS.readConsents) } },
    { method: 'GET', path: '/ledger/export', handler: 'admin-reports.exportLedger', config: { policies: adminPolicies(ACTIONS.readConsents, ACTIONS.export) } },
    { method: 'POST', path: '/ledger/verify', handler: 'admin-ledger.verify', config: { policies: adminPolicies(ACTIONS.readConsents, ACTIONS.verify) } },
    { method: 'GET', path: '/ledger/seal-status', handler: 'admin-ledger.sealStatus', config: { policies: adminPolicies(ACTIONS.readConsents, ACTIONS.verify) } },
    { method: 'POST', path: '/ledger/seal', handler: 'admin-ledger.seal', config: { policies: adminPolicies(ACTIONS.readConsents, ACTIONS.verify) } },
    { method: 'GET', path: '/subjects/export', handler: 'admin-ledger.exportSubject', config: { policies: adminPolicies(ACTIONS.readConsents, ACTIONS.erase) } },
    { method: 'POST', path: '/subjects/erase', handler: 'admin-ledger.eraseSubject', config: { policies: adminPolicies(ACTIONS.readConsents, ACTIONS.erase) } },
  ],
};

export default { 'content-api': contentApi, admin };
