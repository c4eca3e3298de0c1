export const PLUGIN_ID = 'policy-ledger';
export const POLICY_UID = 'plugin::policy-ledger.policy' as const;
export const EDITION_UID = 'plugin::policy-ledger.edition' as const;
export const FORM_UID = 'plugin::policy-ledger.collection-form' as const;

/** Edition fields only the release service writes. */
export const EDITION_SYSTEM_FIELDS = [
  'version',
  'releasedAt',
  'effectiveAt',
  'cancelledAt',
  'contentHash',
  'localeReleasedAt',
] as const;
/** Edition fields stored per locale. */
export const EDITION_LOCALIZED_FIELDS = ['title', 'body', 'changeSummary'] as const;

/** Admin RBAC actions, written once in shared/rbac.ts. */
export { ACTIONS } from '../../shared/rbac';

/** Content-API actions the Public role gets on first boot. */
export const PUBLIC_ACTIONS = [
  'plugin::policy-ledger.policies.find',
  'plugin::policy-ledger.policies.current',
  'plugin::policy-ledger.policies.editions',
  'plugin::policy-ledger.policies.edition',
  'plugin::policy-ledger.forms.findOne',
  'plugin::policy-ledger.forms.submit',
] as const;
