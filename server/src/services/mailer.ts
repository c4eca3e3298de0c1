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
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  function rows(mails: OutgoingMail[]) {
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
    const all = rows(mails);
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

  /** Sends what is due, one batch; returns how many were sent and how many failed. */
  async function flush(): Promise<{ sent: number; failed: number }> {
    const now = clock(strapi).now();
    const due = (await knex()(TABLES.outbox)
      .whereNull('sent_at')
      .andWhere('attempts', '<', MAX_ATTEMPTS)
      .andWhere((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<=', iso(now)))
      .orderBy('id', 'asc')
      .limit(pluginConfig(strapi).mail.batchSize)
      .select('id', 'kind', 'recipient', 'message', 'attempts')) as OutboxRow[];
    let sent = 0;
    let failed = 0;
    for (const row of due) {
      // Claim it: another instance may be sending the same batch.
      const claimed = await knex()(TABLES.outbox)
        .where({ id: row.id, attempts: row.attempts })
        .whereNull('sent_at')
        .update({
          attempts: Number(row.attempts) + 1,
          claimed_until: iso(new Date(now.getTime() + CLAIM_MS)),
        });
      if (!claimed) continue;
      try {
        await sendOne(row);
        await knex()(TABLES.outbox)
          .where({ id: row.id })
          .update({
            sent_at: iso(clock(strapi).now()),
            message: '',
            error: null,
            claimed_until: null,
          });
        sent++;
      } catch (e) {
        failed++;
        const attempts = Number(row.attempts) + 1;
        await knex()(TABLES.outbox)
          .where({ id: row.id })
          .update({
            error: String((e as Error)?.message ?? e).slice(0, 255),
            claimed_until: iso(new Date(now.getTime() + backoffMs(attempts))),
          });
        strapi.log.warn(
          `[policy-ledger] could not send a ${row.kind} e-mail (attempt ${attempts} of ${MAX_ATTEMPTS}): ${(e as Error)?.message ?? e}`,
        );
      }
    }
    return { sent, failed };
  }

  /** Starts the sender shortly, once for writes that come together. */
  function kick() {
    if (timer || running) return;
    timer = setTimeout(() => {
      timer = null;
      running = flush()
        .catch((e) => strapi.log.error(`[policy-ledger] mail sender: ${(e as Error).message}`))
        .finally(() => {
          running = null;
        });
    }, KICK_DELAY_MS);
    timer.unref();
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

  return { enqueue, flush, kick, health, stop };
};
