import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  ConfirmationStatus,
  PendingSubmission,
  SubmissionResult,
} from '../../../shared/contracts';
import { identifierRows } from '../db/identifiers';
import { TABLES } from '../db/tables';
import { DAY_MS } from '../domain/clock';
import { gone } from '../http/errors';
import { idempotent } from '../ledger/idempotency';
import type { RequestMeta } from '../ledger/evidence';
import { checkConfirmationToken, confirmationToken, purposeOf } from '../mail/token';
import { confirmationMail } from '../mail/templates';
import { iso, isUniqueViolation } from '../utils/db';
import { getService } from '../utils/get-service';
import { clock, pluginConfig, timeZoneOf } from '../utils/plugin';
import { publicApiUrl } from '../utils/public-url';
import { subjectSecret } from '../utils/subjects';
import { recordSubmission, type SubmissionRecord } from './submissions';

/** What a pending row keeps: the submission as checked, and what confirming adds. */
interface PendingContent extends Omit<
  SubmissionRecord,
  'subject' | 'submissionId' | 'receivedAt' | 'identifiers'
> {
  notices: boolean;
  pageUrl: string | null;
}

interface PendingRow {
  id: number;
  public_id: string;
  form_key: string;
  subject: string;
  email: string;
  content: string;
  received_at: string;
  expires_at: string;
}

/** j***@example.kz: enough for the person to recognise, nothing for anyone else. */
export const maskEmail = (email: string) => {
  const at = email.lastIndexOf('@');
  return at < 1 ? '***' : `${email[0]}***${email.slice(at)}`;
};

/**
 * Double opt-in. An anonymous submission to a form that collects an e-mail
 * is held (202) — it changes nobody's standing and sits in nobody's record —
 * and a signed, expiring link goes to that address through the outbox
 * (services/mailer.ts). Opening the link records the submission with
 * evidence strength `confirmed` and the confirming request as its evidence,
 * and confirms the e-mail for notices (policy_ledger_contacts). Unconfirmed
 * submissions are erased when their link expires (the retention job).
 */
const confirmationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const secret = () => subjectSecret(strapi);

  /** Where the link points: the site's page (mail.confirmUrl) or the plugin's own. */
  function linkFor(token: string) {
    const template = pluginConfig(strapi).mail.confirmUrl;
    if (template) return template.replace('{token}', encodeURIComponent(token));
    return publicApiUrl(strapi, `/confirmations/${encodeURIComponent(token)}`);
  }

  async function hold(
    record: SubmissionRecord,
    extra: { email: string; notices: boolean; pageUrl: string | null; formTitle: string },
    idempotency: { scope: string; key: string | null; body: unknown },
  ): Promise<PendingSubmission> {
    return idempotent<PendingSubmission>(
      strapi,
      idempotency.scope,
      idempotency.key,
      idempotency.body,
      async (remember) => {
        const now = clock(strapi).now();
        const expiresAt = new Date(now.getTime() + pluginConfig(strapi).mail.confirmDays * DAY_MS);
        const mail = confirmationMail({
          locale: record.locale,
          form: extra.formTitle,
          link: linkFor(confirmationToken(secret(), record.submissionId, expiresAt)),
          expiresAt,
          timeZone: timeZoneOf(strapi),
        });
        const content: PendingContent = {
          form: {
            key: record.form.key,
            revision: record.form.revision,
            definitionHash: record.form.definitionHash,
          },
          locale: record.locale,
          values: record.values,
          purposes: record.purposes,
          shown: record.shown,
          notices: extra.notices,
          pageUrl: extra.pageUrl,
          ...(record.gpc ? { gpc: record.gpc } : {}),
        };
        const response: PendingSubmission = {
          status: 'pending',
          submissionId: record.submissionId,
          receivedAt: record.receivedAt,
          confirmation: { sentTo: maskEmail(extra.email), expiresAt: iso(expiresAt) },
        };
        const idem = remember(response);
        // The ledger's write path: one transaction, committed with the writes around it.
        await getService(strapi, 'ledger-store').write({
          events: [],
          evidence: [],
          pending: [
            {
              public_id: record.submissionId,
              form_key: record.form.key,
              subject: record.subject,
              email: extra.email.slice(0, 255),
              content: JSON.stringify(content),
              received_at: record.receivedAt,
              expires_at: iso(expiresAt),
            },
          ],
          outbox: getService(strapi, 'mailer').rowsOf([
            { kind: 'confirmation', ref: record.submissionId, to: extra.email, ...mail },
          ]),
          idempotency: idem ? { ...idem, status: 202 } : null,
          // Found by every identifier it holds while it waits (db/held.ts).
          identifiers: identifierRows(
            'pending',
            record.submissionId,
            record.subject,
            record.identifiers ?? [],
          ),
        });
        getService(strapi, 'mailer').kick();
        return response;
      },
    );
  }

  /** The token checked, or the 4xx that says why not. */
  function checked(token: string) {
    const result = checkConfirmationToken(secret(), token, clock(strapi).now());
    if (result.ok) return result;
    if (result.reason === 'expired') {
      throw gone('This confirmation link has expired: the submission was not recorded', {
        code: 'CONFIRMATION_EXPIRED',
        expiresAt: iso(result.expiresAt as Date),
      });
    }
    const message = 'token is not a valid confirmation link';
    throw new errors.ValidationError(message, { errors: [{ path: ['token'], message }] });
  }

  const pendingRow = async (id: string) =>
    (await knex()(TABLES.pending).where({ public_id: id }).first()) as PendingRow | undefined;

  /** POST /confirmations/:token: records the held submission (once; a second click replays). */
  async function confirm(token: string, meta: RequestMeta): Promise<SubmissionResult> {
    // A signed-in user's e-mail, to link to their account (services/account-emails.ts).
    if (purposeOf(token) === 'link')
      return getService(strapi, 'account-emails').confirm(token, meta);
    const { submissionId } = checked(token);
    const scope = 'confirm';
    const row = await pendingRow(submissionId);
    if (!row) {
      // Confirmed before (a second click replays the first answer), or erased.
      return idempotent<SubmissionResult>(strapi, scope, submissionId, {}, async () => {
        throw gone('This submission is no longer waiting for confirmation', {
          code: 'CONFIRMATION_GONE',
        });
      });
    }
    const content = JSON.parse(row.content) as PendingContent;
    // The identifiers it was held under (its subject aside): the submission is indexed under them.
    const identifiers = (await knex()(TABLES.identifiers)
      .where({ kind: 'pending', ref: submissionId })
      .pluck('pseudonym')) as string[];
    const result = await recordSubmission(
      strapi,
      {
        submissionId,
        form: content.form,
        locale: content.locale,
        subject: row.subject,
        values: content.values,
        purposes: content.purposes,
        shown: content.shown,
        receivedAt: row.received_at,
        strength: 'confirmed',
        identifiers,
        // The signal of the request the person sent their choice with, not of the click.
        ...(content.gpc ? { gpc: content.gpc } : {}),
      },
      { ...meta, pageUrl: content.pageUrl ?? meta.pageUrl },
      { scope, key: submissionId, body: {} },
    );
    await confirmContact(row.subject, row.email, content.locale, content.notices);
    await strapi.db.transaction(async ({ trx }) => {
      await knex()(TABLES.pending).transacting(trx).where({ id: row.id }).del();
      await knex()(TABLES.identifiers)
        .transacting(trx)
        .where({ kind: 'pending', ref: submissionId })
        .del();
    });
    return result;
  }

  /** The person's e-mail is theirs: kept for notices if they asked for them. */
  async function confirmContact(subject: string, email: string, locale: string, notices: boolean) {
    const now = iso(clock(strapi).now());
    // Asking for notices once keeps them on; a later confirmation without the box does not turn them off.
    const fields = {
      email,
      locale,
      confirmed_at: now,
      updated_at: now,
      ...(notices ? { notices } : {}),
    };
    const update = () => knex()(TABLES.contacts).where({ subject }).update(fields);
    if (await knex()(TABLES.contacts).where({ subject }).first('id')) return void (await update());
    try {
      await knex()(TABLES.contacts).insert({ subject, notices, ...fields });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      await update(); // two confirmations at once: the other inserted
    }
  }

  /** GET /confirmations/:token: whether the link still works (and the locale to say it in). */
  async function status(token: string): Promise<ConfirmationStatus & { locale: string | null }> {
    if (purposeOf(token) === 'link') return getService(strapi, 'account-emails').status(token);
    const result = checkConfirmationToken(secret(), token, clock(strapi).now());
    if (!result.ok && result.reason !== 'expired') checked(token);
    const expiresAt = iso(result.expiresAt as Date);
    if (!result.ok) return { status: 'expired', form: null, expiresAt, locale: null };
    const row = await pendingRow(result.submissionId);
    if (row) {
      const { locale } = JSON.parse(row.content) as PendingContent;
      return { status: 'pending', form: row.form_key, expiresAt: row.expires_at, locale };
    }
    const done = (await knex()(TABLES.submissions)
      .where({ public_id: result.submissionId })
      .first('form_key', 'locale')) as { form_key: string; locale: string } | undefined;
    return done
      ? { status: 'confirmed', form: done.form_key, expiresAt, locale: done.locale }
      : { status: 'expired', form: null, expiresAt, locale: null };
  }

  /**
   * Whether this person's e-mail is confirmed (by a double opt-in link): an
   * anonymous caller may then not change their standing — that goes through
   * a double opt-in form, or your server (http/errors.ts `confirmedPerson`).
   */
  async function isConfirmed(subject: string): Promise<boolean> {
    const contact = await knex()(TABLES.contacts)
      .where({ subject })
      .whereNotNull('confirmed_at')
      .first('id');
    return contact !== undefined;
  }

  /** Erases held submissions whose link expired, with their unsent messages and index rows. */
  async function expire(): Promise<number> {
    const now = iso(clock(strapi).now());
    let erased = 0;
    for (;;) {
      const ids = (await knex()(TABLES.pending)
        .where('expires_at', '<=', now)
        .orderBy('id')
        .limit(500)
        .select('id', 'public_id')) as Array<{ id: number; public_id: string }>;
      if (!ids.length) return erased;
      await strapi.db.transaction(async ({ trx }) => {
        await knex()(TABLES.outbox)
          .transacting(trx)
          .whereIn(
            'ref',
            ids.map((r) => r.public_id),
          )
          .del();
        await knex()(TABLES.identifiers)
          .transacting(trx)
          .where({ kind: 'pending' })
          .whereIn(
            'ref',
            ids.map((r) => r.public_id),
          )
          .del();
        erased += await knex()(TABLES.pending)
          .transacting(trx)
          .whereIn(
            'id',
            ids.map((r) => r.id),
          )
          .del();
      });
    }
  }

  return { hold, confirm, status, isConfirmed, expire, linkFor };
};

export default confirmationsService;

declare module './registry' {
  interface PluginServices {
    confirmations: ReturnType<typeof confirmationsService>;
  }
}
