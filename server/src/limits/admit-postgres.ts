import type { Knex } from 'knex';
import { TABLES } from '../db/tables';
/** One count to take: the row `key` (rate-limiter-flexible's `<prefix>:<key>`) in its window. */
export interface Count {
  key: string;
  window: { points: number; seconds: number };
}

/** What the statement found: each count after this request (null when not taken), and whether the person is confirmed. */
export interface Admitted {
  address: { consumed: number; expire: number } | null;
  subject: { consumed: number; expire: number } | null;
  confirmed: boolean;
}

/**
 * The upsert rate-limiter-flexible's RateLimiterPostgres runs for one count
 * (`consume`: +1, a fresh window once the old one expired), on the same
 * table and rows, as the CTE `name`; `taken` says whether to count at all.
 */
const upsert = (t: string, name: string, key: string, expire: string, now: string, taken: string) =>
  `${name} AS (
    INSERT INTO ${t} (key, points, expire) SELECT ${key}, 1, ${expire} WHERE ${taken}
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN ${t}.expire <= ${now} THEN 1 ELSE ${t}.points + 1 END,
      expire = CASE WHEN ${t}.expire <= ${now} THEN ${expire} ELSE ${t}.expire END
    RETURNING points, expire)`;

function sqlOf(schema: string | undefined) {
  const q = (name: string) => `${schema ? `"${schema}".` : ''}"${name}"`;
  // Unqualified, as store.ts creates it and rate-limiter-flexible reads it (the search path).
  const limits = `"${TABLES.limits}"`;
  // $1 address key, $2 its new expiry, $3 count it?, $4 its points (the person is counted only
  // while the address is within them), $5 subject key, $6 its new expiry, $7 count it?,
  // $8 now (ms), $9 the subject whose confirmed contact to look for (null: none).
  return `WITH ${upsert(limits, 'a', '$1::text', '$2::bigint', '$8::bigint', '$3::boolean')},
  ${upsert(limits, 's', '$5::text', '$6::bigint', '$8::bigint', '$7::boolean AND COALESCE((SELECT points FROM a) <= $4::integer, true)')}
  SELECT (SELECT points FROM a) AS a_points, (SELECT expire FROM a) AS a_expire,
    (SELECT points FROM s) AS s_points, (SELECT expire FROM s) AS s_expire,
    EXISTS (SELECT 1 FROM ${q(TABLES.contacts)} WHERE subject = $9::text AND confirmed_at IS NOT NULL) AS confirmed`;
}

const STATEMENT = 'policy_ledger_admit_v1';
const sqlBySchema = new Map<string, string>();

interface PgClient {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{
    rows: Array<{
      a_points: number | null;
      a_expire: string | null;
      s_points: number | null;
      s_expire: string | null;
      confirmed: boolean;
    }>;
  }>;
}

/**
 * One anonymous write's admission on PostgreSQL, in one round trip: the
 * count of its client address, the count of its person (taken only while the
 * address is within its limit, as when the two are counted one after the
 * other), and whether that person's e-mail is confirmed. The counts are the
 * rows rate-limiter-flexible keeps for the other routes, updated as it
 * updates them.
 */
export async function admitPostgres(
  knex: Knex,
  schema: string | undefined,
  req: { address: Count | null; subject: Count | null; confirmedOf: string | null },
): Promise<Admitted> {
  let text = sqlBySchema.get(schema ?? '');
  if (!text) sqlBySchema.set(schema ?? '', (text = sqlOf(schema)));
  const now = Date.now();
  const client = knex.client as {
    acquireConnection(): Promise<PgClient>;
    releaseConnection(c: PgClient): Promise<void>;
  };
  const conn = await client.acquireConnection();
  try {
    const { rows } = await conn.query({
      name: STATEMENT,
      text,
      values: [
        req.address?.key ?? '',
        now + (req.address?.window.seconds ?? 0) * 1000,
        req.address !== null,
        req.address?.window.points ?? 0,
        req.subject?.key ?? '',
        now + (req.subject?.window.seconds ?? 0) * 1000,
        req.subject !== null,
        now,
        req.confirmedOf,
      ],
    });
    const r = rows[0];
    return {
      address: r.a_points === null ? null : { consumed: r.a_points, expire: Number(r.a_expire) },
      subject: r.s_points === null ? null : { consumed: r.s_points, expire: Number(r.s_expire) },
      confirmed: r.confirmed,
    };
  } finally {
    await client.releaseConnection(conn);
  }
}
