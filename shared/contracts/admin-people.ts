/** Admin API (/policy-ledger, admin JWT + RBAC): one person's record, for the privacy officer. */
import type { StatusReason } from './content-api';
import type { SubjectExport } from './admin-integrity';

/** Where the person stands with one policy, read without recording anything. */
export interface PersonStanding {
  policy: string;
  /** null when the policy no longer exists. */
  name: string | null;
  acceptedVersion: number | null;
  acceptedLocale: string | null;
  currentVersion: number | null;
  needsAcceptance: boolean;
  reason: StatusReason | null;
  /**
   * They accepted an earlier edition and nothing in between asks for
   * re-consent: the edition in force is accepted by continued use, recorded
   * as `implied` when they are next seen.
   */
  impliedOnNextVisit: boolean;
  /** Each purpose as it stands: true (consenting now) or false (withdrawn or denied). */
  purposes: Record<string, boolean>;
  /** Purposes granted (true above) whose grant has expired (`renewAfterDays`): to be asked again. */
  expiredPurposes: string[];
}

/** GET /subjects/record?identifier=: everything held on one person, and their standing. */
export interface PersonRecord extends SubjectExport {
  standings: PersonStanding[];
}

export type SubjectExportFormat = 'json' | 'html';

/** The languages the readable (HTML) access export is offered in. */
export type SubjectExportLocale = 'en' | 'ru' | 'kk';

/** GET /subjects/export?identifier=&format=json|html&locale=en|ru|kk */
export interface SubjectExportQuery {
  identifier: string;
  format?: SubjectExportFormat;
  /** The HTML page's language (the admin's interface language); default en. */
  locale?: SubjectExportLocale;
}
