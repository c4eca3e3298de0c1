import { isFetchError } from '@strapi/strapi/admin';

/**
 * The message to show for a failed admin request. The server answers errors as
 * `{ error: { status, name, message, details } }`; useFetchClient throws a
 * FetchError carrying that body in `response.data`.
 */
export function errorMessage(error: unknown): string | null {
  if (isFetchError(error)) {
    const message = error.response?.data?.error?.message;
    if (typeof message === 'string' && message.trim()) return message;
    return error.message || null;
  }
  if (error instanceof Error && error.message) return error.message;
  return null;
}

/** True for requests aborted because the component went away. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || /aborted/i.test(error.message));
}
