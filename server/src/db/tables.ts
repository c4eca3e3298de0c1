import type { Core } from '@strapi/strapi';

/**
 * The ledger's own tables. They are plain database models, not content
 * types: no Content Manager screen, no Document Service, no REST route can
 * reach them, and their columns and indexes are exactly what the write path
 * and the reports need. Strapi creates and migrates them like its own
 * (core store, webhooks). Instants are stored as fixed-width ISO-8601 UTC
 * strings: they sort chronologically, compare as strings on every engine,
 * and read back byte for byte, which the event hashes depend on.
 */
// Fresh objects each time: Strapi's metadata writes into attribute objects.
// Strapi maps every string attribute to VARCHAR(255): the write path keeps
// values within it (a longer idempotency key is stored by its hash).
const str = () => ({ type: 'string' as const });
const ISO = str; // 24 characters
const HASH = str; // 64 hex characters

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
  /** Not a model: rate-limiter-flexible's own table (limits/store.ts creates it). */
  limits: 'policy_ledger_limits',
} as const;

/** Counter rows are spread over shards so concurrent appends rarely wait on one row. */
export const COUNTER_SHARDS = 32;

const models = [
  {
    uid: 'policy-ledger::submission',
    singularName: 'policy_ledger_submission',
    tableName: TABLES.submissions,
    attributes: {
      id: { type: 'increments' },
      public_id: str(),
      form_key: str(),
      form_revision: { type: 'integer' },
      form_hash: HASH(),
      locale: str(),
      subject: HASH(),
      data: { type: 'text' },
      received_at: ISO(),
      erased_at: ISO(),
      erase_reason: str(),
    },
    indexes: [
      { name: 'pl_sub_public_id_uq', columns: ['public_id'], type: 'unique' },
      { name: 'pl_sub_subject_idx', columns: ['subject'] },
      { name: 'pl_sub_form_received_idx', columns: ['form_key', 'received_at'] },
    ],
  },
  {
    uid: 'policy-ledger::event',
    singularName: 'policy_ledger_event',
    tableName: TABLES.events,
    attributes: {
      seq: { type: 'increments' },
      event_id: str(),
      occurred_at: ISO(),
      subject: HASH(),
      action: str(),
      policy_key: str(),
      policy_version: { type: 'integer' },
      locale: str(),
      content_hash: HASH(),
      form_key: str(),
      form_revision: { type: 'integer' },
      form_hash: HASH(),
      purposes: { type: 'text' },
      method: str(),
      submission_id: str(),
      evidence_hash: HASH(),
      hash: HASH(),
      // Set only on implied and notified events: at most one per person, policy and edition.
      implied_key: str(),
      // 'confirmed' (double opt-in) or 'unverified' (an anonymous caller); null otherwise.
      strength: str(),
    },
    indexes: [
      { name: 'pl_ev_event_id_uq', columns: ['event_id'], type: 'unique' },
      { name: 'pl_ev_implied_uq', columns: ['implied_key'], type: 'unique' },
      { name: 'pl_ev_subject_policy_idx', columns: ['subject', 'policy_key', 'seq'] },
      { name: 'pl_ev_policy_version_idx', columns: ['policy_key', 'policy_version', 'action'] },
      { name: 'pl_ev_occurred_idx', columns: ['occurred_at'] },
      { name: 'pl_ev_submission_idx', columns: ['submission_id'] },
      { name: 'pl_ev_form_idx', columns: ['form_key', 'seq'] },
    ],
  },
  {
    uid: 'policy-ledger::evidence',
    singularName: 'policy_ledger_evidence_item',
    tableName: TABLES.evidence,
    attributes: {
      id: { type: 'increments' },
      event_id: str(),
      ip: str(),
      // Up to 512 and 2048 characters (trimmed on write): text, as VARCHAR(255) would refuse them.
      user_agent: { type: 'text' as const },
      page_url: { type: 'text' as const },
      created_at: ISO(),
    },
    indexes: [
      { name: 'pl_evd_event_uq', columns: ['event_id'], type: 'unique' },
      { name: 'pl_evd_created_idx', columns: ['created_at'] },
    ],
  },
  {
    uid: 'policy-ledger::checkpoint',
    singularName: 'policy_ledger_checkpoint',
    tableName: TABLES.checkpoints,
    attributes: {
      id: { type: 'increments' },
      seq_from: { type: 'integer' },
      seq_to: { type: 'integer' },
      event_count: { type: 'integer' },
      root: HASH(),
      prev_hash: HASH(),
      hash: HASH(),
      sealed_at: ISO(),
      // The audit entries sealed with the events (null on checkpoints older than the audit trail).
      audit_from: { type: 'integer' },
      audit_to: { type: 'integer' },
      audit_count: { type: 'integer' },
      audit_root: HASH(),
    },
    // One checkpoint per starting point (events and audit entries): two
    // sealers racing cannot both write, while a checkpoint that seals only
    // audit entries leaves the event range open for the next one.
    indexes: [{ name: 'pl_cp_start_uq', columns: ['seq_from', 'audit_from'], type: 'unique' }],
  },
  {
    uid: 'policy-ledger::idempotency',
    singularName: 'policy_ledger_idempotency_key',
    tableName: TABLES.idempotency,
    attributes: {
      id: { type: 'increments' },
      scope_key: str(),
      request_hash: HASH(),
      status: { type: 'integer' },
      response: { type: 'text' },
      created_at: ISO(),
    },
    indexes: [
      { name: 'pl_idem_key_uq', columns: ['scope_key'], type: 'unique' },
      { name: 'pl_idem_created_idx', columns: ['created_at'] },
    ],
  },
  {
    uid: 'policy-ledger::job-claim',
    singularName: 'policy_ledger_job_claim',
    tableName: TABLES.claims,
    attributes: {
      id: { type: 'increments' },
      job: str(),
      period: str(),
      claimed_at: ISO(),
      claimed_by: str(),
    },
    indexes: [{ name: 'pl_claim_job_period_uq', columns: ['job', 'period'], type: 'unique' }],
  },
  {
    // Acceptance counters, kept on append in the same transaction as the
    // events: reports read these, never COUNT(*) over the ledger. One row per
    // policy × version × locale × form × day × action × shard; `bucket` is that
    // tuple as one key (MySQL limits a unique index to 3072 bytes).
    uid: 'policy-ledger::counter',
    singularName: 'policy_ledger_counter',
    tableName: TABLES.counters,
    attributes: {
      id: { type: 'increments' },
      bucket: str(),
      policy_key: str(),
      policy_version: { type: 'integer' },
      locale: str(),
      form_key: str(),
      day: str(),
      action: str(),
      // '' or null where no strength is recorded (domain: EvidenceStrength).
      strength: str(),
      shard: { type: 'integer' },
      n: { type: 'integer' },
    },
    indexes: [
      { name: 'pl_cnt_bucket_uq', columns: ['bucket'], type: 'unique' },
      { name: 'pl_cnt_policy_day_idx', columns: ['policy_key', 'day'] },
    ],
  },
  {
    // The highest version each person accepted of each policy, kept on append:
    // "pending re-acceptance" is an index range count on it.
    uid: 'policy-ledger::subject-state',
    singularName: 'policy_ledger_subject_state_row',
    tableName: TABLES.subjectState,
    attributes: {
      id: { type: 'increments' },
      subject: HASH(),
      policy_key: str(),
      accepted_version: { type: 'integer' },
    },
    indexes: [
      { name: 'pl_ss_subject_policy_uq', columns: ['subject', 'policy_key'], type: 'unique' },
      { name: 'pl_ss_policy_version_idx', columns: ['policy_key', 'accepted_version'] },
    ],
  },
  {
    // The register of data-subject requests (services/requests.ts). Dates are
    // calendar dates in the plugin's time zone; `actions` is a JSON list.
    uid: 'policy-ledger::request',
    singularName: 'policy_ledger_request',
    tableName: TABLES.requests,
    attributes: {
      id: { type: 'increments' },
      public_id: str(),
      type: str(),
      contact: str(),
      subject: HASH(),
      received_on: str(),
      due_on: str(),
      status: str(),
      identity_method: str(),
      identity_checked_at: ISO(),
      reason: { type: 'text' },
      note: { type: 'text' },
      actions: { type: 'text' },
      created_at: ISO(),
      created_by: str(),
      closed_at: ISO(),
    },
    indexes: [
      { name: 'pl_req_public_id_uq', columns: ['public_id'], type: 'unique' },
      { name: 'pl_req_status_due_idx', columns: ['status', 'due_on'] },
      { name: 'pl_req_subject_idx', columns: ['subject'] },
    ],
  },
  {
    // The audit trail (services/audit.ts): who released, cancelled, exported,
    // erased, verified, sealed by hand or changed a form. Append-only; each
    // entry is hashed and sealed into the checkpoints like the events.
    uid: 'policy-ledger::audit-entry',
    singularName: 'policy_ledger_audit_entry',
    tableName: TABLES.audit,
    attributes: {
      seq: { type: 'increments' },
      entry_id: str(),
      occurred_at: ISO(),
      actor_type: str(),
      actor_id: str(),
      actor_name: str(),
      action: str(),
      target: str(),
      details: { type: 'text' },
      hash: HASH(),
    },
    indexes: [
      { name: 'pl_audit_entry_id_uq', columns: ['entry_id'], type: 'unique' },
      { name: 'pl_audit_occurred_idx', columns: ['occurred_at'] },
      { name: 'pl_audit_action_idx', columns: ['action', 'seq'] },
    ],
  },
  {
    // Each person's standing per policy as the people counts last folded it
    // (services/people-counts.ts): a JSON Standing (domain/standing.ts).
    uid: 'policy-ledger::person-state',
    singularName: 'policy_ledger_person_state_row',
    tableName: TABLES.personState,
    attributes: {
      id: { type: 'increments' },
      subject: HASH(),
      policy_key: str(),
      standing: { type: 'text' },
      last_seq: { type: 'integer' },
    },
    indexes: [
      { name: 'pl_ps_subject_policy_uq', columns: ['subject', 'policy_key'], type: 'unique' },
    ],
  },
  {
    // People counts per policy × kind × key (domain/people-counts.ts), and the
    // seq up to which events are counted (bucket "|cursor|").
    uid: 'policy-ledger::people-count',
    singularName: 'policy_ledger_people_count',
    tableName: TABLES.people,
    attributes: {
      id: { type: 'increments' },
      bucket: str(),
      policy_key: str(),
      kind: str(),
      key: str(),
      n: { type: 'biginteger' },
    },
    indexes: [
      { name: 'pl_people_bucket_uq', columns: ['bucket'], type: 'unique' },
      { name: 'pl_people_policy_idx', columns: ['policy_key'] },
    ],
  },
  {
    // Where each successful verification ended (services/verification.ts):
    // incremental verification starts from the latest. Chained and HMAC'd.
    uid: 'policy-ledger::verification',
    singularName: 'policy_ledger_verification',
    tableName: TABLES.verifications,
    attributes: {
      id: { type: 'increments' },
      kind: str(),
      checkpoint_id: { type: 'integer' },
      checkpoint_hash: HASH(),
      seq_to: { type: 'integer' },
      audit_to: { type: 'integer' },
      events: { type: 'integer' },
      verified_at: ISO(),
      prev_hash: HASH(),
      hash: HASH(),
    },
    indexes: [{ name: 'pl_verif_prev_uq', columns: ['prev_hash'], type: 'unique' }],
  },
  {
    // RFC 3161 tokens on checkpoint hashes (services/timestamping.ts), one per
    // checkpoint and authority; append-only.
    uid: 'policy-ledger::timestamp',
    singularName: 'policy_ledger_timestamp',
    tableName: TABLES.timestamps,
    attributes: {
      id: { type: 'increments' },
      checkpoint_id: { type: 'integer' },
      checkpoint_hash: HASH(),
      authority: str(),
      token: { type: 'text' },
      gen_time: ISO(),
      serial: str(),
      created_at: ISO(),
    },
    indexes: [
      {
        name: 'pl_ts_checkpoint_authority_uq',
        columns: ['checkpoint_id', 'authority'],
        type: 'unique',
      },
    ],
  },
  {
    // A person's confirmed e-mail address (personal data, erasable): written
    // when a double opt-in is confirmed, read to send notices of material
    // changes to those who opted into them (the form purpose `notices`).
    // One row per subject; erasing the person deletes it.
    uid: 'policy-ledger::contact',
    singularName: 'policy_ledger_contact',
    tableName: TABLES.contacts,
    attributes: {
      id: { type: 'increments' },
      subject: HASH(),
      email: str(),
      // The locale of the confirmed submission: notices are written in it.
      locale: str(),
      confirmed_at: ISO(),
      notices: { type: 'boolean' },
      updated_at: ISO(),
    },
    indexes: [
      { name: 'pl_contact_subject_uq', columns: ['subject'], type: 'unique' },
      { name: 'pl_contact_notices_idx', columns: ['notices'] },
    ],
  },
  {
    // Submissions to a double opt-in form that wait for their e-mailed link:
    // they change nobody's standing, appear in nobody's record, and are erased
    // when confirmed (into the ledger) or when they expire (services/confirmations.ts).
    uid: 'policy-ledger::pending',
    singularName: 'policy_ledger_pending_submission',
    tableName: TABLES.pending,
    attributes: {
      id: { type: 'increments' },
      public_id: str(),
      form_key: str(),
      subject: HASH(),
      email: str(),
      // What the person sent and was shown (services/confirmations.ts: PendingContent).
      content: { type: 'text' as const },
      received_at: ISO(),
      expires_at: ISO(),
    },
    indexes: [
      { name: 'pl_pending_public_uq', columns: ['public_id'], type: 'unique' },
      { name: 'pl_pending_expires_idx', columns: ['expires_at'] },
    ],
  },
  {
    // E-mails to send (confirmation links, notices of changes), written in the
    // transaction that needs them and sent after it by any instance
    // (services/mailer.ts); the message is blanked once sent.
    uid: 'policy-ledger::outbox',
    singularName: 'policy_ledger_outbox_message',
    tableName: TABLES.outbox,
    attributes: {
      id: { type: 'increments' },
      kind: str(),
      // What the message belongs to (a pending submission's id, a notice's key): erased with it.
      ref: str(),
      recipient: str(),
      message: { type: 'text' as const },
      created_at: ISO(),
      attempts: { type: 'integer' },
      // Which sender run holds it (a random token), and until when.
      claim: str(),
      claimed_until: ISO(),
      sent_at: ISO(),
      error: str(),
    },
    indexes: [
      { name: 'pl_outbox_sent_idx', columns: ['sent_at', 'id'] },
      { name: 'pl_outbox_ref_idx', columns: ['ref'] },
    ],
  },
];

export function registerModels(strapi: Core.Strapi) {
  for (const model of models) strapi.get('models').add(model);
}
