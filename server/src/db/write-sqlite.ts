import { TABLES } from './tables';
import { COLUMNS, ORDER, rowsOf, type LedgerWrite, type Table, type TableRows } from './rows';

// ---------------------------------------------------------------- SQLite ---
// better-sqlite3 is synchronous: a write runs as one transaction on the
// connection, with statements prepared once per connection. Nothing else
// can run on that connection meanwhile (the event loop is ours until it ends).
//
// Durable (`durability: 'full'`): `synchronous = FULL`, so each commit is
// fsynced before it is acknowledged, and group commit — the writes that
// arrive within one turn of the event loop share one transaction, so one
// fsync acknowledges all of them.

interface SqliteStatement {
  run(...params: unknown[]): unknown;
}
export interface SqliteDb {
  prepare(sql: string): SqliteStatement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  pragma(sql: string, options?: { simple: boolean }): unknown;
}
export interface SqlitePool {
  acquireConnection(): Promise<SqliteDb>;
  releaseConnection(c: SqliteDb): Promise<void>;
}

const sqliteStatements = new WeakMap<object, Record<Table, SqliteStatement>>();
const durableConnections = new WeakSet<object>();

function sqliteSql(table: Table): string {
  const cols = COLUMNS[table];
  const insert = `INSERT INTO "${TABLES[table]}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  if (table === 'counters')
    return `${insert} ON CONFLICT ("bucket") DO UPDATE SET "n" = "n" + excluded."n"`;
  if (table === 'subjectState') {
    return `${insert} ON CONFLICT ("subject", "policy_key") DO UPDATE SET "accepted_version" = MAX("accepted_version", excluded."accepted_version")`;
  }
  if (table === 'links') {
    return `${insert} ON CONFLICT ("subject", "linked_subject") DO UPDATE SET "generation" = MAX("generation", excluded."generation")`;
  }
  return insert;
}

/** `synchronous = FULL` on this connection (once): commits are fsynced before they return. */
export function makeDurable(db: SqliteDb) {
  if (durableConnections.has(db)) return;
  db.pragma('synchronous = FULL');
  durableConnections.add(db);
}

/** The `synchronous` level of the connection: OFF, NORMAL, FULL or EXTRA. */
export function synchronousLevel(db: SqliteDb): string {
  const level = Number(db.pragma('synchronous', { simple: true }));
  return ['OFF', 'NORMAL', 'FULL', 'EXTRA'][level] ?? String(level);
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

interface Pending {
  write: LedgerWrite;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit on SQLite: writes queue until the event loop turns, then all
 * of them commit in one transaction (one fsync under synchronous = FULL).
 * Each caller is answered after that commit. If the batch fails, its writes
 * are retried one by one, so that only the faulty one fails.
 */
class SqliteGroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly pool: SqlitePool,
    private readonly durable: boolean,
  ) {}

  write(w: LedgerWrite): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ write: w, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush() {
    const batch = this.queue.splice(0);
    this.scheduled = false;
    if (!batch.length) return;
    let db: SqliteDb;
    try {
      db = await this.pool.acquireConnection();
    } catch (e) {
      for (const p of batch) p.reject(e);
      return;
    }
    try {
      if (this.durable) makeDurable(db);
      try {
        writeSqlite(db, rowsOf(...batch.map((p) => p.write)));
        for (const p of batch) p.resolve();
      } catch (e) {
        if (batch.length === 1) return batch[0].reject(e);
        for (const p of batch) {
          try {
            writeSqlite(db, rowsOf(p.write));
            p.resolve();
          } catch (err) {
            p.reject(err);
          }
        }
      }
    } finally {
      await this.pool.releaseConnection(db);
    }
  }
}

const groupCommits = new WeakMap<object, SqliteGroupCommit>();

/** Stores `w` on SQLite, in one transaction with the writes of the same event-loop turn. */
export function writeSqliteGrouped(
  pool: SqlitePool,
  durable: boolean,
  w: LedgerWrite,
): Promise<void> {
  let group = groupCommits.get(pool);
  if (!group) groupCommits.set(pool, (group = new SqliteGroupCommit(pool, durable)));
  return group.write(w);
}
