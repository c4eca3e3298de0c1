import policies from './policies';
import adminEditions from './admin-editions';
import adminLedger from './admin-ledger';
import adminReports from './admin-reports';
import adminPeople from './admin-people';
import adminRequests from './admin-requests';
import adminAudit from './admin-audit';
import checkpoints from './checkpoints';
import confirmations from './confirmations';
import consents from './consents';
import forms from './forms';
import identities from './identities';
import openapi from './openapi';
import receipts from './receipts';
import type { adminRoutes } from '../routes/admin';
import type { contentApiRoutes } from '../routes/content-api';
import type { HandlersOf } from '../routes/types';

const controllers = {
  policies,
  forms,
  consents,
  confirmations,
  checkpoints,
  identities,
  openapi,
  receipts,
  'admin-editions': adminEditions,
  'admin-ledger': adminLedger,
  'admin-reports': adminReports,
  'admin-people': adminPeople,
  'admin-requests': adminRequests,
  'admin-audit': adminAudit,
};

/** "controller.action" for every action of every controller. */
type Action = {
  [
    C in keyof typeof controllers
  ]: `${C & string}.${keyof ReturnType<(typeof controllers)[C]> & string}`;
}[keyof typeof controllers];

type Assert<T extends true> = T;
/** Every route names an action that exists: a route with a typo is a compile error here. */
export type RoutesNameActions = Assert<
  HandlersOf<typeof contentApiRoutes | typeof adminRoutes> extends Action ? true : false
>;

export default controllers;
