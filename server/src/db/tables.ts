/** The names of the ledger's own tables (their models: db/models/). */
export const TABLES = {
  submissions: 'policy_ledger_submissions',
  events: 'policy_ledger_events',
  evidence: 'policy_ledger_evidence',
  checkpoints: 'policy_ledger_checkpoints',
  idempotency: 'policy_ledger_idempotency',
  claims: 'policy_ledger_job_claims',
  counters: 'policy_ledger_counters',
  subjectState: 'policy_ledger_subject_state',
  requests: 'policy_ledger_requests',
  audit: 'policy_ledger_audit',
  personState: 'policy_ledger_person_state',
  people: 'policy_ledger_people',
  verifications: 'policy_ledger_verifications',
  timestamps: 'policy_ledger_timestamps',
  contacts: 'policy_ledger_contacts',
  pending: 'policy_ledger_pending',
  outbox: 'policy_ledger_outbox',
  /** The pseudonyms of every identifier a submission holds (db/models/identifiers.ts). */
  identifiers: 'policy_ledger_identifiers',
  /** Linked identities (derived from `linked` / `unlinked` events: db/links.ts). */
  links: 'policy_ledger_links',
  /** A signed-in user's e-mail waiting for its link to be opened (services/account-emails.ts). */
  linkRequests: 'policy_ledger_link_requests',
  /** Each person's latest word per purpose and standing per policy, for consent checks (db/models/checks.ts). */
  purposeState: 'policy_ledger_purpose_state',
  /** Not a model: rate-limiter-flexible's own table (limits/store.ts creates it). */
  limits: 'policy_ledger_limits',
} as const;

/** Counter rows are spread over shards so concurrent appends rarely wait on one row. */
export const COUNTER_SHARDS = 32;
