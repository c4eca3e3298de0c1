import createError from 'http-errors';

/**
 * 409 and 422 in Strapi's error shape. `@strapi/utils` has no class for them;
 * Strapi's error middleware formats any http-errors error as
 * `{ data: null, error: { status, name, message, details } }`.
 */
export function conflict(message: string, details: Record<string, unknown> = {}): Error {
  return createError(409, message, { details });
}

export function unprocessable(message: string, details: Record<string, unknown> = {}): Error {
  return createError(422, message, { details });
}

export function gone(message: string, details: Record<string, unknown> = {}): Error {
  return createError(410, message, { details });
}

export function unavailable(message: string, details: Record<string, unknown> = {}): Error {
  return createError(503, message, { details });
}

/** 409: an anonymous caller may not change the standing of a person whose e-mail is confirmed. */
export const confirmedPerson = () =>
  conflict(
    "This person's e-mail is confirmed: their consent changes only through a confirmed (double opt-in) submission or your server",
    { code: 'CONFIRMED_PERSON' },
  );
