/**
 * What the content API's write routes answer: receipts and their proofs,
 * submission, consent and withdrawal results, a person's standing.
 */
import type { CheckpointPage, ConsistencyProof, LogCheckpoint, ReceiptProof } from './proof';
import type { EventContent, LedgerAction } from './common';

/** How a person withdraws, printed on every receipt. */
export interface WithdrawHint {
  endpoint: string;
  contact: string | null;
  note: string;
  policy: string | null;
}

/** One event of a receipt. */
export interface ReceiptEvent {
  id: string;
  action: LedgerAction;
  policy: string;
  version: number;
  locale: string;
  contentHash: string;
  hash: string;
  /** The event exactly as hashed: with the proof, anyone can check the receipt offline. */
  content: EventContent;
  /** Where the event's inclusion proof is, and from when (the event is sealed within minutes). */
  proof: { url: string; availableAfter: string };
}

/** Body of GET /receipts/:id/proof. */
export type ReceiptProofResult = ReceiptProof;

/** Bodies of the public checkpoint log: GET /checkpoints, /checkpoints/head, /checkpoints/consistency. */
export type { CheckpointPage, ConsistencyProof, LogCheckpoint };

/** What a person keeps of a submission. */
export interface Receipt {
  submission: string;
  receivedAt: string;
  form: { key: string; revision: number; hash: string };
  locale: string;
  purposes: Record<string, boolean>;
  events: ReceiptEvent[];
  withdraw: WithdrawHint;
}

/** Body of the 201 of POST /forms/:key/submissions, and of POST /confirmations/:token. */
export interface SubmissionResult {
  status: 'recorded';
  submissionId: string;
  receivedAt: string;
  receipt: Receipt;
}

/**
 * Body of the 202 of POST /forms/:key/submissions on a double opt-in form:
 * nothing is recorded until the person opens the link e-mailed to them.
 */
export interface PendingSubmission {
  status: 'pending';
  submissionId: string;
  receivedAt: string;
  confirmation: {
    /** The address the link went to, masked (j***@example.kz). */
    sentTo: string;
    /** After this the link no longer works and the submission is erased. */
    expiresAt: string;
  };
}

/** What a submission answers: recorded (201) or waiting for its e-mailed link (202). */
export type SubmissionOutcome = SubmissionResult | PendingSubmission;

/** Body of GET /confirmations/:token (JSON): what confirming would record, or why it cannot. */
export interface ConfirmationStatus {
  status: 'pending' | 'confirmed' | 'expired';
  form: string | null;
  expiresAt: string | null;
}

/** Body of the 201 of POST /consents. */
export interface ConsentResult {
  event: ReceiptEvent & { occurredAt: string };
}

/** Body of the 201 of POST /consents/withdraw. */
export interface WithdrawResult {
  events: Array<{
    id: string;
    action: LedgerAction;
    policy: string;
    version: number;
    purposes: Record<string, boolean>;
    occurredAt: string;
    hash: string;
  }>;
}

/**
 * Why a person must accept: never accepted, denied, an edition asks for
 * re-consent, or (`expired`) a purpose they granted has outlived its
 * `renewAfterDays` and must be granted again.
 */
export type StatusReason = 'not-accepted' | 'denied' | 'reconsent-required' | 'expired';

/** Body of GET /subjects/status. */
export interface SubjectStatus {
  policy: string;
  acceptedVersion: number | null;
  currentVersion: number | null;
  needsAcceptance: boolean;
  reason: StatusReason | null;
  /** The purposes the person consents to now (true only; an expired grant is not among them). */
  purposes: Record<string, true>;
  /** Purposes whose grant has expired (their `renewAfterDays` passed): ask again. */
  expiredPurposes: string[];
}

/** Why `consents.check` allows or refuses (see server/src/domain/consent-check.ts). */
export type ConsentCheckReason =
  | 'granted'
  | 'not-granted'
  | 'denied'
  | 'withdrawn'
  | 'expired'
  | 'unverified'
  | 'policy-not-accepted'
  | 'policy-denied'
  | 'policy-reconsent-required';

/** The answer of `strapi.plugin('policy-ledger').service('consents').check(…)`. */
export interface ConsentCheck {
  allowed: boolean;
  reason: ConsentCheckReason;
  /** With `policy`: the version of it the person accepted; else the version the grant was made under. */
  acceptedVersion: number | null;
  /** When the person's latest word on the purpose was recorded (ISO instant), if any. */
  since: string | null;
  /** When a grant of a purpose with a lifetime expires (ISO instant); null without one. */
  expiresAt: string | null;
}
