/** The plugin's id: its server name, admin plugin id and translation prefix. */
export const PLUGIN_ID = 'policy-ledger';

/** The content type whose Content Manager edit view gets the release panel. */
export const EDITION_UID = 'plugin::policy-ledger.edition';
