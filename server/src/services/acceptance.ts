import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  AcceptanceCounts,
  AcceptanceQuery,
  AcceptanceRow,
  AcceptanceStats,
  GroupKey,
  LedgerAction,
  LinkAction,
} from '../../../shared/contracts';
import { TABLES } from '../db/tables';
import { pickCurrent } from '../domain/effective';
import { getService } from '../utils/get-service';
import { clock } from '../utils/plugin';

const COLUMN: Record<GroupKey, string> = {
  version: 'policy_version',
  locale: 'locale',
  form: 'form_key',
  day: 'day',
  strength: 'strength',
};

/** Acceptance by edition from the counters (never COUNT(*) over the ledger); pending re-acceptance from the subject state. */
const acceptanceService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Acceptance by edition from the counters; pending re-acceptance from the subject state. */
  async acceptance({ policy, groupBy, from, to }: AcceptanceQuery): Promise<AcceptanceStats> {
    const snap = await getService(strapi, 'catalog').snapshot(policy);
    if (!snap) throw new errors.NotFoundError(`No policy with key "${policy}"`, { key: policy });
    const cols = groupBy.map((g) => COLUMN[g]);
    const q = strapi.db.connection(TABLES.counters).where('policy_key', policy);
    if (from) q.where('day', '>=', from.slice(0, 10));
    if (to) q.where('day', '<=', to.slice(0, 10));
    const raw = (await q
      .select([...cols, 'action'])
      .sum({ n: 'n' })
      .groupBy([...cols, 'action'])) as Array<Record<string, string | number | null>>;
    const byKey = new Map<string, AcceptanceRow>();
    const zero = (): AcceptanceCounts => ({
      granted: 0,
      implied: 0,
      withdrawn: 0,
      denied: 0,
      total: 0,
      notified: 0,
    });
    const totals = zero();
    for (const r of raw) {
      const key = cols.map((c) => String(r[c] ?? '')).join('|');
      let row = byKey.get(key);
      if (!row) {
        const by = Object.fromEntries(
          groupBy.map((g) => {
            const v = r[COLUMN[g]];
            return [g, g === 'version' ? Number(v) : v === '' || v === undefined ? null : v];
          }),
        );
        row = { ...by, ...zero() };
        byKey.set(key, row);
      }
      const n = Number(r.n);
      // Link entries are never counted (db/append.ts): a counter row is a decision or a notice.
      const action = String(r.action) as Exclude<LedgerAction, LinkAction>;
      row[action] += n;
      totals[action] += n;
      if (action !== 'notified') {
        row.total += n;
        totals.total += n;
      }
    }
    const rowsOut = [...byKey.values()].sort((a, b) => {
      for (const g of groupBy) {
        const x = a[g] ?? '';
        const y = b[g] ?? '';
        if (x < y) return -1;
        if (x > y) return 1;
      }
      return 0;
    });
    // People whose accepted version predates a re-consent edition now in force.
    const now = clock(strapi).now();
    const reconsent = snap.editions
      .filter((e) => !e.cancelledAt && e.changeKind === 'reconsent' && e.effectiveAt <= now)
      .map((e) => e.version);
    const needed = reconsent.length ? Math.max(...reconsent) : null;
    const pending =
      needed === null
        ? 0
        : Number(
            (
              (await strapi.db
                .connection(TABLES.subjectState)
                .where('policy_key', policy)
                .andWhere('accepted_version', '<', needed)
                .count({ c: '*' })
                .first()) as { c: number | string }
            ).c,
          );
    return {
      policy,
      currentVersion: pickCurrent(snap.editions, now).current?.version ?? null,
      groupBy,
      rows: rowsOut,
      totals,
      pendingReacceptance: pending,
      people: await getService(strapi, 'people-counts').countsOf(policy),
    };
  },
});

export default acceptanceService;

declare module './registry' {
  interface PluginServices {
    acceptance: ReturnType<typeof acceptanceService>;
  }
}
