import type { Knex } from 'knex';
import { TABLES } from '../db/tables';
import type { UnionRow } from './check-events';

interface PgClient {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: UnionRow[] }>;
}

const STATEMENT = 'policy_ledger_check_states';
const sqlBySchema = new Map<string, string>();

/**
 * The statement `statesOf` reads a chunk with, as one named (prepared)
 * statement on PostgreSQL: planned once per connection, the pseudonyms one
 * array parameter ($1), then the purpose ($2) and the policy ($3, null for
 * none). The events come first: their columns type the NULLs of the rest.
 */
function sqlOf(schema: string | undefined): string {
  let sql = sqlBySchema.get(schema ?? '');
  if (sql) return sql;
  const t = (name: string) => `${schema ? `"${schema}".` : ''}"${name}"`;
  const nulls = 'NULL, NULL, NULL, NULL, NULL, NULL';
  sql = `SELECT 'e' AS src, subject, action AS a, purposes AS b, strength AS c, policy_key AS d,
         policy_version AS e, locale AS f, occurred_at AS g, seq
    FROM ${t(TABLES.events)}
   WHERE subject = ANY($1::text[])
     AND seq > COALESCE((SELECT seq FROM ${t(TABLES.purposeState)}
                          WHERE subject = '' AND kind = 'cursor' AND key = ''), 0)
  UNION ALL
  SELECT 's', subject, kind, key, state, NULL, NULL, NULL, NULL, seq
    FROM ${t(TABLES.purposeState)}
   WHERE subject = ANY($1::text[])
     AND ((kind = 'purpose' AND key = $2) OR (kind = 'policy' AND key = $3))
  UNION ALL
  SELECT 'l', subject, linked_subject, ${nulls}, generation
    FROM ${t(TABLES.links)} WHERE subject = ANY($1::text[])
  UNION ALL
  SELECT 'l', linked_subject, subject, ${nulls}, generation
    FROM ${t(TABLES.links)} WHERE linked_subject = ANY($1::text[])`;
  sqlBySchema.set(schema ?? '', sql);
  return sql;
}

/** One chunk of `statesOf` on PostgreSQL: one round trip, no planning after the first. */
export async function readStatesPostgres(
  knex: Knex,
  schema: string | undefined,
  chunk: readonly string[],
  purpose: string,
  policy: string | null,
): Promise<UnionRow[]> {
  const client = knex.client as unknown as {
    acquireConnection(): Promise<PgClient>;
    releaseConnection(c: PgClient): Promise<void>;
  };
  const conn = await client.acquireConnection();
  try {
    const res = await conn.query({
      name: STATEMENT,
      text: sqlOf(schema),
      values: [chunk, purpose, policy],
    });
    return res.rows;
  } finally {
    await client.releaseConnection(conn);
  }
}
