import { LRUCache } from 'lru-cache';

export interface CachedLoader<V> {
  /** The value for `key`: from memory while fresh, else loaded (concurrent misses share one load). */
  get(key: string): Promise<V>;
  /** The value when it is in memory and fresh, without loading; undefined otherwise. */
  peek(key: string): V | undefined;
  /** Forgets `key`, or everything. */
  invalidate(key?: string): void;
}

export interface CachedLoaderOptions<V> {
  /** Entries kept at most (least recently used go first). */
  max: number;
  /** How long an entry stays fresh; 0 loads every time. */
  ttlMs: number;
  load(key: string): Promise<V>;
}

/**
 * An LRU cache with a TTL in front of a loader (lru-cache's `fetch`, which
 * merges concurrent loads of a key). `null` is a value like any other, so a
 * missing record is remembered too (within `max`).
 */
export function cachedLoader<V>({ max, ttlMs, load }: CachedLoaderOptions<V>): CachedLoader<V> {
  if (ttlMs <= 0) {
    const inflight = new Map<string, Promise<V>>();
    return {
      get(key) {
        let p = inflight.get(key);
        if (!p) {
          p = load(key).finally(() => inflight.delete(key));
          inflight.set(key, p);
        }
        return p;
      },
      peek: () => undefined,
      invalidate: () => undefined,
    };
  }
  // lru-cache does not store undefined or null: values travel in a box.
  const cache = new LRUCache<string, { value: V }>({
    max,
    ttl: ttlMs,
    fetchMethod: async (key) => ({ value: await load(key) }),
    // An entry invalidated while it loads: its callers still get the value, the cache does not keep it.
    ignoreFetchAbort: true,
  });
  return {
    async get(key) {
      const boxed = await cache.fetch(key);
      return (boxed as { value: V }).value;
    },
    peek: (key) => cache.get(key)?.value,
    invalidate(key) {
      if (key === undefined) cache.clear();
      else cache.delete(key);
    },
  };
}
