// Creates or drops a throw-away database for the integration suite:
//   node scripts/test-db.mjs create|drop postgres|mysql NAME
// Connection settings come from DATABASE_HOST/PORT/USERNAME/PASSWORD.
import knex from 'knex';

const [action, client, name] = process.argv.slice(2);
if (
  !['create', 'drop'].includes(action) ||
  !['postgres', 'mysql'].includes(client) ||
  !/^[a-z0-9_]+$/.test(name ?? '')
) {
  console.error('usage: node scripts/test-db.mjs create|drop postgres|mysql name');
  process.exit(2);
}
const pg = client === 'postgres';
const db = knex({
  client: pg ? 'pg' : 'mysql2',
  connection: {
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? (pg ? 5432 : 3306)),
    user: process.env.DATABASE_USERNAME ?? (pg ? 'postgres' : 'root'),
    password: process.env.DATABASE_PASSWORD ?? '',
    database: pg ? 'postgres' : undefined,
  },
});
try {
  if (action === 'drop') {
    await db.raw(
      pg ? `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)` : `DROP DATABASE IF EXISTS \`${name}\``,
    );
  } else {
    await db.raw(
      pg
        ? `CREATE DATABASE "${name}"`
        : `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  }
  console.log(`${action === 'drop' ? 'dropped' : 'created'} ${client} database ${name}`);
} finally {
  await db.destroy();
}
