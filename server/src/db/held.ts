import type { Knex } from 'knex';
import type { HeldSubmission, PersonMessage } from '../../../shared/contracts';
import type { EventRow } from './event-row';
import { chunked } from './identifiers';
import { TABLES } from './tables';

/**
 * What is held on a person, found by a list of pseudonyms (theirs, and any
 * linked to them): the submissions and held (double opt-in) submissions
 * whose subject is one of them or that hold an identifier with one of them
 * (policy_ledger_identifiers), the events of those submissions and of those
 * pseudonyms with their evidence, and the e-mails about those submissions.
 * `heldOn` reads it for the access export and the person's record;
 * `eraseHeld` erases it, in the caller's transaction.
 */

export interface SubmissionRow {
  id: number;
  public_id: string;
  form_key: string;
  form_revision: number;
  locale: string;
  received_at: string;
  data: string | null;
  erased_at: string | null;
}

export interface EvidenceRow {
  event_id: string;
  ip: string | null;
  user_agent: string | null;
  page_url: string | null;
}

interface PendingRow {
  id: number;
  public_id: string;
  form_key: string;
  content: string;
  received_at: string;
  expires_at: string;
}

interface OutboxRow {
  ref: string;
  kind: string;
  created_at: string;
  sent_at: string | null;
}

/** What a held row's content holds that the export shows (services/confirmations.ts `PendingContent`). */
interface HeldContent {
  form: { key: string; revision: number };
  locale: string;
  values: Record<string, unknown>;
  purposes: Record<string, boolean>;
}

export interface HeldRows {
  submissions: SubmissionRow[];
  events: EventRow[];
  evidence: EvidenceRow[];
  held: HeldSubmission[];
  /** The e-mails about each submission or held submission, by its public id. */
  messages: Map<string, PersonMessage[]>;
}

/** Rows of `query` for each slice of `values` (SQLite's parameter limit), in one list. */
async function inSlices<T>(values: readonly string[], query: (slice: string[]) => Promise<T[]>) {
  const out: T[] = [];
  for (const slice of chunked(values)) out.push(...(await query(slice)));
  return out;
}

/** The public ids the index holds for `pseudonyms`, by kind. */
async function indexedRefs(knex: Knex, pseudonyms: readonly string[]) {
  const rows = await inSlices(
    pseudonyms,
    (slice) =>
      knex(TABLES.identifiers).whereIn('pseudonym', slice).distinct('kind', 'ref') as Promise<
        Array<{ kind: string; ref: string }>
      >,
  );
  const refs = { submission: new Set<string>(), pending: new Set<string>() };
  for (const r of rows) (r.kind === 'pending' ? refs.pending : refs.submission).add(r.ref);
  return refs;
}

/** Rows of `table` whose subject is one of `pseudonyms` or whose public id is one of `refs`. */
async function rowsFound<T extends { id: number }>(
  knex: Knex,
  table: string,
  columns: string[],
  pseudonyms: readonly string[],
  refs: ReadonlySet<string>,
): Promise<T[]> {
  const byId = new Map<number, T>();
  const take = (rows: T[]) => rows.forEach((r) => byId.set(Number(r.id), r));
  take(
    await inSlices(
      pseudonyms,
      (s) => knex(table).whereIn('subject', s).select(columns) as Promise<T[]>,
    ),
  );
  take(
    await inSlices(
      [...refs],
      (s) => knex(table).whereIn('public_id', s).select(columns) as Promise<T[]>,
    ),
  );
  return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
}

const SUBMISSION_COLUMNS = [
  'id',
  'public_id',
  'form_key',
  'form_revision',
  'locale',
  'received_at',
  'data',
  'erased_at',
];
const PENDING_COLUMNS = ['id', 'public_id', 'form_key', 'content', 'received_at', 'expires_at'];

/** The events of `pseudonyms` and of the submissions `submissionIds`, by seq. */
async function eventsOf(
  knex: Knex,
  pseudonyms: readonly string[],
  submissionIds: readonly string[],
): Promise<EventRow[]> {
  const bySeq = new Map<number, EventRow>();
  const take = (rows: EventRow[]) => rows.forEach((r) => bySeq.set(Number(r.seq), r));
  take(
    await inSlices(
      pseudonyms,
      (s) => knex(TABLES.events).whereIn('subject', s) as Promise<EventRow[]>,
    ),
  );
  // Link entries name two pseudonyms: those that name one of them second (db/links.ts).
  take(
    await inSlices(
      pseudonyms,
      (s) => knex(TABLES.events).whereIn('linked_subject', s) as Promise<EventRow[]>,
    ),
  );
  take(
    await inSlices(
      submissionIds,
      (s) => knex(TABLES.events).whereIn('submission_id', s) as Promise<EventRow[]>,
    ),
  );
  return [...bySeq.values()].sort((a, b) => Number(a.seq) - Number(b.seq));
}

const messageOf = (r: OutboxRow): PersonMessage => ({
  kind: r.kind as PersonMessage['kind'],
  createdAt: r.created_at,
  sentAt: r.sent_at ?? null,
});

/** Everything held on the person with these pseudonyms (see above). */
export async function heldOn(knex: Knex, pseudonyms: readonly string[]): Promise<HeldRows> {
  const ps = [...new Set(pseudonyms)];
  const refs = await indexedRefs(knex, ps);
  const submissions = await rowsFound<SubmissionRow>(
    knex,
    TABLES.submissions,
    SUBMISSION_COLUMNS,
    ps,
    refs.submission,
  );
  const pending = await rowsFound<PendingRow>(
    knex,
    TABLES.pending,
    PENDING_COLUMNS,
    ps,
    refs.pending,
  );
  const events = await eventsOf(
    knex,
    ps,
    submissions.map((s) => s.public_id),
  );
  const evidence = await inSlices(
    events.map((e) => e.event_id),
    (s) =>
      knex(TABLES.evidence)
        .whereIn('event_id', s)
        .select('event_id', 'ip', 'user_agent', 'page_url') as Promise<EvidenceRow[]>,
  );
  const outbox = await inSlices(
    [...submissions, ...pending].map((r) => r.public_id),
    (s) =>
      knex(TABLES.outbox)
        .whereIn('ref', s)
        .orderBy('id', 'asc')
        .select('ref', 'kind', 'created_at', 'sent_at') as Promise<OutboxRow[]>,
  );
  const messages = new Map<string, PersonMessage[]>();
  for (const m of outbox) messages.set(m.ref, [...(messages.get(m.ref) ?? []), messageOf(m)]);
  const held = pending.map((row): HeldSubmission => {
    const content = JSON.parse(row.content) as HeldContent;
    return {
      id: row.public_id,
      form: row.form_key,
      formRevision: Number(content.form.revision),
      locale: content.locale,
      receivedAt: row.received_at,
      expiresAt: row.expires_at,
      status: 'awaiting-confirmation',
      data: content.values,
      purposes: content.purposes,
      messages: messages.get(row.public_id) ?? [],
    };
  });
  return { submissions, events, evidence, held, messages };
}

/** What an erasure erased. */
export interface Erased {
  submissions: number;
  evidence: number;
  held: number;
  messages: number;
}

/**
 * Erases what is held on the person with these pseudonyms, in `trx`: the
 * data of their submissions (blanked, `erased_at` set; the rows stay for the
 * events that name them), the evidence of their events and of those
 * submissions' events, their held submissions with the e-mails about them
 * and about their submissions, and the index rows of all of these. The
 * pseudonymous events stay.
 */
export async function eraseHeld(
  trx: Knex,
  pseudonyms: readonly string[],
  now: string,
): Promise<Erased> {
  const ps = [...new Set(pseudonyms)];
  const refs = await indexedRefs(trx, ps);
  const submissionIds = (
    await rowsFound<{ id: number; public_id: string }>(
      trx,
      TABLES.submissions,
      ['id', 'public_id'],
      ps,
      refs.submission,
    )
  ).map((r) => r.public_id);
  const pendingIds = (
    await rowsFound<{ id: number; public_id: string }>(
      trx,
      TABLES.pending,
      ['id', 'public_id'],
      ps,
      refs.pending,
    )
  ).map((r) => r.public_id);

  const count = async (values: readonly string[], run: (slice: string[]) => Promise<number>) => {
    let n = 0;
    for (const slice of chunked(values)) n += await run(slice);
    return n;
  };
  const submissions = await count(submissionIds, (s) =>
    trx(TABLES.submissions)
      .whereIn('public_id', s)
      .whereNull('erased_at')
      .update({ data: null, erased_at: now, erase_reason: 'erasure' }),
  );
  const evidenceOf = (column: 'subject' | 'submission_id', values: readonly string[]) =>
    count(values, (s) =>
      trx(TABLES.evidence)
        .whereIn('event_id', trx(TABLES.events).select('event_id').whereIn(column, s))
        .del(),
    );
  const evidence =
    (await evidenceOf('subject', ps)) + (await evidenceOf('submission_id', submissionIds));
  const messages = await count([...submissionIds, ...pendingIds], (s) =>
    trx(TABLES.outbox).whereIn('ref', s).del(),
  );
  const held = await count(pendingIds, (s) => trx(TABLES.pending).whereIn('public_id', s).del());
  await count(ps, (s) => trx(TABLES.identifiers).whereIn('pseudonym', s).del());
  await count(submissionIds, (s) =>
    trx(TABLES.identifiers).where('kind', 'submission').whereIn('ref', s).del(),
  );
  await count(pendingIds, (s) =>
    trx(TABLES.identifiers).where('kind', 'pending').whereIn('ref', s).del(),
  );
  return { submissions, evidence, held, messages };
}
