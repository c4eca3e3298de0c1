import { ACTIONS, type RbacKey } from '../../shared/rbac';

/**
 * The admin RBAC actions the server registers (shared/rbac.ts), as useRBAC
 * takes them. Module-level constants: useRBAC compares them on every render.
 */
export const PERMISSIONS = Object.fromEntries(
  Object.entries(ACTIONS).map(([key, action]) => [key, [{ action, subject: null }]]),
) as Record<RbacKey, Array<{ action: string; subject: null }>>;

/** Both edition permissions in one list; useRBAC turns them into canRead / canRelease. */
export const EDITION_PANEL_PERMISSIONS = [...PERMISSIONS.read, ...PERMISSIONS.release];

/**
 * What the Policy Ledger page checks; useRBAC turns them into
 * canRead / canReadConsents / canExport / canVerify / canErase / canRequests.
 */
export const PAGE_PERMISSIONS = [
  ...PERMISSIONS.read,
  ...PERMISSIONS.readConsents,
  ...PERMISSIONS.export,
  ...PERMISSIONS.verify,
  ...PERMISSIONS.erase,
  ...PERMISSIONS.requests,
];
