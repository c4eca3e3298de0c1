import type { PolicyFormat } from '../../../shared/contracts';
import { isValidLocaleTag } from '../domain/locale';

/**
 * The query of a plain request: at most `locale` and `format`, each once, in
 * plain characters; anything else (a repeated key, brackets, escapes, another
 * parameter) returns null and is left to the Koa way, which validates it.
 */
export function plainCurrentQuery(
  query: string,
): { locale: string | null; format: PolicyFormat } | null {
  let locale: string | null = null;
  let format: string | null = null;
  if (query) {
    for (const part of query.split('&')) {
      const eq = part.indexOf('=');
      if (eq <= 0) return null;
      const k = part.slice(0, eq);
      const v = part.slice(eq + 1);
      if (k === 'locale' && locale === null && isValidLocaleTag(v)) locale = v;
      else if (k === 'format' && format === null && (v === 'markdown' || v === 'html')) format = v;
      else return null;
    }
  }
  return { locale, format: (format ?? 'markdown') as PolicyFormat };
}
