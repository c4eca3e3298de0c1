import { str, ISO, HASH } from './columns';
import { TABLES } from '../tables';

/** The ledger: submissions, events and their evidence, checkpoints, idempotency and job claims. */
export const ledgerModels = [
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
      // The other pseudonym of a linked / unlinked entry (db/links.ts); null otherwise.
      linked_subject: HASH(),
      // Global Privacy Control on the request: 'on' or 'acknowledged'; null when not sent.
      gpc: str(),
    },
    indexes: [
      { name: 'pl_ev_event_id_uq', columns: ['event_id'], type: 'unique' },
      { name: 'pl_ev_implied_uq', columns: ['implied_key'], type: 'unique' },
      { name: 'pl_ev_subject_policy_idx', columns: ['subject', 'policy_key', 'seq'] },
      { name: 'pl_ev_policy_version_idx', columns: ['policy_key', 'policy_version', 'action'] },
      { name: 'pl_ev_occurred_idx', columns: ['occurred_at'] },
      { name: 'pl_ev_submission_idx', columns: ['submission_id'] },
      { name: 'pl_ev_form_idx', columns: ['form_key', 'seq'] },
      { name: 'pl_ev_linked_idx', columns: ['linked_subject'] },
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
    indexes: [
      { name: 'pl_cp_start_uq', columns: ['seq_from', 'audit_from'], type: 'unique' },
      // The public log finds a checkpoint someone kept by its hash (services/checkpoint-log.ts).
      { name: 'pl_cp_hash_idx', columns: ['hash'] },
    ],
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
];
