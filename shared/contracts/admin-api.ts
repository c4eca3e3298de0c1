/**
 * The admin API under /policy-ledger (admin JWT, RBAC per route): what the
 * admin panel sends and receives. The server validates requests against
 * schemas typed with these request types (server/src/validation/admin-api.ts).
 */
export type * from './admin-editions';
export type * from './admin-ledger';
export type * from './admin-integrity';
export type * from './admin-people';
export type * from './admin-requests';
export type * from './admin-audit';
