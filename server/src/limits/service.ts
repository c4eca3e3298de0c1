import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { resolveLimits, type PluginConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { subjectRef } from '../domain/subject';
import { limitStore, type LimitStore } from './store';
import { subjectSecret } from '../utils/subjects';

export type LimitScope = 'address' | 'subject';

/**
 * Abuse limits on the public routes (config `limits`): a count per client
 * address and per person in the app's database, shared by every instance.
 * Over a limit: RateLimitError (429) whose details carry `retryAfter` in
 * seconds (http/retry-after.ts sends it as the Retry-After header).
 * Addresses are counted by an HMAC of the address, never stored as such.
 */
const limitsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let store: Promise<LimitStore> | null = null;
  let raw: unknown = Symbol('unset');
  let config: PluginConfig['limits'];

  /** Read on each use (cheap while unchanged): an app or a test may change them at runtime. */
  function current() {
    const now = strapi.config.get(`plugin::${PLUGIN_ID}.limits`);
    if (now !== raw) {
      config = resolveLimits(now);
      raw = now;
    }
    return config;
  }

  function open(): Promise<LimitStore> {
    store ??= limitStore(strapi).catch(async (e: { code?: string }) => {
      // Two instances creating the table at once (PostgreSQL: 23505 on pg_type): it exists now.
      if (e.code === '23505' || e.code === 'ER_TABLE_EXISTS_ERROR') return limitStore(strapi);
      store = null;
      throw e;
    });
    return store;
  }

  async function consume(scope: LimitScope, key: string) {
    const c = current();
    if (!c.enabled) return;
    const w = scope === 'address' ? c.perAddress : c.perSubject;
    const limiter = (await open()).limiter({ prefix: `pl-${scope}`, ...w });
    try {
      await limiter.consume(key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retryAfter = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new errors.RateLimitError(
        scope === 'address'
          ? `Too many requests from this address: at most ${w.points} per ${w.seconds} s. Retry in ${retryAfter} s.`
          : `Too many requests for this person: at most ${w.points} per ${w.seconds} s. Retry in ${retryAfter} s.`,
        { scope, limit: w.points, windowSeconds: w.seconds, retryAfter },
      );
    }
  }

  return {
    /** Creates the table (at boot, so the first request does not). */
    async init() {
      if (current().enabled) await open();
    },
    /** One request from this client address. */
    async address(ip: string | null) {
      await consume('address', subjectRef(subjectSecret(strapi), `address:${ip ?? 'unknown'}`));
    },
    /** One write for this person (their pseudonymous subject reference). */
    async subject(ref: string) {
      await consume('subject', ref);
    },
    /** Forgets every count. */
    async clear() {
      await (await open()).clear();
    },
    async close() {
      if (store) (await store.catch(() => null))?.close();
      store = null;
    },
  };
};

export default limitsService;

declare module '../services/registry' {
  interface PluginServices {
    limits: ReturnType<typeof limitsService>;
  }
}
