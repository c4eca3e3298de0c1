import type { EventContent, LedgerEvent } from '../../../shared/contracts';
import { canonicalJson, eventHash } from '../domain/canonical';

/** A row of the events table (policy_ledger_events), as stored and read back. */
export interface EventRow {
  seq?: number;
  event_id: string;
  occurred_at: string;
  subject: string;
  action: EventContent['action'];
  policy_key: string;
  policy_version: number;
  locale: string | null;
  content_hash: string | null;
  form_key: string | null;
  form_revision: number | null;
  form_hash: string | null;
  purposes: string;
  method: EventContent['method'];
  submission_id: string | null;
  evidence_hash: string | null;
  hash: string;
  implied_key: string | null;
  strength?: EventContent['strength'] | null;
  /** The other pseudonym of a `linked` / `unlinked` entry; null otherwise. */
  linked_subject?: string | null;
  /** Global Privacy Control on the request (EventContent.gpc); null when not sent. */
  gpc?: EventContent['gpc'] | null;
}

/** The content of a stored event row, as hashed. */
export function contentOfRow(r: EventRow): EventContent {
  return {
    id: r.event_id,
    occurredAt: r.occurred_at,
    subject: r.subject,
    action: r.action,
    policy: r.policy_key,
    version: Number(r.policy_version),
    locale: r.locale,
    contentHash: r.content_hash,
    form: r.form_key,
    formRevision: r.form_revision === null ? null : Number(r.form_revision),
    formHash: r.form_hash,
    purposes: JSON.parse(r.purposes) as Record<string, boolean>,
    method: r.method,
    submission: r.submission_id,
    evidenceHash: r.evidence_hash,
    ...(r.strength ? { strength: r.strength } : {}),
    ...(r.linked_subject ? { linkedSubject: r.linked_subject } : {}),
    ...(r.gpc ? { gpc: r.gpc } : {}),
  };
}

/** The row that stores `c`, with its hash; `impliedKey` only on implied events. */
export function rowOfContent(c: EventContent, impliedKey: string | null = null): EventRow {
  return {
    event_id: c.id,
    occurred_at: c.occurredAt,
    subject: c.subject,
    action: c.action,
    policy_key: c.policy,
    policy_version: c.version,
    locale: c.locale,
    content_hash: c.contentHash,
    form_key: c.form,
    form_revision: c.formRevision,
    form_hash: c.formHash,
    purposes: canonicalJson(c.purposes),
    method: c.method,
    submission_id: c.submission,
    evidence_hash: c.evidenceHash,
    hash: eventHash(c),
    implied_key: impliedKey,
    strength: c.strength ?? null,
    linked_subject: c.linkedSubject ?? null,
    gpc: c.gpc ?? null,
  };
}

/** An event as the admin API shows it: its hashed content, plus where it sits and its hash. */
export function ledgerEventOf(r: EventRow): LedgerEvent {
  return { seq: Number(r.seq), ...contentOfRow(r), hash: r.hash };
}
