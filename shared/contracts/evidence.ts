/**
 * An evidence pack: everything about one person's consent in one file that
 * a regulator or a court can check offline (`policy-ledger-verify-receipt
 * pack.json`): the decisions exactly as hashed, the texts they were made on,
 * a proof for each sealed one, the checkpoint chain from the oldest of those
 * checkpoints to the head, and the time-stamp tokens on them.
 */
import type { EventContent } from './common';
import type { SubjectExport } from './admin-integrity';
import type { ConsistencyProof, ReceiptProof } from './proof';

/** How a decision was verified, as the pack states it. */
export interface DecisionVerification {
  /**
   * `confirmed`: through the link e-mailed to the person (double opt-in);
   * `unverified`: a form or a signed-in user, never confirmed by e-mail;
   * `server`: recorded by the operator's server or admin (an API token, the
   * admin panel), on its word; `continued-use`: deemed accepted by using the
   * site after the notice named in `notice`.
   */
  kind: 'confirmed' | 'unverified' | 'server' | 'continued-use';
  /** One sentence for a reader. */
  detail: string;
  /** For continued use: the `notified` entry that preceded it (same person, policy and edition). */
  notice?: { id: string; occurredAt: string; hash: string } | null;
}

export interface EvidenceDecision {
  /** The entry exactly as hashed. */
  event: EventContent;
  hash: string;
  seq: number;
  verification: DecisionVerification;
  /** The inclusion proof (or when it will be available, for an entry not sealed yet). */
  proof: ReceiptProof;
}

/** ISO/IEC TS 27560 (consent record information structure), in its shape. */
export interface ConsentRecord27560 {
  schema: 'ISO/IEC TS 27560:2023';
  recordId: string;
  piiPrincipalId: string;
  piiController: { name: string | null; contact: string | null };
  events: Array<{
    eventId: string;
    eventType: 'given' | 'refused' | 'withdrawn' | 'notified' | 'linked' | 'unlinked';
    eventTime: string;
    /** Given by continued use after a notice, not by an act. */
    implicit: boolean;
    notice: {
      policy: string;
      version: number;
      language: string | null;
      contentHash: string | null;
    };
    purposes: Array<{ purpose: string; consented: boolean }>;
    collectionMethod: string;
    form: string | null;
    verification: DecisionVerification['kind'];
  }>;
}

export interface EvidencePack {
  format: 'policy-ledger-evidence/1';
  generatedAt: string;
  /** The person's pseudonym looked up, then every one linked to it. */
  subject: string;
  identities: string[];
  decisions: EvidenceDecision[];
  /** Every edition text a decision was made on, in the locale shown (its SHA-256 is the decision's `contentHash`). */
  texts: SubjectExport['texts'];
  /** From the oldest checkpoint that seals a decision to the head; null when none is sealed yet. */
  checkpoints: ConsistencyProof | null;
  record: ConsentRecord27560;
  /** What is held on the person, exactly as the access export gives it. */
  access: SubjectExport;
}
