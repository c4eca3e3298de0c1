import { str, HASH } from './columns';
import { TABLES } from '../tables';

/**
 * The index of identifiers: the pseudonym of every identifying value a
 * submission or a held submission holds (each e-mail and phone field:
 * domain/identifiers.ts) besides its subject (its own indexed column finds
 * it by that one), written in the same transaction as
 * the submission (db/write.ts) or the held submission
 * (services/confirmations.ts), and deleted with it (db/held.ts). A person
 * looked up by the phone they typed is found even where their submission
 * is keyed by their e-mail. `kind`: 'submission' or 'pending'; `ref`: the
 * submission's public id. Unique per row, so that a backfill
 * (db/identifier-backfill.ts) may run twice.
 */
export const identifierModels = [
  {
    uid: 'policy-ledger::identifier',
    singularName: 'policy_ledger_identifier',
    tableName: TABLES.identifiers,
    attributes: {
      id: { type: 'increments' },
      pseudonym: HASH(),
      kind: str(),
      ref: str(),
    },
    indexes: [
      { name: 'pl_ident_uq', columns: ['pseudonym', 'kind', 'ref'], type: 'unique' },
      { name: 'pl_ident_ref_idx', columns: ['ref', 'kind'] },
    ],
  },
];
