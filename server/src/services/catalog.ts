import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITION_UID, POLICY_UID } from '../constants';
import { nextChange, pickCurrent, editionState } from '../domain/effective';
import { contentHash, sha256Hex } from '../domain/hash';
import { negotiateLocale } from '../domain/locale';
import { renderMarkdown } from '../domain/render';
import { i18nLocales, requiredLocalesOf } from '../utils/locales';
import { clock, pluginConfig } from '../utils/plugin';
import type { EditionRow, PolicyRow, ReleasedEdition } from './types';

export type Format = 'markdown' | 'html';

export interface PolicySnapshot {
  id: number;
  key: string;
  name: string;
  operatorEmail: string | null;
  requiredLocales: string[];
  defaultLocale: string;
  knownLocales: string[];
  /** Released editions (cancelled ones included), by version ascending. */
  editions: ReleasedEdition[];
  /** Memoized response bodies, keyed by variant. */
  responses: Map<string, CachedResponse>;
}

export interface CachedResponse {
  data: Record<string, unknown>;
  etag: string;
  /** The response body `{ data, meta }`, serialized once. */
  json: string;
  /** The same body as bytes (UTF-8), for the fast path. */
  bytes: Buffer;
}

export interface LocaleRequest {
  locale?: string | null;
  acceptLanguage?: string | null;
}

export interface Served {
  data: unknown;
  etag: string;
  maxAge: number;
  /** The serialized `{ data, meta }` body when it is memoized. */
  json?: string;
  /** `json` as UTF-8 bytes. */
  bytes?: Buffer;
}

const NEGATIVE_CACHE_LIMIT = 1000;

const toDate = (v: string | Date | null | undefined): Date | null => (v ? new Date(v) : null);

/** Groups locale rows of released editions into editions. */
export function groupEditions(strapi: Core.Strapi, rows: EditionRow[]): ReleasedEdition[] {
  const byDoc = new Map<string, ReleasedEdition>();
  for (const row of rows) {
    if (row.version === null || !row.releasedAt || !row.effectiveAt) continue;
    let e = byDoc.get(row.documentId);
    if (!e) {
      e = {
        documentId: row.documentId,
        version: row.version,
        editionDate: row.editionDate,
        releasedAt: new Date(row.releasedAt),
        effectiveAt: new Date(row.effectiveAt),
        cancelledAt: toDate(row.cancelledAt),
        changeKind: row.changeKind,
        texts: {},
      };
      byDoc.set(row.documentId, e);
    }
    // A locale row without text or hash was never released (it cannot happen
    // through the plugin's own paths); it is not served.
    if (!row.title || !row.body || !row.contentHash) continue;
    if (contentHash(row.body) !== row.contentHash) {
      strapi.log.error(`[policy-ledger] edition v${row.version} (${row.locale}): stored body does not match its content hash`);
    }
    e.texts[row.locale] = {
      title: row.title,
      body: row.body,
      changeSummary: row.changeSummary,
      contentHash: row.contentHash,
      releasedAt: toDate(row.localeReleasedAt) ?? new Date(row.releasedAt),
    };
  }
  return [...byDoc.values()].filter((e) => Object.keys(e.texts).length > 0).sort((a, b) => a.version - b.version);
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const snapshots = new Map<string, { snap: PolicySnapshot | null; loadedAt: number }>();
  const inflight = new Map<string, Promise<PolicySnapshot | null>>();
  let keyList: { keys: string[]; loadedAt: number } | null = null;

  const ttlMs = () => pluginConfig(strapi).cache.ttl * 1000;
  const fresh = (loadedAt: number) => Date.now() - loadedAt < ttlMs();

  async function load(key: string): Promise<PolicySnapshot | null> {
    const policy = (await strapi.db.query(POLICY_UID).findOne({ where: { key } })) as PolicyRow | null;
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

  /** The policy as served, from memory when fresh; concurrent misses share one read. */
  async function snapshot(key: string): Promise<PolicySnapshot | null> {
    const cached = snapshots.get(key);
    if (cached && fresh(cached.loadedAt)) return cached.snap;
    const pending = inflight.get(key);
    if (pending) return pending;
    const p = load(key)
      .then((snap) => {
        if (!snap && snapshots.size >= NEGATIVE_CACHE_LIMIT) {
          for (const [k, v] of snapshots) if (!v.snap) snapshots.delete(k);
        }
        snapshots.set(key, { snap, loadedAt: Date.now() });
        return snap;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, p);
    return p;
  }

  async function mustGet(key: string): Promise<PolicySnapshot> {
    const snap = await snapshot(key);
    if (!snap) throw new errors.NotFoundError(`No policy with key "${key}"`, { key });
    return snap;
  }

  function negotiate(snap: PolicySnapshot, edition: ReleasedEdition, req: LocaleRequest) {
    return negotiateLocale({
      queryLocale: req.locale,
      acceptLanguage: req.acceptLanguage,
      available: Object.keys(edition.texts),
      known: snap.knownLocales,
      fallbacks: pluginConfig(strapi).fallbackLocales,
      defaultLocale: snap.defaultLocale,
    });
  }

  /** Seconds a response may be cached: never past the next effective instant. */
  function maxAgeAt(snap: PolicySnapshot, now: Date): number {
    const configured = pluginConfig(strapi).cache.maxAge;
    const next = nextChange(snap.editions, now);
    if (!next) return configured;
    return Math.max(0, Math.min(configured, Math.floor((next.getTime() - now.getTime()) / 1000)));
  }

  function currentVersionAt(snap: PolicySnapshot, now: Date): number | null {
    return pickCurrent(snap.editions, now).current?.version ?? null;
  }

  function describe(snap: PolicySnapshot, e: ReleasedEdition, now: Date) {
    return {
      version: e.version,
      editionDate: e.editionDate,
      releasedAt: e.releasedAt.toISOString(),
      effectiveAt: e.effectiveAt.toISOString(),
      cancelledAt: e.cancelledAt ? e.cancelledAt.toISOString() : null,
      changeKind: e.changeKind,
      state: editionState(e, now, currentVersionAt(snap, now)),
      locales: Object.keys(e.texts).sort(),
    };
  }

  function textOf(snap: PolicySnapshot, e: ReleasedEdition, req: LocaleRequest, format: Format | null) {
    const { requestedLocale, servedLocale } = negotiate(snap, e, req);
    const t = e.texts[servedLocale];
    return {
      requestedLocale,
      servedLocale,
      title: t.title,
      ...(format ? { format, body: format === 'html' ? renderMarkdown(t.body) : t.body } : {}),
      changeSummary: t.changeSummary,
      contentHash: t.contentHash,
    };
  }

  function etagOf(data: unknown): string {
    return `"${sha256Hex(JSON.stringify(data)).slice(0, 40)}"`;
  }

  /** The current edition of a loaded policy, as served (memoized per variant). */
  function currentOf(snap: PolicySnapshot, key: string, req: LocaleRequest, format: Format): Served {
    const now = clock(strapi).now();
    const { current, upcoming } = pickCurrent(snap.editions, now);
    if (!current) {
      throw new errors.NotFoundError(`Policy "${key}" has no edition in force yet`, {
        key,
        upcoming: upcoming ? { version: upcoming.version, effectiveAt: upcoming.effectiveAt.toISOString() } : null,
      });
    }
    const { requestedLocale, servedLocale } = negotiate(snap, current, req);
    const variant = `${format}|${requestedLocale}|${servedLocale}|${current.version}|${upcoming?.version ?? ''}`;
    let cached = snap.responses.get(variant);
    if (!cached) {
      const text = current.texts[servedLocale];
      const upcomingText = upcoming ? upcoming.texts[negotiate(snap, upcoming, { locale: requestedLocale }).servedLocale] : null;
      const data = {
        policy: snap.key,
        version: current.version,
        editionDate: current.editionDate,
        releasedAt: current.releasedAt.toISOString(),
        effectiveAt: current.effectiveAt.toISOString(),
        changeKind: current.changeKind,
        requestedLocale,
        servedLocale,
        title: text.title,
        format,
        body: format === 'html' ? renderMarkdown(text.body) : text.body,
        contentHash: text.contentHash,
        upcoming: upcoming
          ? {
              version: upcoming.version,
              effectiveAt: upcoming.effectiveAt.toISOString(),
              editionDate: upcoming.editionDate,
              changeKind: upcoming.changeKind,
              changeSummary: upcomingText?.changeSummary ?? null,
            }
          : null,
      };
      // The ETag starts with the content hash of the text served; the suffix
      // tells apart what else the response carries (format, locales, upcoming).
      const json = JSON.stringify({ data, meta: {} });
      cached = { data, etag: `"${text.contentHash}-${sha256Hex(variant).slice(0, 12)}"`, json, bytes: Buffer.from(json) };
      snap.responses.set(variant, cached);
    }
    return { data: cached.data, etag: cached.etag, json: cached.json, bytes: cached.bytes, maxAge: maxAgeAt(snap, now) };
  }

  return {
    snapshot,

    /** The text of `edition` a request for `req` gets (negotiated locale, hash). */
    textFor(snap: PolicySnapshot, edition: ReleasedEdition, req: LocaleRequest) {
      const { requestedLocale, servedLocale } = negotiate(snap, edition, req);
      const t = edition.texts[servedLocale];
      return { requestedLocale, servedLocale, title: t.title, contentHash: t.contentHash };
    },

    invalidate(key?: string) {
      if (key) snapshots.delete(key);
      else snapshots.clear();
      keyList = null;
    },

    /** GET /policies/:key/current */
    async current(key: string, req: LocaleRequest, format: Format): Promise<Served> {
      return currentOf(await mustGet(key), key, req, format);
    },

    /**
     * The same answer without waiting: only when the policy is in memory and
     * fresh and has an edition in force, else null (the caller takes the
     * ordinary, asynchronous way, which loads it).
     */
    peekCurrent(key: string, req: LocaleRequest, format: Format): Served | null {
      const cached = snapshots.get(key);
      if (!cached?.snap || !fresh(cached.loadedAt)) return null;
      if (!pickCurrent(cached.snap.editions, clock(strapi).now()).current) return null;
      return currentOf(cached.snap, key, req, format);
    },

    /** GET /policies/:key/editions */
    async archive(key: string, req: LocaleRequest): Promise<Served> {
      const snap = await mustGet(key);
      const now = clock(strapi).now();
      const data = {
        policy: snap.key,
        editions: [...snap.editions]
          .reverse()
          .map((e) => ({ ...describe(snap, e, now), ...textOf(snap, e, req, null) })),
      };
      return { data, etag: etagOf(data), maxAge: maxAgeAt(snap, now) };
    },

    /** GET /policies/:key/editions/:version */
    async edition(key: string, version: number, req: LocaleRequest, format: Format): Promise<Served> {
      const snap = await mustGet(key);
      const e = snap.editions.find((x) => x.version === version);
      if (!e) throw new errors.NotFoundError(`Policy "${key}" has no released edition ${version}`, { key, version });
      const now = clock(strapi).now();
      const data = { policy: snap.key, ...describe(snap, e, now), ...textOf(snap, e, req, format) };
      return { data, etag: etagOf(data), maxAge: maxAgeAt(snap, now) };
    },

    /** GET /policies */
    async list(): Promise<Served> {
      if (!keyList || !fresh(keyList.loadedAt)) {
        const rows = (await strapi.db.query(POLICY_UID).findMany({ select: ['key'], orderBy: { key: 'asc' } })) as Array<{ key: string }>;
        keyList = { keys: rows.map((r) => r.key), loadedAt: Date.now() };
      }
      const now = clock(strapi).now();
      const snaps = (await Promise.all(keyList.keys.map((k) => snapshot(k)))).filter((s): s is PolicySnapshot => !!s);
      const brief = (e: ReleasedEdition | null) =>
        e ? { version: e.version, editionDate: e.editionDate, effectiveAt: e.effectiveAt.toISOString(), changeKind: e.changeKind } : null;
      const data = snaps.map((s) => {
        const { current, upcoming } = pickCurrent(s.editions, now);
        return { key: s.key, name: s.name, requiredLocales: s.requiredLocales, current: brief(current), upcoming: brief(upcoming) };
      });
      const maxAge = snaps.reduce((m, s) => Math.min(m, maxAgeAt(s, now)), pluginConfig(strapi).cache.maxAge);
      return { data, etag: etagOf(data), maxAge };
    },
  };
};
