import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { COUNTER_SHARDS, TABLES } from '../models';
import { appendRows, derivedRows, type Appendable } from './append';

/** Everything one ledger write stores, all or nothing. */
export interface LedgerWrite {
  submission?: Record<string, unknown> | null;
  events: Array<Appendable & Record<string, unknown>>;
  evidence: Array<Record<string, unknown>>;
  idempotency?: Record<string, unknown> | null;
}

/** Columns each table is written with, in order (the write path's whole vocabulary). */
const COLUMNS = {
  submissions: ['public_id', 'form_key', 'form_revision', 'form_hash', 'locale', 'subject', 'data', 'received_at'],
  events: [
    'event_id', 'occurred_at', 'subject', 'action', 'policy_key', 'policy_version', 'locale', 'content_hash', 'form_key',
    'form_revision', 'form_hash', 'purposes', 'method', 'submission_id', 'evidence_hash', 'hash', 'implied_key',
  ],
  evidence: ['event_id', 'ip', 'user_agent', 'page_url', 'created_at'],
  counters: ['bucket', 'policy_key', 'policy_version', 'locale', 'form_key', 'day', 'action', 'shard', 'n'],
  subjectState: ['subject', 'policy_key', 'accepted_version'],
  idempotency: ['scope_key', 'request_hash', 'status', 'response', 'created_at'],
} as const;
type Table = keyof typeof COLUMNS;

const INTEGER = new Set(['form_revision', 'policy_version', 'shard', 'n', 'accepted_version', 'status']);

const ORDER: Table[] = ['submissions', 'events', 'evidence', 'counters', 'subjectState', 'idempotency'];

/** The rows of one or several writes, stored together (counters and subject state merged). */
function rowsOf(...ws: LedgerWrite[]): Record<Table, Array<Record<string, unknown>>> {
  const events = ws.length === 1 ? ws[0].events : ws.flatMap((w) => w.events);
  const { counters, states } = derivedRows(events, Math.floor(Math.random() * COUNTER_SHARDS));
  return {
    submissions: ws.flatMap((w) => (w.submission ? [w.submission] : [])),
    events,
    evidence: ws.length === 1 ? ws[0].evidence : ws.flatMap((w) => w.evidence),
    counters,
    subjectState: states,
    idempotency: ws.flatMap((w) => (w.idempotency ? [w.idempotency] : [])),
  };
}

// ---------------------------------------------------------------- SQLite ---
// better-sqlite3 is synchronous: the whole write runs as one transaction on
// the connection, with statements prepared once per connection. Nothing else
// can run on that connection meanwhile (the event loop is ours until it ends).

interface SqliteStatement {
  run(...params: unknown[]): unknown;
}
interface SqliteDb {
  prepare(sql: string): SqliteStatement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
}

const sqliteStatements = new WeakMap<object, Record<Table, SqliteStatement>>();

function sqliteSql(table: Table): string {
  const cols = COLUMNS[table];
  const insert = `INSERT INTO "${TABLES[table]}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  if (table === 'counters') return `${insert} ON CONFLICT ("bucket") DO UPDATE SET "n" = "n" + excluded."n"`;
  if (table === 'subjectState') {
    return `${insert} ON CONFLICT ("subject", "policy_key") DO UPDATE SET "accepted_version" = MAX("accepted_version", excluded."accepted_version")`;
  }
  return insert;
}

function writeSqlite(db: SqliteDb, rows: Record<Table, Array<Record<string, unknown>>>) {
  let statements = sqliteStatements.get(db);
  if (!statements) {
    statements = Object.fromEntries(ORDER.map((t) => [t, db.prepare(sqliteSql(t))])) as Record<Table, SqliteStatement>;
    sqliteStatements.set(db, statements);
  }
  const st = statements;
  db.transaction(() => {
    for (const table of ORDER) for (const row of rows[table]) st[table].run(...COLUMNS[table].map((c) => row[c] ?? null));
  })();
}

// ------------------------------------------------------------ PostgreSQL ---
// One statement, one round trip: data-modifying CTEs insert every row from
// JSON arrays, and a single statement is atomic without BEGIN/COMMIT. It is a
// named prepared statement, parsed once per connection.

const PG_STATEMENT = 'policy_ledger_write_v2';

const pgSqlBySchema = new Map<string, string>();

function pgSql(schema: string | undefined): string {
  let sql = pgSqlBySchema.get(schema ?? '');
  if (!sql) pgSqlBySchema.set(schema ?? '', (sql = buildPgSql(schema)));
  return sql;
}

function buildPgSql(schema: string | undefined): string {
  const q = (t: Table) => `${schema ? `"${schema}".` : ''}"${TABLES[t]}"`;
  const cte = (t: Table, i: number) => {
    const cols = COLUMNS[t];
    const list = cols.map((c) => `"${c}"`).join(', ');
    const types = cols.map((c) => `"${c}" ${INTEGER.has(c) ? 'integer' : 'text'}`).join(', ');
    let sql = `INSERT INTO ${q(t)} (${list}) SELECT ${list} FROM json_to_recordset($${i + 1}::json) AS r(${types})`;
    if (t === 'counters') sql += ` ON CONFLICT ("bucket") DO UPDATE SET "n" = ${q(t)}."n" + excluded."n"`;
    if (t === 'subjectState') {
      sql += ` ON CONFLICT ("subject", "policy_key") DO UPDATE SET "accepted_version" = GREATEST(${q(t)}."accepted_version", excluded."accepted_version")`;
    }
    return `w_${t} AS (${sql})`;
  };
  return `WITH ${ORDER.map(cte).join(',\n')}\nSELECT 1 AS ok`;
}

interface PgClient {
  query(q: { name: string; text: string; values: unknown[] }): Promise<unknown>;
}

async function writePostgres(knex: Knex, schema: string | undefined, rows: Record<Table, Array<Record<string, unknown>>>) {
  const client = knex.client as { acquireConnection(): Promise<PgClient>; releaseConnection(c: PgClient): Promise<void> };
  const conn = await client.acquireConnection();
  try {
    await conn.query({ name: PG_STATEMENT, text: pgSql(schema), values: ORDER.map((t) => JSON.stringify(rows[t])) });
  } finally {
    await client.releaseConnection(conn);
  }
}

/**
 * Group commit. Writes that arrive while PG_IN_FLIGHT statements are already
 * running wait, and the next free slot stores all of them (up to PG_BATCH)
 * in one statement: one round trip, one commit. A lone write goes at once, so
 * nothing waits on a timer. Every caller is answered only after the statement
 * that holds its rows has committed. If a batch fails, its writes are retried
 * one by one, so that only the faulty one fails (with its own error).
 */
const PG_IN_FLIGHT = 2;
const PG_BATCH = 64;

interface Pending {
  write: LedgerWrite;
  resolve: () => void;
  reject: (e: unknown) => void;
}

class PgGroupCommit {
  private queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly knex: Knex,
    private readonly schema: string | undefined,
  ) {}

  write(w: LedgerWrite): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ write: w, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < PG_IN_FLIGHT && this.queue.length) {
      const batch = this.queue.splice(0, PG_BATCH);
      this.inFlight++;
      void this.store(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async store(batch: Pending[]) {
    try {
      await writePostgres(this.knex, this.schema, rowsOf(...batch.map((p) => p.write)));
      for (const p of batch) p.resolve();
    } catch (e) {
      if (batch.length === 1) return batch[0].reject(e);
      for (const p of batch) {
        await writePostgres(this.knex, this.schema, rowsOf(p.write)).then(p.resolve, p.reject);
      }
    }
  }
}

const groupCommits = new WeakMap<Knex, PgGroupCommit>();

// --------------------------------------------------------------- generic ---

async function writeKnex(strapi: Core.Strapi, rows: Record<Table, Array<Record<string, unknown>>>) {
  await strapi.db.transaction(async ({ trx }) => appendRows(trx as unknown as Knex, ORDER.map((t) => [TABLES[t], rows[t]] as const)));
}

/**
 * Writes one submission or decision — the submission row, its events and
 * evidence, the acceptance counters and subject state they move, and the
 * idempotency record — atomically, in the cheapest form the database
 * allows: one synchronous transaction on SQLite, one statement on
 * PostgreSQL (shared with the writes that arrived meanwhile: group commit),
 * one knex transaction elsewhere (MySQL/MariaDB).
 */
export async function writeLedger(strapi: Core.Strapi, w: LedgerWrite): Promise<void> {
  if (w.events.length === 0 && !w.submission) return;
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  if (client === 'sqlite') {
    const rows = rowsOf(w);
    const pool = knex.client as { acquireConnection(): Promise<SqliteDb>; releaseConnection(c: SqliteDb): Promise<void> };
    const db = await pool.acquireConnection();
    try {
      writeSqlite(db, rows);
    } finally {
      await pool.releaseConnection(db);
    }
    return;
  }
  if (client === 'postgres') {
    let group = groupCommits.get(knex);
    if (!group) groupCommits.set(knex, (group = new PgGroupCommit(knex, strapi.db.getSchemaName() || undefined)));
    return group.write(w);
  }
  return writeKnex(strapi, rowsOf(w));
}
