import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { resolveLimits, type PluginConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { subjectRef } from '../domain/subject';
import { admitPostgres } from './admit-postgres';
import { limitStore, type LimitStore } from './store';
import { getService } from '../utils/get-service';
import { subjectSecret } from '../utils/subjects';

export type LimitScope = 'address' | 'subject';

/** The client address of a public write, and whether it has been counted yet. */
export interface PendingAddress {
  ip: string | null;
  counted: boolean;
}

/** What `admit` counts and reads for one public write. */
export interface Admission {
  address: PendingAddress | null;
  subject: string | null;
  confirmedOf: string | null;
}

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

  const windowOf = (scope: LimitScope) =>
    scope === 'address' ? current().perAddress : current().perSubject;

  function refused(scope: LimitScope, msBeforeNext: number) {
    const w = windowOf(scope);
    const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
    return new errors.RateLimitError(
      scope === 'address'
        ? `Too many requests from this address: at most ${w.points} per ${w.seconds} s. Retry in ${retryAfter} s.`
        : `Too many requests for this person: at most ${w.points} per ${w.seconds} s. Retry in ${retryAfter} s.`,
      { scope, limit: w.points, windowSeconds: w.seconds, retryAfter },
    );
  }

  async function consume(scope: LimitScope, key: string) {
    if (!current().enabled) return;
    const limiter = (await open()).limiter({ prefix: `pl-${scope}`, ...windowOf(scope) });
    try {
      await limiter.consume(key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      throw refused(scope, e.msBeforeNext);
    }
  }

  const isConfirmed = (subject: string) => getService(strapi, 'confirmations').isConfirmed(subject);

  const addressKey = (ip: string | null) =>
    subjectRef(subjectSecret(strapi), `address:${ip ?? 'unknown'}`);

  /** The counts one at a time, then the confirmed contact: the library's way, on every engine. */
  async function admitStepwise(req: Admission): Promise<{ confirmed: boolean }> {
    if (req.address) await consume('address', addressKey(req.address.ip));
    if (req.subject) await consume('subject', req.subject);
    return { confirmed: req.confirmedOf ? await isConfirmed(req.confirmedOf) : false };
  }

  /**
   * SQLite: each count synchronously in the limits file (store.ts `countNow`);
   * a count that fails (the file locked) is taken the library's way, which
   * falls back to this process's memory.
   */
  async function admitSqlite(req: Admission): Promise<{ confirmed: boolean }> {
    // Only when there is something to count: with the limits off, the limits file is not opened.
    const store = req.address || req.subject ? await open() : null;
    const take = async (scope: LimitScope, key: string) => {
      const w = windowOf(scope);
      let counted: { consumed: number; expire: number } | null = null;
      try {
        counted = store?.countNow?.(`pl-${scope}:${key}`, w.seconds) ?? null;
      } catch {
        counted = null;
      }
      if (!counted) return consume(scope, key);
      if (counted.consumed > w.points) throw refused(scope, counted.expire - Date.now());
    };
    if (req.address) await take('address', addressKey(req.address.ip));
    if (req.subject) await take('subject', req.subject);
    return { confirmed: req.confirmedOf ? await isConfirmed(req.confirmedOf) : false };
  }

  let warned = false;

  /** The same in one statement (PostgreSQL); a failed statement falls back to the library's way (logged once). */
  async function admitPostgresOnce(req: Admission): Promise<{ confirmed: boolean }> {
    const c = current();
    await open(); // the table (its statement names it, whether it counts or not)
    const counts = await admitPostgres(
      strapi.db.connection,
      strapi.db.getSchemaName() || undefined,
      {
        address: req.address
          ? { key: `pl-address:${addressKey(req.address.ip)}`, window: c.perAddress }
          : null,
        subject: req.subject ? { key: `pl-subject:${req.subject}`, window: c.perSubject } : null,
        confirmedOf: req.confirmedOf,
      },
    ).catch((e: unknown) => {
      if (!warned) {
        warned = true;
        strapi.log.warn(
          `[policy-ledger] the abuse limits' one-statement count failed (${(e as Error)?.message ?? e}); counting the slower way`,
        );
      }
      return null;
    });
    if (!counts) return admitStepwise(req);
    if (counts.address && counts.address.consumed > c.perAddress.points)
      throw refused('address', counts.address.expire - Date.now());
    if (counts.subject && counts.subject.consumed > c.perSubject.points)
      throw refused('subject', counts.subject.expire - Date.now());
    return { confirmed: counts.confirmed };
  }

  return {
    /** Creates the table (at boot, so the first request does not). */
    async init() {
      if (current().enabled) await open();
    },
    /** One request from this client address. */
    async address(ip: string | null) {
      await consume('address', addressKey(ip));
    },
    /** One write for this person (their pseudonymous subject reference). */
    async subject(ref: string) {
      await consume('subject', ref);
    },
    /**
     * One public write, admitted at once: a request from this address (when
     * `address`), for this person (when `subject`; counted only while the
     * address is within its limit), and whether the person `confirmedOf`
     * names has a confirmed e-mail. One statement on PostgreSQL.
     * `address.counted` is set once the address has been counted.
     */
    async admit(req: Admission): Promise<{ confirmed: boolean }> {
      if (req.address) req.address.counted = true;
      const asked = current().enabled
        ? req
        : { address: null, subject: null, confirmedOf: req.confirmedOf };
      if (!asked.address && !asked.subject && !asked.confirmedOf) return { confirmed: false };
      const client = strapi.db.dialect.client;
      if (client === 'postgres') return admitPostgresOnce(asked);
      return client === 'sqlite' ? admitSqlite(asked) : admitStepwise(asked);
    },
    /**
     * Runs a public write whose address `admit` counts with its person; when
     * the write ends, or fails, without having been admitted (a body refused
     * before, say), counts the address alone — every request from it counts,
     * and a 429 then takes the place of the write's own error.
     */
    async counting<T>(address: PendingAddress | null, work: () => Promise<T>): Promise<T> {
      const alone = async () => {
        if (address && !address.counted) await consume('address', addressKey(address.ip));
      };
      let result: T;
      try {
        result = await work();
      } catch (e) {
        await alone();
        throw e;
      }
      await alone();
      return result;
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
