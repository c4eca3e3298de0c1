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
    },
    postgres: {
      connection: { ...server, port: env.int('DATABASE_PORT', 5432), schema: env('DATABASE_SCHEMA', 'public') },
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
