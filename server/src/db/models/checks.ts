import { str, HASH } from './columns';
import { TABLES } from '../tables';

/**
 * What a consent check reads (consents/states.ts): per person (pseudonym),
 * their latest word on each purpose (`kind` 'purpose', `key` the purpose)
 * and their standing with each policy (`kind` 'policy', `key` the policy
 * key), as JSON in `state`, folded from the sealed ledger by the sealing
 * job's catch-up (consents/state-catch-up.ts) up to a cursor kept in the
 * same table (`subject` '', `kind` 'cursor', `seq` the last seq folded). A
 * check reads a person's few rows and their events after the cursor: a
 * withdrawal counts at once, and the rows of one person sit together.
 * `seq`: the person's last event folded into the row.
 */
export const checkModels = [
  {
    uid: 'policy-ledger::purpose-state',
    singularName: 'policy_ledger_purpose_state_row',
    tableName: TABLES.purposeState,
    attributes: {
      id: { type: 'increments' },
      subject: HASH(),
      kind: str(),
      key: str(),
      state: { type: 'text' },
      seq: { type: 'integer' },
    },
    indexes: [{ name: 'pl_pst_subject_uq', columns: ['subject', 'kind', 'key'], type: 'unique' }],
  },
];
