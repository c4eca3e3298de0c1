/**
 * Locale negotiation for policy texts.
 *
 * The request names locales by `?locale=` (one tag) or `Accept-Language`
 * (several, with q-values). Each is matched against the locales the edition
 * has — exactly, then by primary subtag (`kk-KZ` → `kk`). Without a match the
 * first requested locale walks the configured fallback chain, then the
 * policy's default locale, then any locale the edition has.
 */

// BCP 47-ish: a 2–3 letter language, optional subtags of 1–8 alphanumerics.
const TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

export function isValidLocaleTag(tag: string): boolean {
  return tag.length <= 35 && TAG.test(tag);
}

export interface WeightedTag {
  tag: string;
  q: number;
}

/** Parses an Accept-Language header; malformed entries are ignored, q=0 dropped. */
export function parseAcceptLanguage(header: string | undefined | null): WeightedTag[] {
  if (!header) return [];
  const out: Array<WeightedTag & { i: number }> = [];
  header.split(',').forEach((part, i) => {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = (rawTag ?? '').trim();
    if (!tag || (tag !== '*' && !isValidLocaleTag(tag))) return;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9](?:\.[0-9]{0,3})?)\s*$/i.exec(p);
      if (m) q = Number(m[1]);
      else if (p.trim() !== '') return; // unknown parameter: ignore the entry
    }
    if (!(q > 0) || q > 1) return;
    out.push({ tag, q, i });
  });
  // Stable sort by q descending: equal q keeps the header's order.
  out.sort((a, b) => b.q - a.q || a.i - b.i);
  return out.map(({ tag, q }) => ({ tag, q }));
}

/** Finds `tag` among `available`: exact (case-insensitive), then primary subtag. */
export function matchLocale(tag: string, available: readonly string[]): string | null {
  const lower = tag.toLowerCase();
  const exact = available.find((a) => a.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split('-')[0];
  const byPrimary = available.find((a) => a.toLowerCase() === primary);
  if (byPrimary) return byPrimary;
  const sameLanguage = available.find((a) => a.toLowerCase().split('-')[0] === primary);
  return sameLanguage ?? null;
}

export interface NegotiateInput {
  /** `?locale=` if given (already validated). */
  queryLocale?: string | null;
  acceptLanguage?: string | null;
  /** Locales the edition has text in. */
  available: readonly string[];
  /** Locale codes known to the CMS (used to name the requested locale). */
  known: readonly string[];
  /** Fallback chain: locale → next locales to try, in order. */
  fallbacks: Readonly<Record<string, readonly string[]>>;
  /** The policy's default locale (its first required locale). */
  defaultLocale: string;
}

export interface Negotiated {
  requestedLocale: string;
  servedLocale: string;
}

export function negotiateLocale(input: NegotiateInput): Negotiated {
  const { available } = input;
  if (available.length === 0) throw new Error('negotiateLocale: the edition has no locale');
  const candidates = input.queryLocale
    ? [input.queryLocale]
    : parseAcceptLanguage(input.acceptLanguage).map((w) => w.tag);

  for (const tag of candidates) {
    if (tag === '*') {
      const served = matchLocale(input.defaultLocale, available) ?? available[0];
      return { requestedLocale: served, servedLocale: served };
    }
    const hit = matchLocale(tag, available);
    if (hit) return { requestedLocale: hit, servedLocale: hit };
  }

  const first = candidates.find((t) => t !== '*');
  const requestedLocale = first
    ? (matchLocale(first, input.known) ?? first.split('-')[0].toLowerCase())
    : input.defaultLocale;

  // Walk the fallback chain (guarding against cycles).
  const seen = new Set<string>();
  const queue: string[] = [requestedLocale];
  while (queue.length) {
    const code = queue.shift() as string;
    if (seen.has(code.toLowerCase())) continue;
    seen.add(code.toLowerCase());
    const hit = matchLocale(code, available);
    if (hit && (code === requestedLocale ? hit.toLowerCase() === code.toLowerCase() : true)) {
      return { requestedLocale, servedLocale: hit };
    }
    const next = input.fallbacks[code] ?? input.fallbacks[code.toLowerCase()] ?? [];
    queue.push(...next);
  }
  const served = matchLocale(input.defaultLocale, available) ?? available[0];
  return { requestedLocale, servedLocale: served };
}
