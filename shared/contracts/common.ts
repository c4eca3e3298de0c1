/**
 * Types shared by the server, the admin panel and (later) frontend clients.
 * Type declarations only: nothing here runs, so any side may import it.
 */

/** What a change to a policy means for people who accepted the previous edition. */
export type ChangeKind = 'editorial' | 'material' | 'reconsent';

/** Where an edition stands at an instant (see server/src/domain/effective.ts). */
export type EditionState = 'draft' | 'scheduled' | 'in-force' | 'superseded' | 'cancelled';

/** What a ledger event records: a decision. */
export type ConsentAction = 'granted' | 'implied' | 'withdrawn' | 'denied';

/**
 * Two pseudonyms bound to one person (`linked`), or that binding undone
 * (`unlinked`): see server/src/services/identities.ts.
 */
export type LinkAction = 'linked' | 'unlinked';

/**
 * What a ledger entry records: a decision, that the person was sent a notice
 * of a change, or that two of their identifiers were linked or unlinked.
 */
export type LedgerAction = ConsentAction | 'notified' | LinkAction;

/**
 * How far a decision is proven to be the person's own: `confirmed` through
 * the link e-mailed to them (double opt-in); `unverified` from an anonymous
 * caller who could have typed anyone's identifier. Absent on decisions made
 * by the operator's own servers (API tokens), admins or continued use.
 */
export type EvidenceStrength = 'confirmed' | 'unverified';

/** How a decision reached the ledger. */
export type ConsentMethod = 'form' | 'api' | 'continued-use' | 'admin' | 'notice';

/** Every JSON route answers `{ data, meta? }`. */
export interface ApiResponse<T> {
  data: T;
  meta?: Record<string, unknown>;
}

/** Strapi's error body (4xx and 5xx). */
export interface ApiError {
  data: null;
  error: {
    status: number;
    name: string;
    message: string;
    /** Field errors (`details.errors`) and facts; absent on 500s and body-parser errors. */
    details?: Record<string, unknown>;
  };
}

/** An event of the ledger exactly as hashed (server/src/domain/canonical.ts, shared/proof/canonical.ts). */
export interface EventContent {
  id: string;
  occurredAt: string;
  subject: string;
  action: LedgerAction;
  policy: string;
  version: number;
  locale: string | null;
  contentHash: string | null;
  form: string | null;
  formRevision: number | null;
  formHash: string | null;
  purposes: Record<string, boolean>;
  method: ConsentMethod;
  submission: string | null;
  evidenceHash: string | null;
  /** Hashed only when set, so events written before it existed keep their hashes. */
  strength?: EvidenceStrength;
  /**
   * On `linked` / `unlinked` entries only: the other pseudonym of the pair
   * (`subject` is the first). Hashed only when set, like `strength`.
   */
  linkedSubject?: string;
  /**
   * Global Privacy Control on the request that recorded the decision
   * (`Sec-GPC: 1`): `on`, or `acknowledged` when the person granted a purpose
   * GPC applies to and said so explicitly (`gpcAcknowledged`). Hashed only when set.
   */
  gpc?: GpcSignal;
}

/** What a decision records of Global Privacy Control (see `EventContent.gpc`). */
export type GpcSignal = 'on' | 'acknowledged';
