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

interface SqliteStatement {
  run(...a: unknown[]): unknown;
  get(...a: unknown[]): unknown;
}
interface SqliteConnection {
  pragma(sql: string): unknown;
  prepare(sql: string): SqliteStatement;
  close(): void;
}

/**
 * The connection as rate-limiter-flexible uses it (`prepare`, `transaction`),
 * with each statement prepared once (the library prepares on every call,
 * which cost more than the count itself), and no BEGIN/COMMIT around its
 * single upsert statement (one statement is atomic in SQLite).
 */
function statementCache(db: SqliteConnection) {
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare(sql: string) {
      let s = statements.get(sql);
      if (!s) statements.set(sql, (s = db.prepare(sql)));
      return s;
    },
    transaction<F extends (...a: unknown[]) => unknown>(fn: F): F {
      return fn;
    },
  };
}
type SqliteDriver = new (file: string) => SqliteConnection;

/**
 * Where the limits are counted: a table of the app's own database, so every
 * instance on that database shares them (rate-limiter-flexible's store for
 * the engine). `limiter(window)` gives the limiter of one window.
 *
 * SQLite: a database file beside the app's (`<file>-limits`: every
 * instance on the machine opens the same), `synchronous = OFF` (a count
 * needs no fsync) and no busy wait — better-sqlite3 blocks the event loop while
 * it waits, and the app's connection may be inside a transaction that needs
 * the event loop to finish. When the file is locked, the count falls back
 * to this process's memory for that request (the library's insurance limiter).
 */
export async function limitStore(strapi: Core.Strapi) {
  const client = strapi.db.dialect.client as 'sqlite' | 'postgres' | 'mysql';
  const knex = strapi.db.connection;
  let sqlite: SqliteConnection | null = null;
  let sqliteClient: unknown = null;
  if (client === 'sqlite') {
    const Driver = (knex.client as { driver: SqliteDriver }).driver;
    const file = (knex.client as { config: { connection: { filename: string } } }).config.connection
      .filename;
    // A file beside the app's database, not the database itself: a second
    // connection writing into the app's file would make the app's own
    // connection drop its page cache at every count.
    sqlite = new Driver(file === ':memory:' ? file : `${file}-limits`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('synchronous = OFF');
    sqlite.prepare(CREATE.sqlite).run();
    sqliteClient = statementCache(sqlite);
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
      l = new RateLimiterSQLite({
        ...common,
        storeClient: sqliteClient,
        storeType: 'better-sqlite3',
      });
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

  // SQLite: one count, synchronously, as rate-limiter-flexible's RateLimiterSQLite counts it
  // (`consume`: +1, a fresh window once the old one expired), on the same rows.
  const upsert = sqlite?.prepare(
    `INSERT INTO "${TABLES.limits}" (key, points, expire) VALUES (?, 1, ?)
     ON CONFLICT(key) DO UPDATE SET
       points = CASE WHEN expire IS NULL OR expire > ? THEN points + 1 ELSE 1 END,
       expire = CASE WHEN expire IS NULL OR expire > ? THEN expire ELSE excluded.expire END
     RETURNING points, expire`,
  ) as { get(...a: unknown[]): { points: number; expire: number } } | undefined;

  return {
    limiter,
    /**
     * SQLite only (else null): counts one request under `key` (`<prefix>:<key>`) in a window of
     * `seconds`, at once; the count after it and when its window ends (ms).
     */
    countNow: upsert
      ? (key: string, seconds: number) => {
          const now = Date.now();
          const row = upsert.get(key, now + seconds * 1000, now, now);
          return { consumed: row.points, expire: row.expire };
        }
      : null,
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
