import path from 'node:path';

/**
 * SQLite is the default (nothing to install). DATABASE_CLIENT=postgres or
 * mysql (MySQL or MariaDB) selects a server; see .env.example.
 */
export default ({ env }: { env: any }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const server = {
    host: env('DATABASE_HOST', '127.0.0.1'),
    database: env('DATABASE_NAME', 'policy_ledger'),
    user: env('DATABASE_USERNAME', client === 'postgres' ? 'postgres' : 'root'),
    password: env('DATABASE_PASSWORD', ''),
  };
  const connections: Record<string, unknown> = {
    sqlite: {
      connection: {
        filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      // WAL: readers never wait for the writer, and a commit is one sequential
      // append. synchronous=NORMAL keeps every committed transaction across a
      // crash of the process (kill -9); only a power loss can cost the last ones.
      pool: {
        afterCreate: (
          conn: { pragma: (sql: string) => unknown },
          done: (err: Error | null, conn: unknown) => void,
        ) => {
          try {
            conn.pragma(`journal_mode = ${env('DATABASE_SQLITE_JOURNAL_MODE', 'WAL')}`);
            conn.pragma(`synchronous = ${env('DATABASE_SQLITE_SYNCHRONOUS', 'NORMAL')}`);
            conn.pragma('busy_timeout = 5000');
            done(null, conn);
          } catch (err) {
            done(err as Error, conn);
          }
        },
      },
    },
    postgres: {
      connection: {
        ...server,
        port: env.int('DATABASE_PORT', 5432),
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
    },
    mysql: {
      connection: { ...server, port: env.int('DATABASE_PORT', 3306) },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
    },
  };
  if (!(client in connections)) {
    throw new Error(`DATABASE_CLIENT must be one of sqlite, postgres, mysql (got "${client}")`);
  }
  return {
    connection: {
      client,
      ...(connections[client] as object),
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};
