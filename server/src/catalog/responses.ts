import type {
  CurrentPolicy,
  EditionFacts,
  EditionTextServed,
  PolicyFormat,
} from '../../../shared/contracts';
import { editionState, nextChange, pickCurrent } from '../domain/effective';
import { sha256Hex } from '../domain/hash';
import { negotiateLocale } from '../domain/locale';
import { renderMarkdown } from '../domain/render';
import type { LocaleRequest, PolicySnapshot, ReleasedEdition } from './types';

/** What the response bodies depend on besides the policy: the configuration. */
export interface ServeOptions {
  fallbacks: Record<string, string[]>;
  maxAge: number;
}

/** The locale a request gets of an edition (domain/locale.ts). */
export function negotiate(
  snap: PolicySnapshot,
  edition: ReleasedEdition,
  req: LocaleRequest,
  fallbacks: ServeOptions['fallbacks'],
) {
  return negotiateLocale({
    queryLocale: req.locale,
    acceptLanguage: req.acceptLanguage,
    available: Object.keys(edition.texts),
    known: snap.knownLocales,
    fallbacks,
    defaultLocale: snap.defaultLocale,
  });
}

/** Seconds a response may be cached: never past the next effective instant. */
export function maxAgeAt(snap: PolicySnapshot, now: Date, configured: number): number {
  const next = nextChange(snap.editions, now);
  if (!next) return configured;
  return Math.max(0, Math.min(configured, Math.floor((next.getTime() - now.getTime()) / 1000)));
}

export function etagOf(data: unknown): string {
  return etagOfJson(JSON.stringify(data));
}

/** The same from the serialized JSON, when the caller has it already. */
export function etagOfJson(json: string): string {
  return `"${sha256Hex(json).slice(0, 40)}"`;
}

/** The dates and state of a released edition. */
export function describe(snap: PolicySnapshot, e: ReleasedEdition, now: Date): EditionFacts {
  return {
    version: e.version,
    editionDate: e.editionDate,
    releasedAt: e.releasedAt.toISOString(),
    effectiveAt: e.effectiveAt.toISOString(),
    cancelledAt: e.cancelledAt ? e.cancelledAt.toISOString() : null,
    changeKind: e.changeKind,
    state: editionState(e, now, pickCurrent(snap.editions, now).current?.version ?? null),
    locales: Object.keys(e.texts).sort(),
  };
}

/** The text of an edition in the negotiated locale, with its body in `format` when one is asked. */
export function textOf(
  snap: PolicySnapshot,
  e: ReleasedEdition,
  req: LocaleRequest,
  fallbacks: ServeOptions['fallbacks'],
): EditionTextServed {
  const { requestedLocale, servedLocale } = negotiate(snap, e, req, fallbacks);
  const t = e.texts[servedLocale];
  return {
    requestedLocale,
    servedLocale,
    title: t.title,
    changeSummary: t.changeSummary,
    contentHash: t.contentHash,
  };
}

export const bodyIn = (markdown: string, format: PolicyFormat) =>
  format === 'html' ? renderMarkdown(markdown) : markdown;

/** The body of GET /policies/:key/current for the edition in force and the announced one. */
export function currentBody(
  snap: PolicySnapshot,
  current: ReleasedEdition,
  upcoming: ReleasedEdition | null,
  locales: { requestedLocale: string; servedLocale: string },
  format: PolicyFormat,
  fallbacks: ServeOptions['fallbacks'],
): CurrentPolicy {
  const text = current.texts[locales.servedLocale];
  const upcomingText = upcoming
    ? upcoming.texts[
        negotiate(snap, upcoming, { locale: locales.requestedLocale }, fallbacks).servedLocale
      ]
    : null;
  return {
    policy: snap.key,
    version: current.version,
    editionDate: current.editionDate,
    releasedAt: current.releasedAt.toISOString(),
    effectiveAt: current.effectiveAt.toISOString(),
    changeKind: current.changeKind,
    requestedLocale: locales.requestedLocale,
    servedLocale: locales.servedLocale,
    title: text.title,
    format,
    body: bodyIn(text.body, format),
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
}
