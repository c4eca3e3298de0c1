import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { ConfirmationStatus, SubmissionResult } from '../../../shared/contracts';
import { contentOfRow, type EventRow } from '../db/event-row';
import { TABLES } from '../db/tables';
import { DAY_MS } from '../domain/clock';
import { gone } from '../http/errors';
import type { RequestMeta } from '../ledger/evidence';
import { policySnapshot } from '../ledger/policies';
import { receiptEvent, withdrawHint } from '../ledger/receipts';
import { emailLinkMail } from '../mail/templates';
import { checkConfirmationToken, confirmationToken } from '../mail/token';
import { iso, isUniqueViolation } from '../utils/db';
import { getService } from '../utils/get-service';
import { clock, pluginConfig, timeZoneOf } from '../utils/plugin';
import { pseudonymOf, subjectSecret } from '../utils/subjects';

interface LinkRequestRow {
  id: number;
  public_id: string;
  form_key: string;
  locale: string;
  subject: string;
  linked_subject: string;
  expires_at: string;
}

interface SubmissionRow {
  public_id: string;
  form_key: string;
  form_revision: number;
  form_hash: string;
  locale: string;
  received_at: string;
}

/** What a signed-in user's submission asks to confirm: the e-mail they typed. */
export interface AccountEmail {
  /** The recorded submission (its public id): the link names it. */
  submissionId: string;
  /** The account's pseudonym (`id:<user id>`): the submission's subject. */
  subject: string;
  email: string;
  form: { key: string; title: string };
  locale: string;
}

/**
 * A signed-in user's e-mail, confirmed by the link e-mailed to it, linked to
 * their account. Their submission is recorded at once as `id:<user id>`
 * (auth/caller.ts); on a double opt-in form its e-mail also gets a link
 * (`link.<submission id>…`, mail/token.ts), and opening it records a `linked`
 * entry between the account's pseudonym and the e-mail's
 * (services/identities.ts), with strength `confirmed` and the opening
 * request as its evidence. From then on the person's anonymous double opt-in
 * submissions under that e-mail and their account are one person.
 */
const accountEmailsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** The token checked, or the 4xx that says why not (as services/confirmations.ts answers). */
  function checked(token: string) {
    const result = checkConfirmationToken(subjectSecret(strapi), token, clock(strapi).now());
    if (result.ok) return result;
    if (result.reason === 'expired') {
      throw gone('This confirmation link has expired: the e-mail was not linked', {
        code: 'CONFIRMATION_EXPIRED',
        expiresAt: iso(result.expiresAt as Date),
      });
    }
    const message = 'token is not a valid confirmation link';
    throw new errors.ValidationError(message, { errors: [{ path: ['token'], message }] });
  }

  const requestRow = async (id: string) =>
    (await knex()(TABLES.linkRequests).where({ public_id: id }).first()) as
      LinkRequestRow | undefined;

  /** Whether the link of submission `id` was opened: its `linked` entry names the submission. */
  const linkedBy = async (id: string) =>
    (await knex()(TABLES.events)
      .where({ submission_id: id, action: 'linked' })
      .first('event_id')) !== undefined;

  /** The recorded submission's receipt, rebuilt from its events (what a confirmation answers). */
  async function receiptOf(id: string): Promise<SubmissionResult> {
    const s = (await knex()(TABLES.submissions).where({ public_id: id }).first()) as
      SubmissionRow | undefined;
    if (!s) throw gone('This submission no longer exists', { code: 'CONFIRMATION_GONE' });
    const rows = (await knex()(TABLES.events)
      .where({ submission_id: id })
      .whereNotIn('action', ['linked', 'unlinked'])
      .orderBy('seq', 'asc')) as EventRow[];
    const lag = pluginConfig(strapi).jobs.sealLagSeconds;
    const events = rows.map((r) => receiptEvent(contentOfRow(r), r.hash, lag));
    const snap = rows.length
      ? await policySnapshot(strapi, rows[0].policy_key).catch(() => null)
      : null;
    return {
      status: 'recorded',
      submissionId: id,
      receivedAt: s.received_at,
      receipt: {
        submission: id,
        receivedAt: s.received_at,
        form: { key: s.form_key, revision: Number(s.form_revision), hash: s.form_hash },
        locale: s.locale,
        purposes: events[0]?.content.purposes ?? {},
        events,
        withdraw: withdrawHint(snap),
      },
    };
  }

  return {
    /**
     * After a signed-in user's submission on a double opt-in form: e-mails
     * the link that confirms the e-mail typed, unless it is linked to the
     * account already. Once per submission (a replayed submission sends nothing).
     */
    async request(a: AccountEmail): Promise<boolean> {
      const emailSubject = pseudonymOf(strapi, `email:${a.email}`);
      if (emailSubject === a.subject) return false;
      const person = await getService(strapi, 'identities').pseudonymsOf(a.subject);
      if (person.includes(emailSubject)) return false;
      const now = clock(strapi).now();
      const expiresAt = new Date(now.getTime() + pluginConfig(strapi).mail.confirmDays * DAY_MS);
      const mail = emailLinkMail({
        locale: a.locale,
        form: a.form.title,
        link: getService(strapi, 'confirmations').linkFor(
          confirmationToken(subjectSecret(strapi), a.submissionId, expiresAt, 'link'),
        ),
        expiresAt,
        timeZone: timeZoneOf(strapi),
      });
      const mailer = getService(strapi, 'mailer');
      try {
        await strapi.db.transaction(async ({ trx }) => {
          await trx(TABLES.linkRequests).insert({
            public_id: a.submissionId,
            form_key: a.form.key,
            locale: a.locale,
            subject: a.subject,
            linked_subject: emailSubject,
            created_at: iso(now),
            expires_at: iso(expiresAt),
          });
          await trx(TABLES.outbox).insert(
            mailer.rowsOf([{ kind: 'confirmation', ref: a.submissionId, to: a.email, ...mail }]),
          );
        });
      } catch (e) {
        if (isUniqueViolation(e)) return false; // asked already
        throw e;
      }
      mailer.kick();
      return true;
    },

    /**
     * POST /confirmations/link.…: links the e-mail to the account (once; a
     * second click links nothing more) and answers the submission's receipt.
     */
    async confirm(token: string, meta: RequestMeta): Promise<SubmissionResult> {
      const { submissionId } = checked(token);
      const row = await requestRow(submissionId);
      if (!row) {
        if (await linkedBy(submissionId)) return receiptOf(submissionId);
        throw gone('This e-mail is no longer waiting for confirmation', {
          code: 'CONFIRMATION_GONE',
        });
      }
      const s = (await knex()(TABLES.submissions)
        .where({ public_id: submissionId })
        .first('form_key', 'form_revision', 'form_hash')) as
        Pick<SubmissionRow, 'form_key' | 'form_revision' | 'form_hash'> | undefined;
      await getService(strapi, 'identities').link(row.subject, row.linked_subject, {
        method: 'form',
        strength: 'confirmed',
        submission: submissionId,
        form: s ? { key: s.form_key, revision: Number(s.form_revision), hash: s.form_hash } : null,
        meta,
      });
      await knex()(TABLES.linkRequests).where({ id: row.id }).del();
      return receiptOf(submissionId);
    },

    /** GET /confirmations/link.…: whether the link still works. */
    async status(token: string): Promise<ConfirmationStatus & { locale: string | null }> {
      const result = checkConfirmationToken(subjectSecret(strapi), token, clock(strapi).now());
      if (!result.ok && result.reason !== 'expired') checked(token);
      const expiresAt = iso(result.expiresAt as Date);
      if (!result.ok) return { status: 'expired', form: null, expiresAt, locale: null };
      const row = await requestRow(result.submissionId);
      if (row) {
        return {
          status: 'pending',
          form: row.form_key,
          expiresAt: row.expires_at,
          locale: row.locale,
        };
      }
      if (await linkedBy(result.submissionId)) {
        const s = (await knex()(TABLES.submissions)
          .where({ public_id: result.submissionId })
          .first('form_key', 'locale')) as { form_key: string; locale: string } | undefined;
        return {
          status: 'confirmed',
          form: s?.form_key ?? null,
          expiresAt,
          locale: s?.locale ?? null,
        };
      }
      return { status: 'expired', form: null, expiresAt, locale: null };
    },

    /** Deletes the requests whose link expired, with their unsent messages. */
    async expire(): Promise<number> {
      const now = iso(clock(strapi).now());
      let erased = 0;
      for (;;) {
        const rows = (await knex()(TABLES.linkRequests)
          .where('expires_at', '<=', now)
          .orderBy('id')
          .limit(500)
          .select('id', 'public_id')) as Array<{ id: number; public_id: string }>;
        if (!rows.length) return erased;
        await strapi.db.transaction(async ({ trx }) => {
          await trx(TABLES.outbox)
            .whereIn(
              'ref',
              rows.map((r) => r.public_id),
            )
            .whereNull('sent_at')
            .del();
          erased += await trx(TABLES.linkRequests)
            .whereIn(
              'id',
              rows.map((r) => r.id),
            )
            .del();
        });
      }
    },

    /** Erasure: the requests of these pseudonyms (either side), in the caller's transaction. */
    async eraseOf(trx: Knex, pseudonyms: readonly string[]): Promise<number> {
      let n = 0;
      for (let i = 0; i < pseudonyms.length; i += 400) {
        const part = pseudonyms.slice(i, i + 400);
        n += await trx(TABLES.linkRequests)
          .where((q) => q.whereIn('subject', part).orWhereIn('linked_subject', part))
          .del();
      }
      return n;
    },
  };
};

export default accountEmailsService;

declare module './registry' {
  interface PluginServices {
    'account-emails': ReturnType<typeof accountEmailsService>;
  }
}
