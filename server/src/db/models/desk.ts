import { str, ISO, HASH } from './columns';
import { TABLES } from '../tables';

/** The privacy officer's desk and the mail: requests, the audit trail, contacts, held submissions, the outbox. */
export const deskModels = [
  {
    // The register of data-subject requests (services/requests.ts). Dates are
    // calendar dates in the plugin's time zone; `changes` and `actions` are JSON lists.
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
      // JSON list of status changes with what was typed for each (RequestStatusChange).
      changes: { type: 'text' },
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
    // The audit trail (audit/service.ts): who released, cancelled, exported,
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
      { name: 'pl_pending_subject_idx', columns: ['subject'] },
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
