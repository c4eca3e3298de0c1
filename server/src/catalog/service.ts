import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  EditionArchive,
  PolicyEdition,
  PolicyFormat,
  PolicySummary,
} from '../../../shared/contracts';
import { currentBody, describe, etagOf, maxAgeAt, negotiate, textOf, bodyIn } from './responses';
import type { LocaleRequest, PolicySnapshot, ReleasedEdition, Served } from './types';
import { EDITION_UID, POLICY_UID } from '../constants';
import { groupEditions } from '../db/edition-rows';
import { pickCurrent } from '../domain/effective';
import { sha256Hex } from '../domain/hash';
import { cachedLoader } from '../utils/cache';
import { i18nLocales, requiredLocalesOf } from '../utils/locales';
import { clock, pluginConfig } from '../utils/plugin';
import type { EditionRow, PolicyRow } from '../db/edition-rows';

export type { LocaleRequest, PolicySnapshot, Served } from './types';

/**
 * The released policies as served: each policy is read once per `cache.ttl`
 * (concurrent misses share one read) and its response bodies are memoized
 * per variant, so the public routes and the fast path answer from memory.
 * Editors' changes invalidate it (document-guards/).
 */
const catalogService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = pluginConfig(strapi);
  const fallbacks = config.fallbackLocales;

  async function load(key: string): Promise<PolicySnapshot | null> {
    const policy = (await strapi.db
      .query(POLICY_UID)
      .findOne({ where: { key } })) as PolicyRow | null;
    if (!policy) return null;
    const [rows, knownLocales, requiredLocales] = await Promise.all([
      strapi.db.query(EDITION_UID).findMany({
        where: { policy: { id: policy.id }, releasedAt: { $notNull: true } },
        orderBy: [{ version: 'asc' }, { locale: 'asc' }],
      }) as Promise<EditionRow[]>,
      i18nLocales(strapi),
      requiredLocalesOf(strapi, policy),
    ]);
    return {
      id: policy.id,
      key: policy.key,
      name: policy.name,
      operatorEmail: policy.operatorEmail ?? null,
      requiredLocales,
      defaultLocale: requiredLocales[0],
      knownLocales,
      editions: groupEditions(strapi, rows),
      responses: new Map(),
    };
  }

  const ttlMs = config.cache.ttl * 1000;
  const snapshots = cachedLoader({ max: 1000, ttlMs, load });
  const keyList = cachedLoader({
    max: 1,
    ttlMs,
    load: async () =>
      (
        (await strapi.db
          .query(POLICY_UID)
          .findMany({ select: ['key'], orderBy: { key: 'asc' } })) as Array<{ key: string }>
      ).map((r) => r.key),
  });

  async function mustGet(key: string): Promise<PolicySnapshot> {
    const snap = await snapshots.get(key);
    if (!snap) throw new errors.NotFoundError(`No policy with key "${key}"`, { key });
    return snap;
  }

  /** The current edition of a loaded policy, as served (memoized per variant). */
  function currentOf(snap: PolicySnapshot, req: LocaleRequest, format: PolicyFormat): Served {
    const now = clock(strapi).now();
    const { current, upcoming } = pickCurrent(snap.editions, now);
    if (!current) {
      throw new errors.NotFoundError(`Policy "${snap.key}" has no edition in force yet`, {
        key: snap.key,
        upcoming: upcoming
          ? { version: upcoming.version, effectiveAt: upcoming.effectiveAt.toISOString() }
          : null,
      });
    }
    const locales = negotiate(snap, current, req, fallbacks);
    const variant = `${format}|${locales.requestedLocale}|${locales.servedLocale}|${current.version}|${upcoming?.version ?? ''}`;
    let cached = snap.responses.get(variant);
    if (!cached) {
      const data = currentBody(snap, current, upcoming, locales, format, fallbacks);
      // The ETag starts with the content hash of the text served; the suffix
      // tells apart what else the response carries (format, locales, upcoming).
      const json = JSON.stringify({ data, meta: {} });
      const etag = `"${data.contentHash}-${sha256Hex(variant).slice(0, 12)}"`;
      cached = { data, etag, json, bytes: Buffer.from(json) };
      snap.responses.set(variant, cached);
    }
    const { data, etag, json, bytes } = cached;
    return { data, etag, json, bytes, maxAge: maxAgeAt(snap, now, config.cache.maxAge) };
  }

  return {
    snapshot: (key: string) => snapshots.get(key),

    /** The text of `edition` a request for `req` gets (negotiated locale, hash). */
    textFor(snap: PolicySnapshot, edition: ReleasedEdition, req: LocaleRequest) {
      const { requestedLocale, servedLocale } = negotiate(snap, edition, req, fallbacks);
      const t = edition.texts[servedLocale];
      return { requestedLocale, servedLocale, title: t.title, contentHash: t.contentHash };
    },

    invalidate(key?: string) {
      snapshots.invalidate(key);
      keyList.invalidate();
    },

    /** GET /policies/:key/current */
    async current(key: string, req: LocaleRequest, format: PolicyFormat): Promise<Served> {
      return currentOf(await mustGet(key), req, format);
    },

    /**
     * The same answer without waiting: only when the policy is in memory and
     * fresh and has an edition in force, else null (the caller takes the
     * ordinary, asynchronous way, which loads it).
     */
    peekCurrent(key: string, req: LocaleRequest, format: PolicyFormat): Served | null {
      const snap = snapshots.peek(key);
      if (!snap || !pickCurrent(snap.editions, clock(strapi).now()).current) return null;
      return currentOf(snap, req, format);
    },

    /** GET /policies/:key/editions */
    async archive(key: string, req: LocaleRequest): Promise<Served> {
      const snap = await mustGet(key);
      const now = clock(strapi).now();
      const data: EditionArchive = {
        policy: snap.key,
        editions: [...snap.editions]
          .reverse()
          .map((e) => ({ ...describe(snap, e, now), ...textOf(snap, e, req, fallbacks) })),
      };
      return { data, etag: etagOf(data), maxAge: maxAgeAt(snap, now, config.cache.maxAge) };
    },

    /** GET /policies/:key/editions/:version */
    async edition(
      key: string,
      version: number,
      req: LocaleRequest,
      format: PolicyFormat,
    ): Promise<Served> {
      const snap = await mustGet(key);
      const e = snap.editions.find((x) => x.version === version);
      if (!e)
        throw new errors.NotFoundError(`Policy "${key}" has no released edition ${version}`, {
          key,
          version,
        });
      const now = clock(strapi).now();
      const text = textOf(snap, e, req, fallbacks);
      const data: PolicyEdition = {
        policy: snap.key,
        ...describe(snap, e, now),
        ...text,
        format,
        body: bodyIn(e.texts[text.servedLocale].body, format),
      };
      return { data, etag: etagOf(data), maxAge: maxAgeAt(snap, now, config.cache.maxAge) };
    },

    /** GET /policies */
    async list(): Promise<Served> {
      const now = clock(strapi).now();
      const keys = await keyList.get('keys');
      const snaps = (await Promise.all(keys.map((k) => snapshots.get(k)))).filter(
        (s): s is PolicySnapshot => !!s,
      );
      const brief = (e: ReleasedEdition | null) =>
        e
          ? {
              version: e.version,
              editionDate: e.editionDate,
              effectiveAt: e.effectiveAt.toISOString(),
              changeKind: e.changeKind,
            }
          : null;
      const data: PolicySummary[] = snaps.map((s) => {
        const { current, upcoming } = pickCurrent(s.editions, now);
        return {
          key: s.key,
          name: s.name,
          requiredLocales: s.requiredLocales,
          current: brief(current),
          upcoming: brief(upcoming),
        };
      });
      const maxAge = snaps.reduce(
        (m, s) => Math.min(m, maxAgeAt(s, now, config.cache.maxAge)),
        config.cache.maxAge,
      );
      return { data, etag: etagOf(data), maxAge };
    },
  };
};

export default catalogService;

declare module '../services/registry' {
  interface PluginServices {
    catalog: ReturnType<typeof catalogService>;
  }
}
