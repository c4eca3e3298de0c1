/**
 * Admin RBAC actions registered by the server (server/src/bootstrap.ts).
 * Kept as module-level constants: useRBAC compares them on every render.
 */
export const PERMISSIONS = {
  read: [{ action: 'plugin::policy-ledger.read', subject: null }],
  release: [{ action: 'plugin::policy-ledger.release', subject: null }],
  readConsents: [{ action: 'plugin::policy-ledger.read-consents', subject: null }],
  export: [{ action: 'plugin::policy-ledger.export', subject: null }],
  verify: [{ action: 'plugin::policy-ledger.verify', subject: null }],
  erase: [{ action: 'plugin::policy-ledger.erase', subject: null }],
  requests: [{ action: 'plugin::policy-ledger.requests', subject: null }],
};

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
