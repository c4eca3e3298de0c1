import { str, ISO, HASH } from './columns';
import { TABLES } from '../tables';

/** What the reports read: counters, standings and people, verifications and time stamps. */
export const reportsModels = [
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
    // Where each successful verification ended (verification/service.ts):
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
    // RFC 3161 tokens on checkpoint hashes (timestamping/service.ts), one per
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
];
