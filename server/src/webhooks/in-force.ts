import type { Core } from '@strapi/strapi';
import { EDITION_UID, PLUGIN_ID } from '../constants';
import { editionInForce } from './events';

const KEY = 'in-force-announced-until';

interface InForceRow {
  documentId: string;
  version: number | null;
  changeKind: string;
  effectiveAt: string | Date;
  policy?: { key: string } | null;
}

/**
 * Sends `policy-ledger.edition.in-force` for every edition whose effective
 * instant passed since the last call (the sealing job calls it once per
 * period, on one instance). The instant reached is kept in the plugin store;
 * the first call only starts the count (editions in force before it are not
 * announced). Returns the editions announced.
 */
export async function announceInForce(strapi: Core.Strapi, now: Date) {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const since = (await store.get({ key: KEY })) as string | null;
  const until = now.toISOString();
  if (since && since >= until) return [];
  const rows = since
    ? ((await strapi.db.query(EDITION_UID).findMany({
        where: {
          effectiveAt: { $gt: since, $lte: until },
          releasedAt: { $notNull: true },
          cancelledAt: { $null: true },
        },
        populate: { policy: { select: ['key'] } },
      })) as InForceRow[])
    : [];
  const seen = new Map<string, InForceRow>();
  for (const r of rows) if (r.version !== null && r.policy) seen.set(r.documentId, r);
  const announced = [...seen.values()].map((r) => ({
    documentId: r.documentId,
    policy: r.policy!.key,
    version: r.version as number,
    changeKind: r.changeKind,
    effectiveAt: new Date(r.effectiveAt).toISOString(),
  }));
  await store.set({ key: KEY, value: until });
  for (const e of announced) editionInForce(strapi, e);
  return announced;
}
