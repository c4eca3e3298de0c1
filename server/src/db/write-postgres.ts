import type { Knex } from 'knex';
import { TABLES } from './tables';
import {
  COLUMNS,
  INTEGER,
  ORDER,
  rowsOf,
  type LedgerWrite,
  type Table,
  type TableRows,
} from './rows';

// ------------------------------------------------------------ PostgreSQL ---
// One statement, one round trip: data-modifying CTEs insert every row from
// JSON arrays, and a single statement is atomic without BEGIN/COMMIT. It is a
// named prepared statement, parsed once per connection.

const PG_STATEMENT = 'policy_ledger_write_v3';

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
    if (t === 'counters')
      sql += ` ON CONFLICT ("bucket") DO UPDATE SET "n" = ${q(t)}."n" + excluded."n"`;
    if (t === 'subjectState') {
      sql += ` ON CONFLICT ("subject", "policy_key") DO UPDATE SET "accepted_version" = GREATEST(${q(t)}."accepted_version", excluded."accepted_version")`;
    }
    if (t === 'links') {
      sql += ` ON CONFLICT ("subject", "linked_subject") DO UPDATE SET "generation" = GREATEST(${q(t)}."generation", excluded."generation")`;
    }
    return `w_${t} AS (${sql})`;
  };
  return `WITH ${ORDER.map(cte).join(',\n')}\nSELECT 1 AS ok`;
}

interface PgClient {
  query(q: { name: string; text: string; values: unknown[] }): Promise<unknown>;
}

async function writePostgres(knex: Knex, schema: string | undefined, rows: TableRows) {
  const client = knex.client as {
    acquireConnection(): Promise<PgClient>;
    releaseConnection(c: PgClient): Promise<void>;
  };
  const conn = await client.acquireConnection();
  try {
    await conn.query({
      name: PG_STATEMENT,
      text: pgSql(schema),
      values: ORDER.map((t) => JSON.stringify(rows[t])),
    });
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

/** Stores `w` on PostgreSQL, in a group commit with the writes that arrive meanwhile. */
export function writePostgresGrouped(
  knex: Knex,
  schema: string | undefined,
  w: LedgerWrite,
): Promise<void> {
  let group = groupCommits.get(knex);
  if (!group) groupCommits.set(knex, (group = new PgGroupCommit(knex, schema)));
  return group.write(w);
}
