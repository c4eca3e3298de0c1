import type { FetchClient } from '@strapi/strapi/admin';

/**
 * Downloads `url` (an admin route) as a file named `filename`, through the
 * admin fetch client (`useFetchClient().get`): it adds the admin token and,
 * on 401, refreshes the token and retries.
 *
 * Other error statuses are let through (validateStatus) so that the JSON error
 * body the server sends can be read out of the blob; they are thrown as an
 * Error carrying the server's message.
 */
export async function downloadFile(
  get: FetchClient['get'],
  url: string,
  filename: string,
): Promise<void> {
  const response = await get(url, {
    responseType: 'blob',
    validateStatus: (status) => status !== 401,
  });
  const status = response.status ?? 200;
  if (status >= 400) {
    throw new Error((await blobErrorMessage(response.data)) ?? `HTTP ${status}`);
  }
  saveBlob(response.data, filename);
}

/** The `error.message` of a JSON error body, if the blob is one. */
async function blobErrorMessage(blob: Blob): Promise<string | null> {
  try {
    const body = JSON.parse(await blob.text()) as { error?: { message?: unknown } } | null;
    const message = body?.error?.message;
    return typeof message === 'string' && message.trim() ? message : null;
  } catch {
    return null;
  }
}

/** Hands a blob to the browser as a download through a temporary `<a download>`. */
export function saveBlob(blob: Blob, filename: string): void {
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
