/**
 * The public content API under /api/policy-ledger: what frontends send and
 * receive. The server validates requests against schemas typed with these
 * request types (server/src/validation/content-api.ts).
 */
import type { ChangeKind, EditionState } from './common';

/* ------------------------------------------------------------ requests -- */

/** One policy edition a person accepted on a form. */
export interface AcceptedEdition {
  policy: string;
  version: number;
  /**
   * The `contentHash` of the edition text the person was shown (in the
   * submission's locale). When given, the server refuses (409) a submission
   * whose text differs from what it would record.
   */
  hash?: string;
}

/** Body of POST /forms/:key/submissions. */
export interface SubmissionBody {
  locale: string;
  data?: Record<string, unknown>;
  purposes?: Record<string, boolean>;
  accepted: AcceptedEdition[];
  /**
   * Whose decision it is. Only your server (an API token) names anyone; a
   * signed-in user (JWT) is always themselves (`id:<user id>`, naming anyone
   * else is 403); an anonymous caller may not name it (400): the person is the form's e-mail or phone field.
   */
  subject?: string;
  pageUrl?: string;
  /** The person asks to be e-mailed when a policy of the form changes materially (needs a confirmed e-mail). */
  notices?: boolean;
  /**
   * The person grants a purpose Global Privacy Control applies to although
   * their browser sends `Sec-GPC: 1`, and says so explicitly (e.g. a checkbox
   * "I know my browser asks not to share my data, and I agree anyway").
   * Recorded on the decision as `gpc: 'acknowledged'`.
   */
  gpcAcknowledged?: boolean;
}

/** Body of POST /consents: a decision recorded without a form. */
export interface ConsentBody {
  /**
   * Whose decision it is. Only your server (an API token) names anyone; a
   * signed-in user (JWT) is always themselves (`id:<user id>`, naming anyone
   * else is 403); an anonymous caller may not name it (400), so this route needs a token or a signed-in user.
   */
  subject?: string;
  policy: string;
  version: number;
  /** The `contentHash` of the edition text shown, checked as on a submission. */
  hash?: string;
  locale: string;
  purposes?: Record<string, boolean>;
  action: 'granted' | 'denied';
  pageUrl?: string;
  /**
   * The person grants a purpose Global Privacy Control applies to although
   * their browser sends `Sec-GPC: 1`, and says so explicitly (e.g. a checkbox
   * "I know my browser asks not to share my data, and I agree anyway").
   * Recorded on the decision as `gpc: 'acknowledged'`.
   */
  gpcAcknowledged?: boolean;
}

/** Body of POST /consents/withdraw. */
export interface WithdrawBody {
  /**
   * Whose decision it is. Only your server (an API token) names anyone; a
   * signed-in user (JWT) is always themselves (`id:<user id>`, naming anyone
   * else is 403); an anonymous caller may not name it (400), so this route needs a token or a signed-in user.
   */
  subject?: string;
  /** One policy; every policy the person accepted when absent. */
  policy?: string;
  /** Some purposes; every active purpose when absent. */
  purposes?: string[];
}

export type PolicyFormat = 'markdown' | 'html';

/** Query of GET /policies/:key/current and /policies/:key/editions/:version. */
export interface CurrentQuery {
  locale?: string;
  format?: PolicyFormat;
}

/** Query of GET /subjects/status. */
export interface StatusQuery {
  /** Whose standing: as on POST /consents (a signed-in user may omit it: themselves). */
  subject?: string;
  policy: string;
}

/* ----------------------------------------------------------- responses -- */

/** An edition in brief, as GET /policies lists it. */
export interface EditionBrief {
  version: number;
  editionDate: string | null;
  effectiveAt: string;
  changeKind: ChangeKind;
}

/** One entry of GET /policies. */
export interface PolicySummary {
  key: string;
  name: string;
  requiredLocales: string[];
  current: EditionBrief | null;
  upcoming: EditionBrief | null;
}

/** The announced next edition, on GET /policies/:key/current. */
export interface UpcomingEdition {
  version: number;
  effectiveAt: string;
  editionDate: string | null;
  changeKind: ChangeKind;
  changeSummary: string | null;
}

/** Body of GET /policies/:key/current. */
export interface CurrentPolicy {
  policy: string;
  version: number;
  editionDate: string | null;
  releasedAt: string;
  effectiveAt: string;
  changeKind: ChangeKind;
  requestedLocale: string;
  servedLocale: string;
  title: string;
  format: PolicyFormat;
  body: string;
  contentHash: string;
  upcoming: UpcomingEdition | null;
}

/** The dates and state of a released edition. */
export interface EditionFacts {
  version: number;
  editionDate: string | null;
  releasedAt: string;
  effectiveAt: string;
  cancelledAt: string | null;
  changeKind: ChangeKind;
  state: EditionState;
  locales: string[];
}

/** The text of an edition in the negotiated locale. */
export interface EditionTextServed {
  requestedLocale: string;
  servedLocale: string;
  title: string;
  changeSummary: string | null;
  contentHash: string;
}

/** One entry of GET /policies/:key/editions (no body). */
export type ArchivedEdition = EditionFacts & EditionTextServed;

/** Body of GET /policies/:key/editions. */
export interface EditionArchive {
  policy: string;
  editions: ArchivedEdition[];
}

/** Body of GET /policies/:key/editions/:version. */
export type PolicyEdition = { policy: string } & EditionFacts &
  EditionTextServed & { format: PolicyFormat; body: string };

/** A policy a form asks the person to accept, in its current and upcoming edition. */
export interface FormPolicyEdition {
  version: number;
  effectiveAt: string;
  changeKind: ChangeKind;
  servedLocale: string;
  title: string;
  contentHash: string;
}

export interface FormFieldDefinition {
  name: string;
  type: string;
  required: boolean;
  category: string;
  maxLength: number | null;
  options: string[] | null;
  label: string;
}

export interface FormPurposeDefinition {
  key: string;
  required: boolean;
  legalBasis: string;
  label: string;
}

/** Body of GET /forms/:key. */
export interface FormDefinition {
  key: string;
  name: string;
  revision: number;
  hash: string;
  locale: string;
  title: string;
  /** Submissions wait for the link e-mailed to the person (202) before anything is recorded. */
  doubleOptIn: boolean;
  fields: FormFieldDefinition[];
  purposes: FormPurposeDefinition[];
  policies: Array<{
    policy: string;
    name: string;
    current: FormPolicyEdition | null;
    upcoming: FormPolicyEdition | null;
  }>;
}

export type * from './content-api-results';
export type * from './identities';
