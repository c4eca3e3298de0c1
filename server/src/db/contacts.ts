import type { Knex } from 'knex';
import type { PersonContact } from '../../../shared/contracts';
import { TABLES } from './tables';

interface ContactRow {
  email: string;
  locale: string | null;
  confirmed_at: string | null;
  notices: boolean | number | null;
}

/**
 * The confirmed e-mail addresses kept for notices of changes
 * (policy_ledger_contacts, services/confirmations.ts) of the person with
 * these pseudonyms: part of what is held on them.
 */
export async function contactsOf(
  knex: Knex,
  pseudonyms: readonly string[],
): Promise<PersonContact[]> {
  if (!pseudonyms.length) return [];
  const rows = (await knex(TABLES.contacts)
    .whereIn('subject', pseudonyms)
    .select('email', 'locale', 'confirmed_at', 'notices')
    .orderBy('id', 'asc')) as ContactRow[];
  return rows.map((r) => ({
    email: r.email,
    locale: r.locale,
    confirmedAt: r.confirmed_at,
    notices: Boolean(r.notices),
  }));
}

/**
 * Erases the person's contact rows and every e-mail to those addresses still
 * in the outbox (a notice queued, or sent and kept with its recipient), in
 * the erasure's transaction. Returns how many contact rows went.
 */
export async function eraseContacts(
  trx: Knex.Transaction,
  pseudonyms: readonly string[],
): Promise<number> {
  if (!pseudonyms.length) return 0;
  const emails = (await trx(TABLES.contacts)
    .whereIn('subject', pseudonyms)
    .pluck('email')) as string[];
  if (!emails.length) return 0;
  await trx(TABLES.outbox).whereIn('recipient', emails).del();
  return Number(await trx(TABLES.contacts).whereIn('subject', pseudonyms).del());
}
