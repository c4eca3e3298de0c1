import { ACTIONS, EDITION_UID } from '../constants';
import type { Route } from './types';

/**
 * Admin JWT and every RBAC action listed (constants.ts ACTIONS, or [action, subject] for a
 * Content Manager permission on one content type); a fresh object per route.
 */
const rbac = (...actions: Array<string | [string, string]>) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});
const { read, release, readConsents, export: exportAction, verify, erase, requests } = ACTIONS;

/** The admin API under /policy-ledger (shared/contracts/admin-api.ts; validation/admin-api.ts). */
export const adminRoutes = [
  {
    method: 'GET',
    path: '/editions/:documentId/status',
    handler: 'admin-editions.status',
    config: rbac(read),
  },
  {
    method: 'POST',
    path: '/editions/:documentId/release',
    handler: 'admin-editions.release',
    config: rbac(release),
  },
  {
    method: 'POST',
    path: '/editions/:documentId/cancel',
    handler: 'admin-editions.cancel',
    config: rbac(release),
  },
  // A new draft edition copied from this one: what the Content Manager's create does (it releases
  // nothing), so the Content Manager's own create and read permissions on editions.
  {
    method: 'POST',
    path: '/editions/:documentId/successor',
    handler: 'admin-editions.successor',
    config: rbac(
      ['plugin::content-manager.explorer.create', EDITION_UID],
      ['plugin::content-manager.explorer.read', EDITION_UID],
    ),
  },
  {
    method: 'GET',
    path: '/editions/:documentId/diff',
    handler: 'admin-reports.diff',
    config: rbac(read),
  },
  { method: 'GET', path: '/overview', handler: 'admin-reports.overview', config: rbac(read) },
  { method: 'GET', path: '/health', handler: 'admin-ledger.health', config: rbac(read) },
  // The time zone every screen shows instants in: any admin of the plugin's screens.
  {
    method: 'GET',
    path: '/settings',
    handler: 'admin-ledger.settings',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
  // Every ledger route needs read-consents, plus its own action where it has one.
  {
    method: 'GET',
    path: '/stats/acceptance',
    handler: 'admin-reports.acceptance',
    config: rbac(readConsents),
  },
  { method: 'GET', path: '/ledger', handler: 'admin-reports.ledger', config: rbac(readConsents) },
  {
    method: 'GET',
    path: '/ledger/export',
    handler: 'admin-reports.exportLedger',
    config: rbac(readConsents, exportAction),
  },
  {
    method: 'POST',
    path: '/ledger/verify',
    handler: 'admin-ledger.verify',
    config: rbac(readConsents, verify),
  },
  {
    method: 'GET',
    path: '/ledger/seal-status',
    handler: 'admin-ledger.sealStatus',
    config: rbac(readConsents, verify),
  },
  {
    method: 'POST',
    path: '/ledger/seal',
    handler: 'admin-ledger.seal',
    config: rbac(readConsents, verify),
  },
  {
    method: 'GET',
    path: '/subjects/record',
    handler: 'admin-people.record',
    config: rbac(readConsents),
  },
  {
    method: 'GET',
    path: '/subjects/export',
    handler: 'admin-people.exportSubject',
    config: rbac(readConsents, erase),
  },
  {
    method: 'POST',
    path: '/subjects/erase',
    handler: 'admin-people.eraseSubject',
    config: rbac(readConsents, erase),
  },
  // The audit trail: who verified may read it; exporting it also needs export.
  { method: 'GET', path: '/audit', handler: 'admin-audit.list', config: rbac(verify) },
  {
    method: 'GET',
    path: '/audit/export',
    handler: 'admin-audit.exportCsv',
    config: rbac(verify, exportAction),
  },
  // The register of data-subject requests; acting on one (export, erase, withdraw) also needs erase.
  { method: 'GET', path: '/requests', handler: 'admin-requests.list', config: rbac(requests) },
  {
    method: 'GET',
    path: '/requests/export',
    handler: 'admin-requests.exportCsv',
    config: rbac(requests),
  },
  { method: 'POST', path: '/requests', handler: 'admin-requests.create', config: rbac(requests) },
  {
    method: 'POST',
    path: '/requests/:id/status',
    handler: 'admin-requests.setStatus',
    config: rbac(requests),
  },
  {
    method: 'POST',
    path: '/requests/:id/actions',
    handler: 'admin-requests.act',
    config: rbac(requests, erase),
  },
] as const satisfies readonly Route[];
