import type { Knex } from 'knex';
import { TABLES } from '../db/tables';
import type { UnionRow } from './check-events';

interface PgClient {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: UnionRow[] }>;
}

/** Two statements: one for a chunk of pseudonyms (an array), one for a single pseudonym. */
const STATEMENT = { many: 'policy_ledger_check_states', one: 'policy_ledger_check_state' };
const sqlBySchema = new Map<string, string>();

/**
 * The statement `statesOf` reads a chunk with, as one named (prepared)
 * statement on PostgreSQL: the pseudonyms one array parameter ($1), or, for
 * a single check, one text parameter; then the purpose ($2) and the policy
 * ($3, null for none). The events come first: their columns type the NULLs
 * of the rest.
 *
 * Why a single check has a statement of its own: PostgreSQL plans a prepared
 * statement once (a generic plan) only when that plan looks no dearer than
 * one planned for the values at hand; with `= ANY($1)` the generic plan
 * expects several pseudonyms, so it re-plans every execution, which costs
 * more than the execution itself. `= $1` keeps the generic plan.
 */
function sqlOf(schema: string | undefined, one: boolean): string {
  const cacheKey = `${one ? '1' : 'n'}${schema ?? ''}`;
  let sql = sqlBySchema.get(cacheKey);
  if (sql) return sql;
  const t = (name: string) => `${schema ? `"${schema}".` : ''}"${name}"`;
  const subjects = one ? '$1::text' : 'ANY($1::text[])';
  const nulls = 'NULL, NULL, NULL, NULL, NULL, NULL';
  sql = `SELECT 'e' AS src, subject, action AS a, purposes AS b, strength AS c, policy_key AS d,
         policy_version AS e, locale AS f, occurred_at AS g, seq
    FROM ${t(TABLES.events)}
   WHERE subject = ${subjects}
     AND seq > COALESCE((SELECT seq FROM ${t(TABLES.purposeState)}
                          WHERE subject = '' AND kind = 'cursor' AND key = ''), 0)
  UNION ALL
  SELECT 's', subject, kind, key, state, NULL, NULL, NULL, NULL, seq
    FROM ${t(TABLES.purposeState)}
   WHERE subject = ${subjects}
     AND ((kind = 'purpose' AND key = $2) OR (kind = 'policy' AND key = $3))
  UNION ALL
  SELECT 'l', subject, linked_subject, ${nulls}, generation
    FROM ${t(TABLES.links)} WHERE subject = ${subjects}
  UNION ALL
  SELECT 'l', linked_subject, subject, ${nulls}, generation
    FROM ${t(TABLES.links)} WHERE linked_subject = ${subjects}`;
  sqlBySchema.set(cacheKey, sql);
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
    const one = chunk.length === 1;
    const res = await conn.query({
      name: one ? STATEMENT.one : STATEMENT.many,
      text: sqlOf(schema, one),
      values: [one ? chunk[0] : chunk, purpose, policy],
    });
    return res.rows;
  } finally {
    await client.releaseConnection(conn);
  }
}
