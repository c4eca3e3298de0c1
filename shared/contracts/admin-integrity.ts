/** Admin API (/policy-ledger, admin JWT + RBAC): verification, sealing, setup health, a person's requests. */
import type { EventContent, EvidenceStrength } from './common';

export interface SubjectRequest {
  identifier: string;
}

/* ----------------------------------------------------------- responses -- */

export interface VerifyMismatch {
  kind: 'event' | 'checkpoint' | 'audit' | 'timestamp';
  seq?: number;
  /** The audit entry's seq, for kind 'audit'. */
  auditSeq?: number;
  eventId?: string;
  checkpoint?: number;
  reason: string;
}

export interface CheckpointSummary {
  hash: string;
  seqTo: number;
  sealedAt: string;
}

/** full: everything from the first checkpoint; incremental: from the last verified checkpoint. */
export type VerifyMode = 'full' | 'incremental';

export interface VerifyBody {
  mode?: VerifyMode;
  /** Also check the counters and subject states against the events (default true). */
  consistency?: boolean;
}

/**
 * Whether the figures the reports read agree with the events: reported
 * apart from `ok`, which is about the events and checkpoints themselves.
 */
export interface ConsistencyReport {
  ok: boolean;
  /** Counter totals per policy × version × action against the events (full runs only). */
  counters: { checked: 'full'; groups: number; ok: boolean; mismatches: string[] } | null;
  /** Each sampled person's kept accepted version against their events. */
  subjectStates: { checked: 'sample'; people: number; ok: boolean; mismatches: string[] };
}

/** RFC 3161 time stamps of the checkpoints verified. */
export interface TimestampReport {
  /** The configured authorities. */
  authorities: string[];
  /** Checkpoints with a valid token. */
  stamped: number;
  /** Checkpoints without one (an earlier checkpoint is vouched for by a later token). */
  unstamped: number;
  /** Checkpoints no valid token covers, sealed longer ago than the grace period. */
  overdue: number;
  /** Tokens that do not hold (signature, chain, or imprint ≠ the checkpoint hash). */
  invalid: number;
}

export interface VerifyResult {
  ok: boolean;
  /** Time stamps (null when no authority is configured and no token stored). */
  timestamps: TimestampReport | null;
  /** Counters and subject states against the events (null when not asked). */
  consistency: ConsistencyReport | null;
  /** What was done: an incremental request verifies everything when it has no intact starting point. */
  mode: VerifyMode;
  /** Why an incremental request verified everything, if it did. */
  note: string | null;
  /** The verified checkpoint an incremental verification started after. */
  since: { checkpoint: number; seqTo: number } | null;
  /** Events read and checked. */
  events: number;
  /** Audit entries read and checked. */
  auditEntries: number;
  checkpoints: number;
  /** Worker threads the hashes were checked in; 0 when in the app's own thread. */
  threads: number;
  firstMismatch: VerifyMismatch | null;
  latestCheckpoint: CheckpointSummary | null;
}

export interface SealHealth {
  status: 'ok' | 'behind' | 'off';
  unsealed: number;
  oldestUnsealedAt: string | null;
  oldestUnsealedAgeSeconds: number | null;
  overdueAfterSeconds: number;
}

export interface SealStatus extends SealHealth {
  jobs: { enabled: boolean; seal: string; sealLagSeconds: number; periodSeconds: number };
  latestCheckpoint: CheckpointSummary | null;
}

export interface CheckpointRecord {
  id: number;
  seq_from: number;
  seq_to: number;
  event_count: number;
  root: string;
  prev_hash: string | null;
  hash: string;
  sealed_at: string;
  /** Where the next checkpoint's audit range starts (every checkpoint since the audit trail). */
  audit_from?: number | null;
  /** The audit entries sealed, when there are any (RFC 6962 Merkle root of their hashes). */
  audit_to?: number | null;
  audit_count?: number | null;
  audit_root?: string | null;
}

export interface SealResult {
  checkpoint: CheckpointRecord | null;
  latest: CheckpointRecord | null;
}

export type SetupWarningCode =
  | 'sealing-off'
  | 'sealing-behind'
  | 'unknown-locale'
  | 'subject-secret-missing'
  | 'not-durable'
  | 'timestamping-off'
  | 'limits-off'
  | 'mail-sendmail'
  | 'mail-failing'
  | 'mail-link-local';

export interface SetupWarning {
  code: SetupWarningCode;
  message: string;
  values: Record<string, string | number>;
}

export interface Health {
  warnings: SetupWarning[];
}

/** An e-mail the plugin wrote to the person about a submission: what and when, never its text or link. */
export interface PersonMessage {
  kind: 'confirmation' | 'notice';
  createdAt: string;
  /** null: not sent yet (queued, or failing). */
  sentAt: string | null;
}

/**
 * A submission held for double opt-in: what the person sent, kept until they
 * open the e-mailed link (then recorded) or the link expires (then erased).
 */
export interface HeldSubmission {
  id: string;
  form: string;
  formRevision: number;
  locale: string;
  receivedAt: string;
  expiresAt: string;
  status: 'awaiting-confirmation';
  data: Record<string, unknown>;
  purposes: Record<string, boolean>;
  /** The confirmation e-mail. */
  messages: PersonMessage[];
}

/**
 * Everything held on a person: the submissions and held submissions found by
 * their pseudonym or by any identifier they hold (an e-mail or phone typed
 * into a form), the events of those submissions, and the texts accepted.
 */
export interface SubjectExport {
  subject: string;
  submissions: Array<{
    id: string;
    form: string;
    formRevision: number;
    locale: string;
    receivedAt: string;
    data: Record<string, unknown> | null;
    erasedAt: string | null;
    /** The e-mails about it (a confirmation link, once opened). */
    messages: PersonMessage[];
  }>;
  /** Submissions waiting for their e-mailed link: in nobody's standing yet. */
  held: HeldSubmission[];
  /** The person's events: what each recorded (without the form's revision and hashes) and its evidence. */
  events: Array<
    Omit<EventContent, 'subject' | 'formRevision' | 'formHash' | 'evidenceHash' | 'strength'> & {
      seq: number;
      /** How the person was verified: an e-mailed link (`confirmed`), not at all (`unverified`), or null: recorded by the operator (an API token, the admin). */
      strength: EvidenceStrength | null;
      evidence: { ip: string | null; userAgent: string | null; pageUrl: string | null } | null;
    }
  >;
  texts: Array<{
    policy: string;
    version: number;
    locale: string;
    title: string;
    body: string;
    contentHash: string;
  }>;
  /**
   * The person's pseudonyms: the one looked up first, then every one linked
   * to it (server/src/services/identities.ts). Their events are all listed.
   */
  identities: string[];
  /** The links binding those pseudonyms now, each pair once (their entries are among the events). */
  links: Array<{ subject: string; linkedSubject: string }>;
  /** The confirmed e-mail addresses kept for notices of material changes. */
  contacts: PersonContact[];
}

/** A confirmed e-mail address kept for notices of changes (double opt-in). */
export interface PersonContact {
  email: string;
  /** The language notices are written in. */
  locale: string | null;
  confirmedAt: string | null;
  /** The person asked to be e-mailed about material changes. */
  notices: boolean;
}

export interface EraseResult {
  submissions: number;
  evidence: number;
  /** Held (double opt-in) submissions deleted, with their e-mails. */
  held: number;
  /** Confirmed e-mail addresses kept for notices deleted, with the e-mails to them. */
  contacts: number;
}
