import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { appendRows } from '../db/append';
import { rowOfContent, type EventRow } from '../db/event-row';
import { rowsOf } from '../db/rows';
import { TABLES } from '../db/tables';
import { newEvent } from '../ledger/events';
import { noticeMail } from '../mail/templates';
import type { PolicySnapshot } from '../catalog/types';
import type { ReleasedEdition } from '../catalog/types';
import { getService } from '../utils/get-service';
import { clock, pluginConfig, timeZoneOf } from '../utils/plugin';
import { isUniqueViolation } from '../utils/db';
import { publicApiUrl } from '../utils/public-url';
import type { OutgoingMail } from './mailer';

/** The editions whose notices are not all sent yet, and how far each got (contacts.id). */
const KEY = 'notices-open';
type Open = Array<{ policy: string; version: number; after: number }>;

interface Recipient {
  id: number;
  subject: string;
  email: string;
  locale: string | null;
}

/** One notice per person and edition: the ledger's unique key refuses a second. */
export const noticeKey = (policy: string, version: number, subject: string) =>
  `notified:${policy}:${version}:${subject}`;

/**
 * Notices of material changes. When a `material` or `reconsent` edition is
 * released, every person with a confirmed e-mail who asked for notices and
 * whose accepted edition of that policy is older gets one e-mail (summary,
 * effective date, link), and the ledger gets one `notified` entry for them
 * — the basis of acceptance by continued use. Batch by batch: each batch's
 * entries and messages are written in one transaction, the messages sent
 * from the outbox (services/mailer.ts). Started on release, resumed by the
 * mail job until done.
 */
const noticesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const openList = async () => ((await store().get({ key: KEY })) as Open | null) ?? [];
  let running: Promise<number> | null = null;

  /** Called on release: queues the edition's notices and starts them. */
  async function schedule(policy: string, version: number) {
    const open = await openList();
    if (!open.some((o) => o.policy === policy && o.version === version)) {
      await store().set({ key: KEY, value: [...open, { policy, version, after: 0 }] });
    }
    void run().catch((e) => strapi.log.error(`[policy-ledger] notices: ${(e as Error).message}`));
  }

  function link(snap: PolicySnapshot, version: number, locale: string) {
    const template = pluginConfig(strapi).mail.editionUrl;
    const fill = (t: string) =>
      t
        .replace('{policy}', encodeURIComponent(snap.key))
        .replace('{version}', String(version))
        .replace('{locale}', encodeURIComponent(locale));
    if (template) return fill(template);
    return fill(
      publicApiUrl(strapi, '/policies/{policy}/editions/{version}?locale={locale}&format=html'),
    );
  }

  /** One batch after `after`: entries and messages in one transaction. Returns the last contact id, or null when done. */
  async function batch(
    snap: PolicySnapshot,
    edition: ReleasedEdition,
    after: number,
  ): Promise<{ last: number | null; notified: number }> {
    const size = pluginConfig(strapi).mail.noticeBatchSize;
    const people = (await knex()(`${TABLES.contacts} as c`)
      .join(`${TABLES.subjectState} as s`, 's.subject', 'c.subject')
      .where('s.policy_key', snap.key)
      .andWhere('s.accepted_version', '<', edition.version)
      .andWhere('c.notices', true)
      .whereNotNull('c.confirmed_at')
      .andWhere('c.id', '>', after)
      .orderBy('c.id', 'asc')
      .limit(size)
      .select('c.id', 'c.subject', 'c.email', 'c.locale')) as Recipient[];
    if (!people.length) return { last: null, notified: 0 };
    const keys = people.map((p) => noticeKey(snap.key, edition.version, p.subject));
    const done = new Set(
      (
        (await knex()(TABLES.events).whereIn('implied_key', keys).select('implied_key')) as Array<{
          implied_key: string;
        }>
      ).map((r) => r.implied_key),
    );
    const now = clock(strapi).now();
    const catalog = getService(strapi, 'catalog');
    const events: EventRow[] = [];
    const mails: OutgoingMail[] = [];
    for (const person of people) {
      const key = noticeKey(snap.key, edition.version, person.subject);
      if (done.has(key)) continue;
      const text = catalog.textFor(snap, edition, { locale: person.locale ?? undefined });
      const event = newEvent({
        occurredAt: now.toISOString(),
        subject: person.subject,
        action: 'notified',
        policy: snap.key,
        version: edition.version,
        locale: text.servedLocale,
        contentHash: text.contentHash,
        method: 'notice',
      });
      events.push(rowOfContent(event, key));
      mails.push({
        kind: 'notice',
        ref: key,
        to: person.email,
        ...noticeMail({
          locale: text.servedLocale,
          policy: snap.name,
          version: edition.version,
          changeKind: edition.changeKind as 'material' | 'reconsent',
          summary: edition.texts[text.servedLocale]?.changeSummary ?? null,
          effectiveAt: edition.effectiveAt,
          link: link(snap, edition.version, text.servedLocale),
          timeZone: timeZoneOf(strapi),
        }),
      });
    }
    if (events.length) {
      const rows = rowsOf({ events, evidence: [], timeZone: timeZoneOf(strapi) });
      await strapi.db.transaction(async ({ trx }) => {
        await appendRows(trx, [
          [TABLES.events, rows.events],
          [TABLES.counters, rows.counters],
        ]);
        await getService(strapi, 'mailer').enqueue(mails, trx);
      });
    }
    return { last: Number(people[people.length - 1].id), notified: events.length };
  }

  async function runOnce(): Promise<number> {
    let notified = 0;
    for (const item of await openList()) {
      const snap = await getService(strapi, 'catalog').snapshot(item.policy);
      const edition = snap?.editions.find((e) => e.version === item.version);
      let after = item.after;
      if (snap && edition && !edition.cancelledAt) {
        let redone = 0;
        for (;;) {
          let step: { last: number | null; notified: number };
          try {
            step = await batch(snap, edition, after);
          } catch (e) {
            // Another instance wrote some of this batch: redo it (it skips those), a few times.
            if (isUniqueViolation(e) && ++redone <= 3) continue;
            throw e;
          }
          redone = 0;
          notified += step.notified;
          if (step.last === null) break;
          after = step.last;
          const open = await openList();
          await store().set({
            key: KEY,
            value: open.map((o) =>
              o.policy === item.policy && o.version === item.version ? { ...o, after } : o,
            ),
          });
        }
      }
      const open = await openList();
      await store().set({
        key: KEY,
        value: open.filter((o) => !(o.policy === item.policy && o.version === item.version)),
      });
    }
    if (notified) getService(strapi, 'mailer').kick();
    return notified;
  }

  /** Sends what is due (one run at a time in this process); returns how many were notified. */
  function run(): Promise<number> {
    running ??= runOnce().finally(() => {
      running = null;
    });
    return running;
  }

  return { schedule, run };
};

export default noticesService;

declare module './registry' {
  interface PluginServices {
    notices: ReturnType<typeof noticesService>;
  }
}
