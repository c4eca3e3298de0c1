import type { Core } from '@strapi/strapi';
import type { ActorType } from '../domain/audit';

export interface Actor {
  type: ActorType;
  id: string | null;
  name: string | null;
}

export const SYSTEM: Actor = { type: 'system', id: null, name: null };

interface AdminUser {
  id?: number | string;
  email?: string;
  firstname?: string | null;
  lastname?: string | null;
}

/**
 * Who is acting in the current request: the admin (by id and e-mail), the API
 * token (by id and name), an end user of users-permissions, or the system
 * (a scheduled job, a script) when no request is under way.
 */
export function currentActor(strapi: Core.Strapi): Actor {
  const ctx = strapi.requestContext?.get?.() as
    | {
        state?: {
          user?: AdminUser;
          auth?: { strategy?: { name?: string }; credentials?: unknown };
        };
      }
    | undefined;
  const state = ctx?.state;
  if (!state) return SYSTEM;
  const strategy = state.auth?.strategy?.name;
  if (strategy === 'api-token') {
    const token = state.auth?.credentials as { id?: number; name?: string } | undefined;
    return {
      type: 'api-token',
      id: token?.id ? String(token.id) : null,
      name: token?.name ?? null,
    };
  }
  const user = state.user;
  if (user?.id !== undefined) {
    const type: ActorType = strategy === 'users-permissions' ? 'user' : 'admin';
    const name = user.email ?? ([user.firstname, user.lastname].filter(Boolean).join(' ') || null);
    return { type, id: String(user.id), name };
  }
  return SYSTEM;
}
