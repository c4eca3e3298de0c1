import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { normalizeSubject } from '../domain/subject';
import type { CallerKind } from '../ledger/evidence';

/** Who is speaking on a content-API request, from its credentials alone. */
export interface Caller {
  kind: CallerKind;
  /** The end user's id (users-permissions), for `user`. */
  userId: string | null;
}

const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

/**
 * The caller of an authenticated request: Strapi's API-token strategy makes
 * it `server`; an end user set on `ctx.state.user` (by users-permissions, or
 * by the plugin's public strategy for a logged-in user) makes it `user`.
 */
export function callerOf(ctx: Context): Caller {
  const strategy = (ctx.state.auth as { strategy?: { name?: string } } | undefined)?.strategy?.name;
  if (strategy && TOKEN_STRATEGIES.has(strategy)) return { kind: 'server', userId: null };
  const id = (ctx.state.user as { id?: number | string } | undefined)?.id;
  if (id !== undefined && id !== null) return { kind: 'user', userId: String(id) };
  return { kind: 'anonymous', userId: null };
}

const field = (message: string) =>
  new errors.ValidationError(`subject ${message}`, {
    errors: [{ path: ['subject'], message: `subject ${message}` }],
  });

/**
 * Whose decision a request records, as the caller's credentials allow:
 * - the operator's server names anyone (`named`, required where no form
 *   field can identify the person);
 * - a logged-in end user is `id:<their user id>`; naming anyone else is 403;
 * - an anonymous caller names nobody (400 naming `subject`): a form derives
 *   the person from its e-mail or phone field; other routes refuse.
 *
 * Returns the identifier to record (undefined: derive it from the form).
 */
export function speakerSubject(
  caller: Caller,
  named: string | undefined,
  options: { required: true },
): string;
export function speakerSubject(
  caller: Caller,
  named: string | undefined,
  options: { required: false },
): string | undefined;
export function speakerSubject(
  caller: Caller,
  named: string | undefined,
  { required }: { required: boolean },
): string | undefined {
  if (caller.kind === 'server') {
    if (named === undefined && required)
      throw field('is required: say whose decision this is, e.g. "email:ana@example.com"');
    return named;
  }
  if (caller.kind === 'user') {
    const own = `id:${caller.userId}`;
    // `named` passed validation (validation/patterns.ts personIdentifier): it normalizes.
    if (named !== undefined) {
      if (normalizeSubject(named).canonical !== own) {
        // A PolicyError is the 403 whose message Strapi passes on (a ForbiddenError's it drops).
        const message = `subject: a signed-in person records decisions only as themselves (${own}); only your server (an API token) may name someone else`;
        throw new errors.PolicyError(message, { errors: [{ path: ['subject'], message }] });
      }
    }
    return own;
  }
  if (named !== undefined) {
    throw field(
      "may not be named by an anonymous caller: the person is identified by the form's e-mail or phone field, by signing in, or by your server (an API token)",
    );
  }
  if (required) {
    throw field(
      'is needed and cannot come from an anonymous caller: sign in, or call from your server with an API token',
    );
  }
  return undefined;
}
