import { TABLES } from './tables';
import { COLUMNS, ORDER, type Table, type TableRows } from './rows';

// ---------------------------------------------------------------- SQLite ---
// better-sqlite3 is synchronous: the whole write runs as one transaction on
// the connection, with statements prepared once per connection. Nothing else
// can run on that connection meanwhile (the event loop is ours until it ends).

interface SqliteStatement {
  run(...params: unknown[]): unknown;
}
export interface SqliteDb {
  prepare(sql: string): SqliteStatement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
}

const sqliteStatements = new WeakMap<object, Record<Table, SqliteStatement>>();

function sqliteSql(table: Table): string {
  const cols = COLUMNS[table];
  const insert = `INSERT INTO "${TABLES[table]}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  if (table === 'counters')
    return `${insert} ON CONFLICT ("bucket") DO UPDATE SET "n" = "n" + excluded."n"`;
  if (table === 'subjectState') {
    return `${insert} ON CONFLICT ("subject", "policy_key") DO UPDATE SET "accepted_version" = MAX("accepted_version", excluded."accepted_version")`;
  }
  return insert;
}

export function writeSqlite(db: SqliteDb, rows: TableRows) {
  let statements = sqliteStatements.get(db);
  if (!statements) {
    statements = Object.fromEntries(ORDER.map((t) => [t, db.prepare(sqliteSql(t))])) as Record<
      Table,
      SqliteStatement
    >;
    sqliteStatements.set(db, statements);
  }
  const st = statements;
  db.transaction(() => {
    for (const table of ORDER)
      for (const row of rows[table]) st[table].run(...COLUMNS[table].map((c) => row[c] ?? null));
  })();
}
