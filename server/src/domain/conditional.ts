/**
 * If-None-Match evaluation (RFC 9110 §13.1.2): true when the client's cached
 * representation matches `etag`, compared weakly, so the answer is 304.
 * Unlike Koa's `ctx.fresh`, a request `Cache-Control: no-cache` does not stop
 * an origin from answering a conditional request with 304.
 */
export function ifNoneMatchHits(header: string | undefined | null, etag: string): boolean {
  if (!header) return false;
  const trimmed = header.trim();
  if (trimmed === '*') return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  const mine = opaque(etag);
  return trimmed.split(',').some((t) => opaque(t) === mine);
}
