import type { Core } from '@strapi/strapi';
import type { Overview, OverviewPolicy } from '../../../shared/contracts';
import { EDITION_UID, POLICY_UID } from '../constants';
import { editionState, pickCurrent } from '../domain/effective';
import { getService } from '../utils/get-service';
import { clock } from '../utils/plugin';
import type { EditionRow, PolicyRow } from '../db/edition-rows';

/** The Policies tab: every policy with its editions, drafts included. */
const overviewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The Policies tab: every policy with its editions (drafts included). */
  async overview(): Promise<Overview> {
    const now = clock(strapi).now();
    const policies = (await strapi.db
      .query(POLICY_UID)
      .findMany({ orderBy: { key: 'asc' } })) as PolicyRow[];
    const rows = (await strapi.db.query(EDITION_UID).findMany({
      populate: { policy: { select: ['id'] } },
      orderBy: [{ version: 'desc' }, { id: 'asc' }],
    })) as EditionRow[];
    // Locale rows of a draft may not all carry the policy link: any one decides.
    const policyOfDoc = new Map<string, number>();
    for (const r of rows) if (r.policy) policyOfDoc.set(r.documentId, r.policy.id);
    const out: OverviewPolicy[] = [];
    for (const p of policies) {
      const snap = await getService(strapi, 'catalog').snapshot(p.key);
      const { current, upcoming } = snap
        ? pickCurrent(snap.editions, now)
        : { current: null, upcoming: null };
      const docs = new Map<string, EditionRow[]>();
      for (const r of rows) {
        if (policyOfDoc.get(r.documentId) !== p.id) continue;
        docs.set(r.documentId, [...(docs.get(r.documentId) ?? []), r]);
      }
      const editions = [...docs.values()].map((locs) => {
        const r = locs[0];
        const times = {
          version: r.version,
          releasedAt: r.releasedAt ? new Date(r.releasedAt) : null,
          effectiveAt: r.effectiveAt ? new Date(r.effectiveAt) : null,
          cancelledAt: r.cancelledAt ? new Date(r.cancelledAt) : null,
        };
        return {
          documentId: r.documentId,
          version: r.version,
          state: editionState(times, now, current?.version ?? null),
          editionDate: r.editionDate,
          releasedAt: times.releasedAt?.toISOString() ?? null,
          effectiveAt: times.effectiveAt?.toISOString() ?? null,
          cancelledAt: times.cancelledAt?.toISOString() ?? null,
          changeKind: r.changeKind,
          locales: locs.map((l) => l.locale).sort(),
          title: (locs.find((l) => l.locale === snap?.defaultLocale) ?? locs[0]).title,
        };
      });
      editions.sort(
        (a, b) => (b.version ?? Number.MAX_SAFE_INTEGER) - (a.version ?? Number.MAX_SAFE_INTEGER),
      );
      out.push({
        key: p.key,
        name: p.name,
        documentId: p.documentId,
        currentVersion: current?.version ?? null,
        upcomingVersion: upcoming?.version ?? null,
        defaultLocale: snap?.defaultLocale ?? null,
        editions,
      });
    }
    return { now: now.toISOString(), policies: out };
  },
});

export default overviewService;

declare module './registry' {
  interface PluginServices {
    overview: ReturnType<typeof overviewService>;
  }
}
