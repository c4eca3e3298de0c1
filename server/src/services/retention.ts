import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DAY_MS } from '../domain/clock';
import { FORM_UID } from '../constants';
import { counterBucket, type CounterKey } from '../db/append';
import { TABLES } from '../db/tables';
import { getService } from '../utils/get-service';
import { iso } from '../utils/db';
import { clock, pluginConfig, timeZoneOf } from '../utils/plugin';
import { dayOf } from '../domain/zone';

const retentionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const integrity = () => getService(strapi, 'integrity');

  /**
   * Deletes evidence (IP, user agent, page) older than retention.evidenceDays
   * and erases the data of submissions older than their form's retention.
   * Events stay: they commit to the evidence's hash, not to the evidence.
   */
  async function purge() {
    const now = clock(strapi).now();
    const cfg = pluginConfig(strapi).retention;
    const evidenceCutoff = iso(new Date(now.getTime() - cfg.evidenceDays * DAY_MS));
    const evidence = await knex()(TABLES.evidence).where('created_at', '<', evidenceCutoff).del();
    const forms = (await strapi.db
      .query(FORM_UID)
      .findMany({ select: ['key', 'retentionDays'] })) as Array<{
      key: string;
      retentionDays: number | null;
    }>;
    let submissions = 0;
    const keyed = new Set(forms.map((f) => f.key));
    /** Erases the data of the submissions `which` picks, and their index rows, in one transaction. */
    const erase = (which: (q: Knex.QueryBuilder) => Knex.QueryBuilder) =>
      strapi.db.transaction(async ({ trx }) => {
        const at = () => which(knex()(TABLES.submissions).transacting(trx));
        const n = await at()
          .whereNull('erased_at')
          .update({ data: null, erased_at: iso(now), erase_reason: 'retention' });
        // Nothing finds them by an identifier any more (db/held.ts).
        if (n > 0) {
          const erased = at()
            .where({ erased_at: iso(now), erase_reason: 'retention' })
            .select('public_id');
          await knex()(TABLES.identifiers)
            .transacting(trx)
            .where('kind', 'submission')
            .whereIn('ref', erased)
            .del();
        }
        return n;
      });
    for (const f of forms) {
      const cutoff = iso(
        new Date(now.getTime() - (f.retentionDays ?? cfg.submissionDays) * DAY_MS),
      );
      submissions += await erase((q) =>
        q.where({ form_key: f.key }).andWhere('received_at', '<', cutoff),
      );
    }
    // Submissions of forms that no longer exist: the plugin default.
    const orphanCutoff = iso(new Date(now.getTime() - cfg.submissionDays * DAY_MS));
    submissions += await erase((q) =>
      q.whereNotIn('form_key', [...keyed]).andWhere('received_at', '<', orphanCutoff),
    );
    // Held (double opt-in) submissions whose link expired: erased with their unsent mail.
    const unconfirmed = await getService(strapi, 'confirmations').expire();
    // Signed-in users' e-mails never confirmed (services/account-emails.ts): nothing is linked.
    await getService(strapi, 'account-emails').expire();
    return { evidence, submissions, unconfirmed };
  }

  /**
   * Daily rollup: appends spread each day's counts over shards (so concurrent
   * writers rarely wait on one row); once a day is over nothing appends to it
   * any more, and its shards are merged into shard 0. Totals do not change.
   */
  async function compactCounters() {
    // A day is over once it is over both in UTC and in the plugin's zone (counters written
    // before 0.7 carry UTC days; later ones the zone's).
    const now = clock(strapi).now();
    const today = [iso(now).slice(0, 10), dayOf(iso(now), timeZoneOf(strapi))].sort()[0];
    const mysql = /mysql/.test(
      String((knex().client as { config: { client: string } }).config.client),
    );
    return strapi.db.transaction(async ({ trx }) => {
      // Rows written before evidence strength existed hold null there: the same bucket as ''.
      const strength = trx.raw("COALESCE(strength, '')");
      const groups = (await trx(TABLES.counters)
        .where('day', '<', today)
        .andWhere('shard', '>', 0)
        .select('policy_key', 'policy_version', 'locale', 'form_key', 'day', 'action')
        .select({ strength })
        .sum({ n: 'n' })
        .groupBy(
          'policy_key',
          'policy_version',
          'locale',
          'form_key',
          'day',
          'action',
          strength,
        )) as Array<Record<string, string | number>>;
      if (!groups.length) return 0;
      const rows = groups
        .map((g) => ({
          ...g,
          policy_version: Number(g.policy_version),
          n: Number(g.n),
          shard: 0,
          bucket: counterBucket({ ...(g as unknown as CounterKey), shard: 0 }),
        }))
        .sort((a, b) => a.bucket.localeCompare(b.bucket));
      for (let i = 0; i < rows.length; i += 500) {
        await trx(TABLES.counters)
          .insert(rows.slice(i, i + 500))
          .onConflict('bucket')
          .merge({
            n: mysql
              ? trx.raw('n + VALUES(n)')
              : trx.raw('?? + excluded.n', [`${TABLES.counters}.n`]),
          });
      }
      return trx(TABLES.counters).where('day', '<', today).andWhere('shard', '>', 0).del();
    });
  }

  return {
    purge,
    compactCounters,

    /** The retention job: once a day across instances; it also rolls up yesterday's counters. */
    async runRetentionJob() {
      const period = iso(clock(strapi).now()).slice(0, 10);
      if (!(await integrity().claim('retention', period))) return null;
      const purged = await purge();
      return { ...purged, counterRowsMerged: await compactCounters() };
    },
  };
};

export default retentionService;

declare module './registry' {
  interface PluginServices {
    retention: ReturnType<typeof retentionService>;
  }
}
