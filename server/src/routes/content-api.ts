import { contentApiAuth } from '../auth/public-strategy';
import type { Route } from './types';

// A fresh object per route: Strapi writes each route's auth scope into it.
const open = () => ({ auth: contentApiAuth(), policies: [] });

/** The public API under /api/policy-ledger (shared/contracts/content-api.ts; validation/content-api.ts). */
export const contentApiRoutes: Route[] = [
  { method: 'GET', path: '/policies', handler: 'policies.find', config: open() },
  { method: 'GET', path: '/policies/:key/current', handler: 'policies.current', config: open() },
  { method: 'GET', path: '/policies/:key/editions', handler: 'policies.editions', config: open() },
  {
    method: 'GET',
    path: '/policies/:key/editions/:version',
    handler: 'policies.edition',
    config: open(),
  },
  { method: 'GET', path: '/forms/:key', handler: 'forms.findOne', config: open() },
  { method: 'POST', path: '/forms/:key/submissions', handler: 'forms.submit', config: open() },
  { method: 'POST', path: '/consents', handler: 'consents.create', config: open() },
  { method: 'POST', path: '/consents/withdraw', handler: 'consents.withdraw', config: open() },
  { method: 'GET', path: '/subjects/status', handler: 'consents.status', config: open() },
];
