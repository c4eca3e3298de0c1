/**
 * The plugin's admin RBAC actions, written once: the server registers them
 * (bootstrap) and puts them on its admin routes; the admin panel checks them
 * (admin/src/permissions.ts). Each becomes `plugin::policy-ledger.<uid>`.
 */
export const RBAC = {
  read: { uid: 'read', displayName: 'Read policies, editions and their status' },
  release: { uid: 'release', displayName: 'Release and cancel editions' },
  readConsents: { uid: 'read-consents', displayName: 'Read the consent ledger and acceptance' },
  export: { uid: 'export', displayName: 'Export the consent ledger' },
  verify: { uid: 'verify', displayName: 'Verify the consent ledger and read its audit trail' },
  erase: { uid: 'erase', displayName: "Answer a person's access and erasure requests" },
  requests: { uid: 'requests', displayName: 'Keep the register of data-subject requests' },
} as const;

export type RbacKey = keyof typeof RBAC;

/** The full action uid of each: what routes and the admin's useRBAC name. */
export const ACTIONS = Object.fromEntries(
  Object.entries(RBAC).map(([key, a]) => [key, `plugin::policy-ledger.${a.uid}`]),
) as { readonly [K in RbacKey]: `plugin::policy-ledger.${(typeof RBAC)[K]['uid']}` };
