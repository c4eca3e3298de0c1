import { COUNTER_SHARDS } from './tables';
import type { EventRow } from './event-row';
import { derivedRows } from './append';
import { mergeLinkRows, type LinkRow } from './links';

/** Everything one ledger write stores, all or nothing. */
export interface LedgerWrite {
  submission?: Record<string, unknown> | null;
  events: EventRow[];
  evidence: Array<Record<string, unknown>>;
  idempotency?: Record<string, unknown> | null;
  /** A submission held for double opt-in, and the e-mail that asks to confirm it. */
  pending?: Array<Record<string, unknown>>;
  outbox?: Array<Record<string, unknown>>;
  /** The index rows of the submission or held submission (db/identifiers.ts `identifierRows`). */
  identifiers?: Array<Record<string, unknown>>;
  /** The pairs a `linked` / `unlinked` entry of this write moves (db/links.ts `linkRow`). */
  links?: LinkRow[];
  /** The plugin's time zone: the counters' day is the day there (default UTC). */
  timeZone?: string;
}

/** Columns each table is written with, in order (the write path's whole vocabulary). */
export const COLUMNS = {
  submissions: [
    'public_id',
    'form_key',
    'form_revision',
    'form_hash',
    'locale',
    'subject',
    'data',
    'received_at',
  ],
  events: [
    'event_id',
    'occurred_at',
    'subject',
    'action',
    'policy_key',
    'policy_version',
    'locale',
    'content_hash',
    'form_key',
    'form_revision',
    'form_hash',
    'purposes',
    'method',
    'submission_id',
    'evidence_hash',
    'hash',
    'implied_key',
    'strength',
    'linked_subject',
    'gpc',
  ],
  evidence: ['event_id', 'ip', 'user_agent', 'page_url', 'created_at'],
  counters: [
    'bucket',
    'policy_key',
    'policy_version',
    'locale',
    'form_key',
    'day',
    'action',
    'strength',
    'shard',
    'n',
  ],
  subjectState: ['subject', 'policy_key', 'accepted_version'],
  links: ['subject', 'linked_subject', 'generation'],
  idempotency: ['scope_key', 'request_hash', 'status', 'response', 'created_at'],
  pending: ['public_id', 'form_key', 'subject', 'email', 'content', 'received_at', 'expires_at'],
  outbox: ['kind', 'ref', 'recipient', 'message', 'created_at', 'attempts'],
  identifiers: ['pseudonym', 'kind', 'ref'],
} as const;
export type Table = keyof typeof COLUMNS;

export const INTEGER = new Set([
  'form_revision',
  'policy_version',
  'shard',
  'n',
  'accepted_version',
  'status',
  'attempts',
  'generation',
]);

export const ORDER: Table[] = [
  'submissions',
  'events',
  'evidence',
  'counters',
  'subjectState',
  'links',
  'idempotency',
  'pending',
  'outbox',
  'identifiers',
];

/** The rows of one or several writes, stored together (counters and subject state merged). */
export function rowsOf(...ws: LedgerWrite[]): Record<Table, Array<Record<string, unknown>>> {
  const events = ws.length === 1 ? ws[0].events : ws.flatMap((w) => w.events);
  const { counters, states } = derivedRows(
    events,
    Math.floor(Math.random() * COUNTER_SHARDS),
    ws[0]?.timeZone,
  );
  return {
    submissions: ws.flatMap((w) => (w.submission ? [w.submission] : [])),
    events: events as unknown as Array<Record<string, unknown>>,
    evidence: ws.length === 1 ? ws[0].evidence : ws.flatMap((w) => w.evidence),
    counters,
    subjectState: states,
    links: mergeLinkRows(ws.flatMap((w) => w.links ?? [])),
    idempotency: ws.flatMap((w) => (w.idempotency ? [w.idempotency] : [])),
    pending: ws.flatMap((w) => w.pending ?? []),
    outbox: ws.flatMap((w) => w.outbox ?? []),
    identifiers: ws.flatMap((w) => w.identifiers ?? []),
  };
}

/** The rows of each table one write (or a batch of writes) stores. */
export type TableRows = Record<Table, Array<Record<string, unknown>>>;
