import { contentApiAuth } from '../auth/public-strategy';
import type { HandlersOf, Route } from './types';

// A fresh object per route: Strapi writes each route's auth scope into it.
const open = () => ({ auth: contentApiAuth(), policies: [] });
/** A public document: readable by any caller while the Public role may read it. */
const read = () => ({ auth: contentApiAuth({ publicRead: true }), policies: [] });

/** The public API under /api/policy-ledger (shared/contracts/content-api.ts; validation/content-api.ts). */
export const contentApiRoutes = [
  { method: 'GET', path: '/policies', handler: 'policies.find', config: read() },
  { method: 'GET', path: '/policies/:key/current', handler: 'policies.current', config: read() },
  { method: 'GET', path: '/policies/:key/editions', handler: 'policies.editions', config: read() },
  {
    method: 'GET',
    path: '/policies/:key/editions/:version',
    handler: 'policies.edition',
    config: read(),
  },
  { method: 'GET', path: '/forms/:key', handler: 'forms.findOne', config: read() },
  { method: 'POST', path: '/forms/:key/submissions', handler: 'forms.submit', config: open() },
  { method: 'POST', path: '/consents', handler: 'consents.create', config: open() },
  { method: 'POST', path: '/consents/withdraw', handler: 'consents.withdraw', config: open() },
  { method: 'GET', path: '/subjects/status', handler: 'consents.status', config: open() },
  // A double opt-in link: the signed token is the credential; it holds nothing personal.
  {
    method: 'GET',
    path: '/confirmations/:token',
    handler: 'confirmations.status',
    config: { auth: false },
  },
  {
    method: 'POST',
    path: '/confirmations/:token',
    handler: 'confirmations.confirm',
    config: { auth: false },
  },
  // A receipt's inclusion proof: nothing personal, anyone holding the receipt may ask.
  {
    method: 'GET',
    path: '/receipts/:id/proof',
    handler: 'receipts.proof',
    config: { auth: false },
  },
  // The contract itself: no permission to grant, nothing personal.
  { method: 'GET', path: '/openapi.json', handler: 'openapi.document', config: { auth: false } },
] as const satisfies readonly Route[];

/** Every "controller.action" of the content API (openapi/operations.ts has one operation for each). */
export type ContentApiHandler = HandlersOf<typeof contentApiRoutes>;
