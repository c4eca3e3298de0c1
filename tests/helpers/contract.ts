/**
 * Records every answer the test process receives from the plugin's content
 * API and admin API — through `http()`, the typed client or anything else
 * built on the global `fetch` — so the contract spec can check each against
 * the OpenAPI document the server publishes (content API) and against the
 * route declarations' response schemas (admin API).
 */
export interface Seen {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: string;
}

export const seen: Seen[] = [];
/** Answers of the admin API (/policy-ledger/…). */
export const seenAdmin: Seen[] = [];
const CONTENT_API = '/api/policy-ledger/';
const ADMIN_API = '/policy-ledger/';

export function recordContentApi(baseUrl: string) {
  const original = globalThis.fetch;
  if ((original as { recording?: boolean }).recording) return;
  const recording = async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await original(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const ours = url.origin === new URL(baseUrl).origin;
    const list = !ours
      ? null
      : url.pathname.startsWith(CONTENT_API)
        ? seen
        : url.pathname.startsWith(ADMIN_API)
          ? seenAdmin
          : null;
    if (list) {
      const method = (
        init?.method ?? (input instanceof Request ? input.method : 'GET')
      ).toUpperCase();
      list.push({
        method,
        path: url.pathname,
        status: res.status,
        contentType: res.headers.get('content-type') ?? '',
        body: method === 'HEAD' ? '' : await res.clone().text(),
      });
    }
    return res;
  };
  globalThis.fetch = Object.assign(recording, { recording: true }) as typeof fetch;
}
