/**
 * npm run bench:scale -- --events=1000000 [--counters-for=10000000] [--db=sqlite|postgres|mysql]
 *                        [--checkpoint-size=10000] [--heavy=1000]
 *
 * Generates a ledger and measures the reports and verification on it:
 * - `--events` real events (hashed, sealed into checkpoints of
 *   `--checkpoint-size` events, default 10,000; a site that seals every
 *   minute has checkpoints of tens of events), with the counters and
 *   subject state appending them would have left;
 * - `--heavy=N`: the site account `id:heavy` makes N of the events, spread
 *   evenly over the year (bench:log times that person's evidence pack);
 * - `--counters-for` (≥ events, default = events): the counters and subject
 *   state are sized as that many events would leave them (the statistics
 *   read only those two tables), for a quick look at 10M-sized reports
 *   without writing 10M events.
 * Rows go in by each engine's bulk path: prepared statements in one
 * transaction per batch on SQLite, one `jsonb_to_recordset` INSERT per batch
 * on PostgreSQL, multi-row `INSERT … VALUES ?` on MySQL/MariaDB; 10M events
 * take minutes, not hours.
 * The people counts are sized likewise: each person's standing per policy
 * (policy_ledger_person_state) and the counts per policy (policy_ledger_people).
 * Then times: the full version × locale × form matrix, the per-version table,
 * pending re-acceptance, the people counts, the sealing job's people catch-up
 * over the last 10,000 sealed events, a ledger page for one person, and
 * verification of every event and checkpoint. Medians of 5 runs
 * (catch-up and verification: 1 run), and an incremental verification of one
 * new sealing period of 10,000 events on top.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { performance } from 'node:perf_hooks';
import type { EventContent } from '../shared/contracts';
import { checkpointHash, canonicalJson, eventHash } from '../server/src/domain/canonical';
import { merkleRoot } from '../server/src/domain/merkle';
import { COUNTER_SHARDS } from '../server/src/db/tables';
import { subjectRef } from '../server/src/domain/subject';
import { subjectSecret } from '../server/src/utils/subjects';
import { boot, shutdown, testApp } from '../tests/helpers/strapi';
import { BENCH_SUBJECT_SECRET } from './lib/subject-secret';

const arg = (name: string, dflt: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const EVENTS = Number(arg('events', '100000'));
const SIZED_FOR = Math.max(EVENTS, Number(arg('counters-for', String(EVENTS))));
const POLICIES = ['privacy', 'cookies', 'marketing-terms'];
const LOCALES = ['kk', 'ru', 'en'];
const FORMS = ['contact', 'order', 'newsletter', 'callback', null];
const DAYS = 365;
const CHECKPOINT_SIZE = Number(arg('checkpoint-size', '10000'));
const HEAVY = Number(arg('heavy', '0'));
const START = Date.parse('2025-01-01T00:00:00Z');
const SHARDS = COUNTER_SHARDS;
// As the daily rollup leaves them: one shard per past day, 8 on the last day.
const COMPACTED = !process.argv.includes('--uncompacted');

// Deterministic pseudo-random numbers: every run builds the same ledger.
// mulberry32
let seed = 42;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

/**
 * Person n of the generated ledger is the site account `id:s<n>`, stored as
 * the plugin stores it (the HMAC of the app's subject secret): a consent
 * check for `id:s<n>` finds their events (bench/consent-checks.ts).
 */
let secret = '';
const pseudonym = (s: string) => subjectRef(secret, `id:${s}`);

function synthetic(i: number, total: number) {
  const day = Math.floor((i / total) * DAYS);
  const version = 1 + Math.floor(day / 90); // a new edition every quarter
  const r = rnd();
  const action = r < 0.8 ? 'granted' : r < 0.9 ? 'implied' : r < 0.97 ? 'withdrawn' : 'denied';
  const at = new Date(START + day * 86_400_000 + Math.floor(rnd() * 86_400_000)).toISOString();
  return {
    policy: pick(POLICIES),
    version,
    locale: pick(LOCALES),
    form: action === 'implied' ? null : pick(FORMS),
    action,
    at,
    subject: `s${Math.floor(rnd() * (total / 3))}`,
    marketing: rnd() < 0.5,
  };
}

/** The packed standing after one more event (see domain/standing.ts foldStanding). */
function foldPacked(
  packed: number | undefined,
  action: string,
  version: number,
  marketing: boolean,
) {
  let v = packed === undefined ? 0 : packed >> 3;
  let declining = packed !== undefined && (packed & 4) !== 0;
  let m = packed !== undefined && (packed & 2) !== 0;
  let p = packed !== undefined && (packed & 1) !== 0;
  if (action === 'granted' || action === 'implied') {
    v = Math.max(v, version);
    declining = false;
    if (action === 'granted') {
      p = true;
      m = marketing;
    }
  } else if (action === 'denied') {
    declining = true;
    m = false;
  } else if (action === 'withdrawn') {
    m = false;
  }
  return (v << 3) | (declining ? 4 : 0) | (m ? 2 : 0) | (p ? 1 : 0);
}

/** The person-state rows the packed standings make, in chunks (millions of them). */
function* personChunks(standings: Map<string, number>, size = 100_000): Generator<Row[]> {
  let chunk: Row[] = [];
  for (const [k, packed] of standings) {
    const [subject, policy] = k.split('|');
    const v = packed >> 3;
    const purposes: Record<string, boolean> = {};
    if (packed & 1) purposes.processing = true;
    if (v > 0) purposes.marketing = (packed & 2) !== 0;
    chunk.push({
      subject: pseudonym(subject),
      policy_key: policy,
      standing: JSON.stringify({
        acceptedVersion: v || null,
        acceptedLocale: v ? 'kk' : null,
        deniedVersion: packed & 4 ? 1 : null,
        purposes,
      }),
      last_seq: 0,
    });
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/** The people counts per policy the packed standings make, and the cursor row. */
function peopleCountRows(standings: Map<string, number>): Row[] {
  const counts = new Map<string, number>();
  const add = (bucket: string) => counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  for (const [k, packed] of standings) {
    const policy = k.slice(k.indexOf('|') + 1);
    const v = packed >> 3;
    add(`${policy}|person|`);
    if (v) add(`${policy}|edition|${v}`);
    if (packed & 4) add(`${policy}|declining|`);
    if (packed & 1) add(`${policy}|purpose|processing`);
    if (packed & 2) add(`${policy}|purpose|marketing`);
  }
  const rows: Row[] = [...counts.entries()].map(([bucket, n]) => {
    const [policy_key, kind, key] = bucket.split('|');
    return { bucket, policy_key, kind, key, n };
  });
  rows.push({ bucket: '|cursor|', policy_key: '', kind: 'cursor', key: '', n: 0 });
  return rows;
}

/** Appends `count` hashed events dated after the generated year (a new sealing period). */
export async function appendPeriod(knex: Knex, db: string, count: number) {
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const content: EventContent = {
      id: randomUUID(),
      occurredAt: new Date(START + DAYS * 86_400_000 + i * 1000).toISOString(),
      subject: `s${i}`.padStart(64, '0'),
      action: 'granted',
      policy: pick(POLICIES),
      version: 5,
      locale: pick(LOCALES),
      contentHash: 'a'.repeat(64),
      form: 'contact',
      formRevision: 1,
      formHash: 'b'.repeat(64),
      purposes: { processing: true, marketing: rnd() < 0.5 },
      method: 'form',
      submission: null,
      evidenceHash: null,
    };
    rows.push({
      event_id: content.id,
      occurred_at: content.occurredAt,
      subject: content.subject,
      action: content.action,
      policy_key: content.policy,
      policy_version: content.version,
      locale: content.locale,
      content_hash: content.contentHash,
      form_key: content.form,
      form_revision: content.formRevision,
      form_hash: content.formHash,
      purposes: canonicalJson(content.purposes),
      method: content.method,
      submission_id: null,
      evidence_hash: null,
      hash: eventHash(content),
      implied_key: null,
    });
  }
  await bulkInsert(knex, db, 'policy_ledger_events', rows);
}

async function time<T>(label: string, runs: number, fn: () => Promise<T>) {
  const ms: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)];
  console.log(`${label}: ${median.toFixed(1)} ms (median of ${runs})`);
  return { label, median, result };
}

type Row = Record<string, unknown>;

/** Inserts rows (all with the same columns) by the engine's bulk path; chunked. */
async function bulkInsert(knex: Knex, db: string, table: string, rows: Row[]) {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const pool = knex.client as {
    acquireConnection(): Promise<unknown>;
    releaseConnection(c: unknown): Promise<void>;
  };
  const conn = await pool.acquireConnection();
  try {
    if (db === 'sqlite') {
      const sqlite = conn as {
        prepare(sql: string): { run(...v: unknown[]): unknown };
        transaction(fn: () => void): () => void;
      };
      const st = sqlite.prepare(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      sqlite.transaction(() => {
        for (const r of rows) st.run(...cols.map((c) => r[c] ?? null));
      })();
    } else if (db === 'postgres') {
      const pg = conn as { query(text: string, values: unknown[]): Promise<unknown> };
      const types = cols
        .map((c) => `"${c}" ${rows.some((r) => typeof r[c] === 'number') ? 'bigint' : 'text'}`)
        .join(', ');
      const list = cols.map((c) => `"${c}"`).join(', ');
      for (let i = 0; i < rows.length; i += 20_000) {
        await pg.query(
          `INSERT INTO "${table}" (${list}) SELECT ${list} FROM jsonb_to_recordset($1::jsonb) AS r(${types})`,
          [JSON.stringify(rows.slice(i, i + 20_000))],
        );
      }
    } else {
      const my = conn as {
        query(sql: string, values: unknown[], cb: (e: Error | null) => void): void;
      };
      for (let i = 0; i < rows.length; i += 2_000) {
        const values = rows.slice(i, i + 2_000).map((r) => cols.map((c) => r[c] ?? null));
        await new Promise<void>((resolve, reject) =>
          my.query(
            `INSERT INTO \`${table}\` (${cols.map((c) => `\`${c}\``).join(', ')}) VALUES ?`,
            [values],
            (e) => (e ? reject(e) : resolve()),
          ),
        );
      }
    }
  } finally {
    await pool.releaseConnection(conn);
  }
}

async function main() {
  const db = arg('db', process.env.DATABASE_CLIENT ?? 'sqlite');
  process.env.DATABASE_CLIENT = db;
  // One subject secret for bench:scale and bench:checks: the same people on both sides.
  process.env.POLICY_LEDGER_SUBJECT_SECRET ??= BENCH_SUBJECT_SECRET;
  await boot();
  const { strapi } = testApp();
  secret = subjectSecret(strapi);
  const knex = strapi.db.connection;
  const mysql = db === 'mysql';
  console.log(
    `# ${db}: ${EVENTS.toLocaleString('en')} events, counters and subject state sized for ${SIZED_FOR.toLocaleString('en')}${COMPACTED ? ' (counters rolled up daily)' : ' (counters not rolled up)'}`,
  );

  // Counters and subject state for SIZED_FOR events (the events' own share included).
  const t0 = performance.now();
  const counters = new Map<string, number>();
  const states = new Map<string, number>();
  // Each person's standing per policy, packed: version × 8 + declining × 4 + marketing × 2 + processing.
  const standings = new Map<string, number>();
  const batch: Record<string, unknown>[] = [];
  let hashes: string[] = [];
  let seqFrom = 1;
  let prev: string | null = null;
  const flushEvents = async () => {
    if (!batch.length) return;
    await bulkInsert(knex, db, 'policy_ledger_events', batch.splice(0));
  };
  const checkpointRows: Row[] = [];
  const flushCheckpoints = async () => {
    // In order, one statement per chunk: the ids follow the chain.
    for (let i = 0; i < checkpointRows.length; i += 1000)
      await knex('policy_ledger_checkpoints').insert(checkpointRows.slice(i, i + 1000));
    checkpointRows.length = 0;
  };
  const ratio = Math.round(SIZED_FOR / EVENTS);
  const heavyEvery = HEAVY > 0 ? Math.max(1, Math.floor(EVENTS / HEAVY)) : 0;
  for (let i = 0; i < SIZED_FOR; i++) {
    const e = synthetic(i, SIZED_FOR);
    const written = i % ratio === 0 && i / ratio < EVENTS;
    if (written && heavyEvery && (i / ratio) % heavyEvery === 0 && i / ratio / heavyEvery < HEAVY)
      e.subject = 'heavy';
    const day = e.at.slice(0, 10);
    const lastDay = i >= SIZED_FOR - SIZED_FOR / DAYS;
    const shard = COMPACTED && !lastDay ? 0 : Math.floor(rnd() * SHARDS);
    const key = [e.policy, e.version, e.locale, e.form ?? '', day, e.action, shard].join('|');
    counters.set(key, (counters.get(key) ?? 0) + 1);
    const sk = `${e.subject}|${e.policy}`;
    if (e.action === 'granted' || e.action === 'implied') {
      states.set(sk, Math.max(states.get(sk) ?? 0, e.version));
    }
    standings.set(sk, foldPacked(standings.get(sk), e.action, e.version, e.marketing));
    if (!written) continue;
    const content: EventContent = {
      id: randomUUID(),
      occurredAt: e.at,
      subject: pseudonym(e.subject),
      action: e.action as EventContent['action'],
      policy: e.policy,
      version: e.version,
      locale: e.locale,
      contentHash: 'a'.repeat(64),
      form: e.form,
      formRevision: e.form ? 1 : null,
      formHash: e.form ? 'b'.repeat(64) : null,
      purposes: e.action === 'granted' ? { processing: true, marketing: e.marketing } : {},
      method: e.form ? 'form' : 'continued-use',
      submission: null,
      evidenceHash: null,
    };
    const hash = eventHash(content);
    hashes.push(hash);
    batch.push({
      event_id: content.id,
      occurred_at: content.occurredAt,
      subject: content.subject,
      action: content.action,
      policy_key: content.policy,
      policy_version: content.version,
      locale: content.locale,
      content_hash: content.contentHash,
      form_key: content.form,
      form_revision: content.formRevision,
      form_hash: content.formHash,
      purposes: canonicalJson(content.purposes),
      method: content.method,
      submission_id: null,
      evidence_hash: null,
      hash,
      implied_key: null,
    });
    if (hashes.length >= CHECKPOINT_SIZE) {
      const seqTo = seqFrom + hashes.length - 1;
      const cp = {
        seqFrom,
        seqTo,
        count: hashes.length,
        root: merkleRoot(hashes),
        prevHash: prev,
        sealedAt: new Date().toISOString(),
      };
      prev = checkpointHash(cp);
      checkpointRows.push({
        seq_from: cp.seqFrom,
        seq_to: cp.seqTo,
        event_count: cp.count,
        root: cp.root,
        prev_hash: cp.prevHash,
        hash: prev,
        sealed_at: cp.sealedAt,
      });
      seqFrom = seqTo + 1;
      hashes = [];
    }
    if (batch.length >= 10_000) {
      await flushEvents();
      await flushCheckpoints();
    }
  }
  await flushEvents();
  await flushCheckpoints();
  const counterRows = [...counters.entries()].map(([bucket, n]) => {
    const [policy_key, v, locale, form_key, day, action, shard] = bucket.split('|');
    return {
      bucket,
      policy_key,
      policy_version: Number(v),
      locale,
      form_key,
      day,
      action,
      shard: Number(shard),
      n,
    };
  });
  await bulkInsert(knex, db, 'policy_ledger_counters', counterRows);
  const stateRows = [...states.entries()].map(([k, accepted_version]) => {
    const [subject, policy_key] = k.split('|');
    return { subject: pseudonym(subject), policy_key, accepted_version };
  });
  for (let i = 0; i < stateRows.length; i += 100_000)
    await bulkInsert(knex, db, 'policy_ledger_subject_state', stateRows.slice(i, i + 100_000));
  for (const chunk of personChunks(standings))
    await bulkInsert(knex, db, 'policy_ledger_person_state', chunk);
  await bulkInsert(knex, db, 'policy_ledger_people', peopleCountRows(standings));
  const personStates = standings.size;
  if (db === 'postgres') await knex.raw('VACUUM ANALYZE');
  if (db === 'sqlite') await knex.raw('ANALYZE');
  if (mysql)
    for (const t of [
      'policy_ledger_events',
      'policy_ledger_counters',
      'policy_ledger_subject_state',
      'policy_ledger_person_state',
      'policy_ledger_people',
    ])
      await knex.raw(`ANALYZE TABLE ${t}`);
  console.log(
    `generated in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${counterRows.length.toLocaleString('en')} counter rows, ${stateRows.length.toLocaleString('en')} subject states, ${personStates.toLocaleString('en')} person standings`,
  );

  // The "privacy" policy must exist for the reports (it does: the demo seed) and have a re-consent edition in force.
  const acceptance = strapi.plugin('policy-ledger').service('acceptance');
  const ledgerReads = strapi.plugin('policy-ledger').service('ledger-reads');
  const peopleCounts = strapi.plugin('policy-ledger').service('people-counts');
  const verification = strapi.plugin('policy-ledger').service('verification');
  // The people counts reach the last checkpoint but 10,000 events: the catch-up folds those
  // (onto standings that already hold them: the same work as new events).
  const sealed = Number((await knex('policy_ledger_checkpoints').max({ m: 'seq_to' }).first())?.m);
  await knex('policy_ledger_people')
    .where({ bucket: '|cursor|' })
    .update({ n: Math.max(0, sealed - 10_000) });
  const stats = (groupBy: string[]) => acceptance.acceptance({ policy: 'privacy', groupBy });
  const results = [
    await time('acceptance: version × locale × form matrix', 5, () =>
      stats(['version', 'locale', 'form']),
    ),
    await time('acceptance: per version', 5, () => stats(['version'])),
    await time('acceptance: per day (365 rows)', 5, () => stats(['day'])),
    await time('people counts (people, per edition, per purpose, declining)', 5, () =>
      peopleCounts.countsOf('privacy'),
    ),
    await time('people catch-up: 10,000 sealed events', 1, () => peopleCounts.catchUp()),
    // What "pending re-acceptance" runs when a re-consent edition (here: version 4) is in force.
    await time('pending re-acceptance count (subject state)', 5, () =>
      knex('policy_ledger_subject_state')
        .where('policy_key', 'privacy')
        .andWhere('accepted_version', '<', 4)
        .count({ c: '*' })
        .first(),
    ),
    await time('ledger page for one person', 5, () =>
      ledgerReads.page({ policy: 'privacy', subject: 'id:nobody' }, null, 50),
    ),
    await time(`verify ${EVENTS.toLocaleString('en')} events`, 1, () =>
      verification.verify('full'),
    ),
  ];
  const v = results[results.length - 1].result as {
    ok: boolean;
    events: number;
    checkpoints: number;
  };
  console.log(`verify: ok=${v.ok} events=${v.events} checkpoints=${v.checkpoints}`);
  // One new period on top: 10,000 events, sealed by the plugin, then verified from the last
  // verified checkpoint (the full verification above recorded it).
  await appendPeriod(knex, db, 10_000);
  await strapi.plugin('policy-ledger').service('integrity').seal();
  const incremental = await time('verify one new period (10,000 events) incrementally', 1, () =>
    verification.verify('incremental'),
  );
  const iv = incremental.result as { ok: boolean; mode: string; events: number };
  console.log(`incremental verify: ok=${iv.ok} mode=${iv.mode} events=${iv.events}`);
  results.push(incremental);
  console.log(
    `JSON ${JSON.stringify({ db, compacted: COMPACTED, events: EVENTS, sizedFor: SIZED_FOR, counterRows: counterRows.length, subjectStates: stateRows.length, personStates, timings: Object.fromEntries(results.map((r) => [r.label, Math.round(r.median * 10) / 10])) })}`,
  );
  await shutdown();
}

if (require.main === module)
  main().catch((e) => {
    console.error(String((e as Error).stack ?? e).slice(0, 2000));
    process.exit(1);
  });
