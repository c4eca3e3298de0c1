import { ACTIONS, EDITION_UID } from '../constants';
import {
  acceptanceBody,
  auditPageBody,
  editionDiffBody,
  editionStatusBody,
  editionSuccessorBody,
  eraseBody,
  healthBody,
  ledgerPageBody,
  overviewBody,
  personRecordBody,
  requestActBody,
  requestEntryBody,
  requestsPageBody,
  sealBody,
  sealStatusBody,
  settingsBody,
  subjectExportBody,
  verifyResultBody,
} from '../openapi/admin';
import { fileBody } from '../openapi/bodies';
import {
  acceptanceQuery,
  auditExportQuery,
  auditQuery,
  diffQuery,
  documentParams,
  exportQuery,
  ledgerQuery,
  newRequestBody,
  releaseBody,
  requestActionBody,
  requestParams,
  requestStatusBody,
  requestsQuery,
  subjectBody,
  subjectExportQuery,
  subjectQuery,
  successorBody,
  verifyBody,
} from '../validation/admin-api';
import { noBody } from '../validation/patterns';
import { routeFinder, type HandlersOf, type Route } from './types';

const NO_BODY = { 'application/json': noBody() };

/**
 * Admin JWT and every RBAC action listed (constants.ts ACTIONS, or [action, subject] for a
 * Content Manager permission on one content type); a fresh object per route.
 */
const rbac = (...actions: Array<string | [string, string]>) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});
const { read, release, readConsents, export: exportAction, verify, erase, requests } = ACTIONS;

/**
 * The admin API under /policy-ledger, each route declared once: its RBAC, what it
 * takes (validation/admin-api.ts) and what it answers (openapi/admin/).
 */
export const adminRoutes = [
  {
    method: 'GET',
    path: '/editions/:documentId/status',
    handler: 'admin-editions.status',
    config: rbac(read),
    request: { params: documentParams.shape, query: {} },
    response: editionStatusBody,
  },
  {
    method: 'POST',
    path: '/editions/:documentId/release',
    handler: 'admin-editions.release',
    config: rbac(release),
    request: { params: documentParams.shape, body: { 'application/json': releaseBody } },
    response: editionStatusBody,
  },
  {
    method: 'POST',
    path: '/editions/:documentId/cancel',
    handler: 'admin-editions.cancel',
    config: rbac(release),
    request: { params: documentParams.shape, body: NO_BODY },
    response: editionStatusBody,
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
    request: { params: documentParams.shape, body: { 'application/json': successorBody } },
    response: editionSuccessorBody,
  },
  {
    method: 'GET',
    path: '/editions/:documentId/diff',
    handler: 'admin-reports.diff',
    config: rbac(read),
    request: { params: documentParams.shape, query: diffQuery.shape },
    response: editionDiffBody,
  },
  {
    method: 'GET',
    path: '/overview',
    handler: 'admin-reports.overview',
    config: rbac(read),
    request: { query: {} },
    response: overviewBody,
  },
  {
    method: 'GET',
    path: '/health',
    handler: 'admin-ledger.health',
    config: rbac(read),
    request: { query: {} },
    response: healthBody,
  },
  // The time zone every screen shows instants in: any admin of the plugin's screens.
  {
    method: 'GET',
    path: '/settings',
    handler: 'admin-ledger.settings',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
    request: { query: {} },
    response: settingsBody,
  },
  // Every ledger route needs read-consents, plus its own action where it has one.
  {
    method: 'GET',
    path: '/stats/acceptance',
    handler: 'admin-reports.acceptance',
    config: rbac(readConsents),
    request: { query: acceptanceQuery.shape },
    response: acceptanceBody,
  },
  {
    method: 'GET',
    path: '/ledger',
    handler: 'admin-reports.ledger',
    config: rbac(readConsents),
    request: { query: ledgerQuery.shape },
    response: ledgerPageBody,
  },
  {
    method: 'GET',
    path: '/ledger/export',
    handler: 'admin-reports.exportLedger',
    config: rbac(readConsents, exportAction),
    request: { query: exportQuery.shape },
    response: fileBody,
  },
  {
    method: 'POST',
    path: '/ledger/verify',
    handler: 'admin-ledger.verify',
    config: rbac(readConsents, verify),
    request: { body: { 'application/json': verifyBody } },
    response: verifyResultBody,
  },
  {
    method: 'GET',
    path: '/ledger/seal-status',
    handler: 'admin-ledger.sealStatus',
    config: rbac(readConsents, verify),
    request: { query: {} },
    response: sealStatusBody,
  },
  {
    method: 'POST',
    path: '/ledger/seal',
    handler: 'admin-ledger.seal',
    config: rbac(readConsents, verify),
    request: { body: NO_BODY },
    response: sealBody,
  },
  {
    method: 'GET',
    path: '/subjects/record',
    handler: 'admin-people.record',
    config: rbac(readConsents),
    request: { query: subjectQuery.shape },
    response: personRecordBody,
  },
  {
    method: 'GET',
    path: '/subjects/export',
    handler: 'admin-people.exportSubject',
    config: rbac(readConsents, erase),
    request: { query: subjectExportQuery.shape },
    response: subjectExportBody,
  },
  // Everything about one person's consent in one file anyone can check offline.
  {
    method: 'GET',
    path: '/subjects/evidence-pack',
    handler: 'admin-people.evidencePack',
    config: rbac(readConsents, exportAction),
    request: { query: subjectQuery.shape },
    response: fileBody,
  },
  {
    method: 'POST',
    path: '/subjects/erase',
    handler: 'admin-people.eraseSubject',
    config: rbac(readConsents, erase),
    request: { body: { 'application/json': subjectBody } },
    response: eraseBody,
  },
  // The audit trail: who verified may read it; exporting it also needs export.
  {
    method: 'GET',
    path: '/audit',
    handler: 'admin-audit.list',
    config: rbac(verify),
    request: { query: auditQuery.shape },
    response: auditPageBody,
  },
  {
    method: 'GET',
    path: '/audit/export',
    handler: 'admin-audit.exportCsv',
    config: rbac(verify, exportAction),
    request: { query: auditExportQuery.shape },
    response: fileBody,
  },
  // The register of data-subject requests; acting on one (export, erase, withdraw) also needs erase.
  {
    method: 'GET',
    path: '/requests',
    handler: 'admin-requests.list',
    config: rbac(requests),
    request: { query: requestsQuery.shape },
    response: requestsPageBody,
  },
  {
    method: 'GET',
    path: '/requests/export',
    handler: 'admin-requests.exportCsv',
    config: rbac(requests),
    request: { query: requestsQuery.shape },
    response: fileBody,
  },
  {
    method: 'POST',
    path: '/requests',
    handler: 'admin-requests.create',
    config: rbac(requests),
    request: { body: { 'application/json': newRequestBody } },
    response: requestEntryBody,
  },
  {
    method: 'POST',
    path: '/requests/:id/status',
    handler: 'admin-requests.setStatus',
    config: rbac(requests),
    request: { params: requestParams.shape, body: { 'application/json': requestStatusBody } },
    response: requestEntryBody,
  },
  {
    method: 'POST',
    path: '/requests/:id/actions',
    handler: 'admin-requests.act',
    config: rbac(requests, erase),
    request: { params: requestParams.shape, body: { 'application/json': requestActionBody } },
    response: requestActBody,
  },
] as const satisfies readonly Route[];

/** Every "controller.action" of the admin API. */
export type AdminHandler = HandlersOf<typeof adminRoutes>;

/** An admin route by its handler, with its schemas' types. */
export const adminRoute = routeFinder(adminRoutes);
