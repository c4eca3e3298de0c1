/**
 * What the content API's write routes answer: receipts and their proofs,
 * submission, consent and withdrawal results, a person's standing.
 */
import type { ReceiptProof } from './proof';
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

export type StatusReason = 'not-accepted' | 'denied' | 'reconsent-required';

/** Body of GET /subjects/status. */
export interface SubjectStatus {
  policy: string;
  acceptedVersion: number | null;
  currentVersion: number | null;
  needsAcceptance: boolean;
  reason: StatusReason | null;
  /** The purposes the person consents to now (true only). */
  purposes: Record<string, true>;
}
