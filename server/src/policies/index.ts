import hasConsent from './has-consent';

/** The plugin's route policies, for the app's own routes (`plugin::policy-ledger.<name>`). */
export default {
  'has-consent': hasConsent,
};
