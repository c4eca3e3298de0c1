import { str, ISO, HASH } from './columns';
import { TABLES } from '../tables';

/** Linked identities: the pairs linked now, and e-mails waiting to be linked to an account. */
export const identityModels = [
  {
    // Linked identities, kept on append in the same transaction as the
    // `linked` / `unlinked` events (db/links.ts): one row per pair, in
    // canonical order (subject < linked_subject). `generation` counts the
    // pair's entries (odd: linked, even: unlinked) and only ever grows, so
    // writes that commit out of order still leave the latest state.
    uid: 'policy-ledger::link',
    singularName: 'policy_ledger_link',
    tableName: TABLES.links,
    attributes: {
      id: { type: 'increments' },
      subject: HASH(),
      linked_subject: HASH(),
      generation: { type: 'integer' },
    },
    indexes: [
      { name: 'pl_link_pair_uq', columns: ['subject', 'linked_subject'], type: 'unique' },
      { name: 'pl_link_linked_idx', columns: ['linked_subject'] },
    ],
  },
  {
    // A signed-in user's submission that typed an e-mail on a double opt-in
    // form (services/account-emails.ts): recorded at once as `id:<user id>`,
    // and this waits for the link e-mailed to that address. Opening it links
    // the e-mail's pseudonym to the account's. Deleted once opened, when the
    // link expires, or on erasure. Nothing but pseudonyms: the address is
    // only in the message (the outbox).
    uid: 'policy-ledger::link-request',
    singularName: 'policy_ledger_link_request',
    tableName: TABLES.linkRequests,
    attributes: {
      id: { type: 'increments' },
      // The submission's public id: the link names it.
      public_id: str(),
      form_key: str(),
      locale: str(),
      // The account's pseudonym (the submission's subject) and the e-mail's.
      subject: HASH(),
      linked_subject: HASH(),
      created_at: ISO(),
      expires_at: ISO(),
    },
    indexes: [
      { name: 'pl_linkreq_public_uq', columns: ['public_id'], type: 'unique' },
      { name: 'pl_linkreq_expires_idx', columns: ['expires_at'] },
      { name: 'pl_linkreq_subject_idx', columns: ['subject'] },
      { name: 'pl_linkreq_linked_idx', columns: ['linked_subject'] },
    ],
  },
];
