import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES } from '../db/tables';
import type { MailContent } from '../mail/templates';
import { iso } from '../utils/db';
import { clock, pluginConfig } from '../utils/plugin';

/** One message to queue: whom, what, and what it belongs to (erased with it). */
export interface OutgoingMail extends MailContent {
  kind: 'confirmation' | 'notice';
  ref: string;
  to: string;
}

/** After this many failed attempts a message stays in the outbox, unsent, and the admin says so. */
export const MAX_ATTEMPTS = 8;
const CLAIM_MS = 5 * 60_000;
/** Wait before a retry: 1, 2, 4 … minutes, at most an hour. */
const backoffMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
/** A write that queued mail starts the sender this soon after (writes close together share one run). */
const KICK_DELAY_MS = 200;
/** Messages sent at once. */
const PARALLEL = 4;

interface OutboxRow {
  id: number;
  kind: string;
  recipient: string;
  message: string;
  attempts: number;
}

/**
 * The outbox: e-mails are written in the transaction that needs them and
 * sent after it, through Strapi's email plugin (its provider, its
 * `defaultFrom`), by whichever instance claims them first: right after the
 * write, and every minute by the mail job. A failed message is retried with
 * backoff; a sent one keeps only its recipient and when.
 */
const mailerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let again = false;

  /** The outbox rows of `mails`, to write with the rows that need them (db/rows.ts `outbox`). */
  function rowsOf(mails: OutgoingMail[]) {
    const now = iso(clock(strapi).now());
    return mails.map((m) => ({
      kind: m.kind,
      ref: m.ref,
      recipient: m.to,
      message: JSON.stringify({ subject: m.subject, text: m.text, html: m.html }),
      created_at: now,
      attempts: 0,
    }));
  }

  /** Queues `mails` in `trx` (the caller's transaction) or on its own. */
  async function enqueue(mails: OutgoingMail[], trx?: Knex.Transaction) {
    const all = rowsOf(mails);
    for (let i = 0; i < all.length; i += 200) {
      const q = knex()(TABLES.outbox).insert(all.slice(i, i + 200));
      await (trx ? q.transacting(trx) : q);
    }
  }

  async function sendOne(row: OutboxRow) {
    const content = JSON.parse(row.message) as MailContent;
    const from = pluginConfig(strapi).mail.from;
    const email = strapi.plugin('email')?.service('email') as
      { send(options: Record<string, unknown>): Promise<unknown> } | undefined;
    if (!email) throw new Error("Strapi's email plugin is not loaded");
    await email.send({ to: row.recipient, ...(from ? { from } : {}), ...content });
  }

  /**
   * Sends what is due, one batch: claimed in one statement (another instance
   * claims other rows), sent a few at a time, marked sent in one statement.
   * Returns how many were sent and how many failed.
   */
  async function sendBatch(): Promise<{ sent: number; failed: number }> {
    const now = clock(strapi).now();
    const claim = randomUUID();
    const due = knex()(TABLES.outbox)
      .whereNull('sent_at')
      .andWhere('attempts', '<', MAX_ATTEMPTS)
      .andWhere((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<=', iso(now)))
      .orderBy('id', 'asc')
      .limit(pluginConfig(strapi).mail.batchSize)
      .select('id');
    const ids = ((await due) as Array<{ id: number }>).map((r) => r.id);
    if (!ids.length) return { sent: 0, failed: 0 };
    await knex()(TABLES.outbox)
      .whereIn('id', ids)
      .whereNull('sent_at')
      .andWhere((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<=', iso(now)))
      .update({
        claim,
        claimed_until: iso(new Date(now.getTime() + CLAIM_MS)),
        attempts: knex().raw('attempts + 1'),
      });
    const rows = (await knex()(TABLES.outbox)
      .where({ claim })
      .orderBy('id', 'asc')
      .select('id', 'kind', 'recipient', 'message', 'attempts')) as OutboxRow[];
    const sent: number[] = [];
    let failed = 0;
    for (let i = 0; i < rows.length; i += PARALLEL) {
      await Promise.all(
        rows.slice(i, i + PARALLEL).map(async (row) => {
          try {
            await sendOne(row);
            sent.push(row.id);
          } catch (e) {
            failed++;
            const attempts = Number(row.attempts);
            await knex()(TABLES.outbox)
              .where({ id: row.id })
              .update({
                error: String((e as Error)?.message ?? e).slice(0, 255),
                claim: null,
                claimed_until: iso(new Date(now.getTime() + backoffMs(attempts))),
              });
            strapi.log.warn(
              `[policy-ledger] could not send a ${row.kind} e-mail (attempt ${attempts} of ${MAX_ATTEMPTS}): ${(e as Error)?.message ?? e}`,
            );
          }
        }),
      );
    }
    if (sent.length) {
      // What was sent keeps only its recipient and when.
      await knex()(TABLES.outbox)
        .whereIn('id', sent)
        .update({
          sent_at: iso(clock(strapi).now()),
          message: '',
          error: null,
          claim: null,
          claimed_until: null,
        });
    }
    return { sent: sent.length, failed };
  }

  /** Starts the sender shortly; writes close together share one run, and a run in progress goes on. */
  function kick() {
    if (running) {
      again = true;
      return;
    }
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      running = (async () => {
        do {
          again = false;
          const r = await sendBatch();
          // A full batch: more may be waiting.
          if (r.sent + r.failed >= pluginConfig(strapi).mail.batchSize) again = true;
        } while (again);
      })()
        .catch((e) => strapi.log.error(`[policy-ledger] mail sender: ${(e as Error).message}`))
        .finally(() => {
          running = null;
        });
    }, KICK_DELAY_MS);
    timer.unref();
  }

  /** Sends what is due now, after the run in progress (the mail job; tests). */
  async function flush() {
    if (running) await running;
    return sendBatch();
  }

  /** What the admin and the boot check say about mail. */
  async function health() {
    const failing = (await knex()(TABLES.outbox)
      .whereNull('sent_at')
      .andWhere('attempts', '>', 0)
      .whereNotNull('error')
      .count({ c: '*' })
      .first()) as { c: number | string } | undefined;
    return { failing: Number(failing?.c ?? 0) };
  }

  /** Stops a pending kick (on destroy). */
  function stop() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  return { rowsOf, enqueue, flush, kick, health, stop };
};

export default mailerService;

declare module './registry' {
  interface PluginServices {
    mailer: ReturnType<typeof mailerService>;
  }
}
