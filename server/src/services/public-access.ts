import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { cachedLoader } from '../utils/cache';
import { pluginConfig } from '../utils/plugin';

const PERMISSION_UID = 'plugin::users-permissions.permission';
const KEY = 'public';

/**
 * Which of this plugin's content-API actions the Public role holds, read from
 * users-permissions and kept for `cache.ttl` seconds (one read for concurrent
 * misses). users-permissions itself reads every Public permission and builds
 * an ability on every anonymous request; for this plugin's public routes that
 * was most of a request's cost. A revoked permission takes effect within the
 * TTL, on every instance.
 */
const publicAccessService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function load(): Promise<Set<string>> {
    if (!strapi.plugin('users-permissions')) return new Set();
    const rows = (await strapi.db.query(PERMISSION_UID).findMany({
      select: ['action'],
      where: { role: { type: 'public' }, action: { $startsWith: `plugin::${PLUGIN_ID}.` } },
    })) as Array<{ action: string }>;
    return new Set(rows.map((r) => r.action));
  }

  const cache = cachedLoader({ max: 1, ttlMs: pluginConfig(strapi).cache.ttl * 1000, load });

  return {
    /** Whether the Public role holds `action`; null when that is not known without a read. */
    peek(action: string): boolean | null {
      return cache.peek(KEY)?.has(action) ?? null;
    },

    async allows(action: string): Promise<boolean> {
      return (await cache.get(KEY)).has(action);
    },

    invalidate: () => cache.invalidate(),
  };
};

export default publicAccessService;

declare module './registry' {
  interface PluginServices {
    'public-access': ReturnType<typeof publicAccessService>;
  }
}
