import { getFetchClient } from '@strapi/strapi/admin';
import type { UnknownApiError } from '@strapi/strapi/admin';

import type { ApiError } from '../../../shared/contracts';

/**
 * Downloads `url` (an admin route) as a file named `filename`.
 *
 * Why not the admin baseQuery: it hands back only the body, never the status, and a file is not
 * data for the store. This goes through the same admin fetch client (`getFetchClient`, which adds
 * the admin token and, on 401, refreshes it and retries), asks for a blob and lets error statuses
 * through (validateStatus), so that the JSON error body the server sends can be read out of the
 * blob. The export mutation in services/ledgerApi.ts runs it in its `queryFn`, so RTK Query
 * still tracks the request (loading, error) like any other endpoint.
 *
 * The file is saved under the name the server gives (Content-Disposition), else `fallback`.
 * Resolves to that name once the browser has the file, or to the server's error.
 */
export async function downloadFile(
  url: string,
  fallback: string,
): Promise<{ filename: string } | { error: UnknownApiError }> {
  const { get } = getFetchClient();
  try {
    const response = await get<Blob>(url, {
      responseType: 'blob',
      validateStatus: (status) => status !== 401,
    });
    const status = response.status ?? 200;
    if (status >= 400) return { error: await blobError(response.data, status) };
    const filename = filenameOf(response.headers?.get('content-disposition')) ?? fallback;
    saveBlob(response.data, filename);
    return { filename };
  } catch (error) {
    const message = error instanceof Error && error.message ? error.message : 'Download failed';
    return { error: { name: 'UnknownError', message } };
  }
}

/** `attachment; filename="a.csv"` → "a.csv". */
const filenameOf = (disposition: string | null | undefined): string | null =>
  /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? null;

/** The server's error from a JSON error body, if the blob is one. */
async function blobError(blob: Blob, status: number): Promise<UnknownApiError> {
  const fallback: UnknownApiError = { name: 'UnknownError', message: `HTTP ${status}`, status };
  try {
    const body = JSON.parse(await blob.text()) as Partial<ApiError> | null;
    const message = body?.error?.message;
    if (typeof message !== 'string' || !message.trim()) return fallback;
    return { ...fallback, message, details: body?.error?.details };
  } catch {
    return fallback;
  }
}

/** Hands a blob to the browser as a download through a temporary `<a download>`. */
function saveBlob(blob: Blob, filename: string): void {
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking right away can cancel the download in some browsers.
    window.setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
  }
}

/** Saves data the admin already holds (an export a request returned) as a JSON file. */
export function saveJson(data: unknown, filename: string): void {
  saveText(JSON.stringify(data, null, 2), filename, 'application/json');
}

/** Saves text the admin built (a table as CSV) as a file. */
export function saveText(text: string, filename: string, type: string): void {
  saveBlob(new Blob([text], { type }), filename);
}
