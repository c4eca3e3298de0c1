import type { Core } from '@strapi/strapi';
import {
  RateLimiterMemory,
  RateLimiterMySQL,
  RateLimiterPostgres,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { TABLES } from '../db/tables';

/** One window of a limit: at most `points` requests per `seconds`, counted under `prefix`. */
export interface Window {
  prefix: string;
  points: number;
  seconds: number;
}

/** The columns rate-limiter-flexible reads and writes, in its order (it inserts positionally). */
const CREATE = {
  // UNLOGGED: counts of the last minutes need no WAL and no fsync; a crash empties them.
  postgres: `CREATE UNLOGGED TABLE IF NOT EXISTS "${TABLES.limits}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
  mysql:
    `CREATE TABLE IF NOT EXISTS \`${TABLES.limits}\` (\`key\` VARCHAR(255) CHARACTER SET utf8mb4 NOT NULL, ` +
    `\`points\` INT NOT NULL DEFAULT 0, \`expire\` BIGINT UNSIGNED, PRIMARY KEY (\`key\`)) ENGINE = INNODB`,
  sqlite: `CREATE TABLE IF NOT EXISTS "${TABLES.limits}" (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER)`,
} as const;

interface SqliteConnection {
  pragma(sql: string): unknown;
  prepare(sql: string): { run(...a: unknown[]): unknown };
  close(): void;
}
type SqliteDriver = new (file: string) => SqliteConnection;

/**
 * Where the limits are counted: a table of the app's own database, so every
 * instance on that database shares them (rate-limiter-flexible's store for
 * the engine). `limiter(window)` gives the limiter of one window.
 *
 * SQLite: a second connection to the app's database file with
 * `synchronous = OFF` (a count needs no fsync; the ledger's own connection
 * keeps FULL) and no busy wait — better-sqlite3 blocks the event loop while
 * it waits, and the app's connection may be inside a transaction that needs
 * the event loop to finish. When the file is locked, the count falls back
 * to this process's memory for that request (the library's insurance limiter).
 */
export async function limitStore(strapi: Core.Strapi) {
  const client = strapi.db.dialect.client as 'sqlite' | 'postgres' | 'mysql';
  const knex = strapi.db.connection;
  let sqlite: SqliteConnection | null = null;
  if (client === 'sqlite') {
    const Driver = (knex.client as { driver: SqliteDriver }).driver;
    const file = (knex.client as { config: { connection: { filename: string } } }).config.connection
      .filename;
    sqlite = new Driver(file);
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('synchronous = OFF');
    sqlite.prepare(CREATE.sqlite).run();
  } else {
    await knex.raw(CREATE[client]);
  }
  const database = (knex.client as { config: { connection: { database?: string } } }).config
    .connection.database;

  const cache = new Map<string, RateLimiterAbstract>();
  function limiter(w: Window): RateLimiterAbstract {
    const id = `${w.prefix}:${w.points}:${w.seconds}`;
    let l = cache.get(id);
    if (l) return l;
    const common = {
      keyPrefix: w.prefix,
      points: w.points,
      duration: w.seconds,
      tableName: TABLES.limits,
      tableCreated: true,
      clearExpiredByTimeout: true,
      insuranceLimiter: new RateLimiterMemory({
        keyPrefix: w.prefix,
        points: w.points,
        duration: w.seconds,
      }),
    };
    if (client === 'sqlite') {
      l = new RateLimiterSQLite({ ...common, storeClient: sqlite, storeType: 'better-sqlite3' });
    } else if (client === 'postgres') {
      l = new RateLimiterPostgres({ ...common, storeClient: knex, storeType: 'knex' });
    } else {
      l = new RateLimiterMySQL({
        ...common,
        storeClient: knex,
        storeType: 'knex',
        dbName: database,
      });
    }
    cache.set(id, l);
    return l;
  }

  return {
    limiter,
    /** Forgets every count (tests; an admin lifting a block). */
    async clear() {
      if (sqlite) sqlite.prepare(`DELETE FROM "${TABLES.limits}"`).run();
      else await knex(TABLES.limits).del();
      cache.clear(); // and the in-memory insurance counts with their limiters
    },
    close() {
      sqlite?.close();
    },
  };
}

export type LimitStore = Awaited<ReturnType<typeof limitStore>>;
