/**
 * Cache tags of the plugin's data:
 * - Overview: GET /overview (policies and their editions);
 * - Edition (id: documentId): one edition's status, and the diffs it is part of;
 * - Acceptance: GET /stats/acceptance (depends on which edition is in force);
 * - Events: pages of GET /ledger;
 * - Seal: GET /ledger/seal-status and GET /health;
 * - Person (id: the identifier as typed): GET /subjects/record;
 * - Requests: GET /requests (the register of data-subject requests);
 * - Audit: GET /audit (the audit trail; every recorded action adds to it).
 */
export const TAG = {
  overview: 'PolicyLedgerOverview',
  edition: 'PolicyLedgerEdition',
  acceptance: 'PolicyLedgerAcceptance',
  events: 'PolicyLedgerEvents',
  seal: 'PolicyLedgerSeal',
  person: 'PolicyLedgerPerson',
  requests: 'PolicyLedgerRequests',
  audit: 'PolicyLedgerAudit',
} as const;
