/** Admin API (/policy-ledger, admin JWT + RBAC): editions, the overview, diffs. */
import type { ChangeKind, EditionState } from './common';

export interface ReleaseBody {
  /** A later effective instant than release + delay (ISO 8601); never an earlier one. */
  effectiveAt?: string | null;
}

/**
 * POST /editions/:documentId/successor: a new draft edition of the same policy
 * with every locale's title, body and change summary and the change kind copied;
 * no version, dates or hashes (the edition date is empty: a release sets it).
 */
/** Nothing to choose yet: the body is an empty object. */
export type SuccessorBody = Record<string, never>;

export interface EditionSuccessor {
  /** The edition copied. */
  sourceDocumentId: string;
  /** The new draft, as GET /editions/:documentId/status reports it. */
  edition: EditionStatus;
}

export interface DiffQuery {
  against: string;
  locale: string;
}

export interface EditionLocaleStatus {
  locale: string;
  complete: boolean;
  contentHash: string | null;
  releasedAt: string | null;
}

export interface EditionStatus {
  documentId: string;
  policy: { key: string; name: string; documentId: string } | null;
  state: EditionState;
  version: number | null;
  /** A calendar date, YYYY-MM-DD. */
  editionDate: string | null;
  releasedAt: string | null;
  effectiveAt: string | null;
  cancelledAt: string | null;
  changeKind: ChangeKind;
  currentVersion: number | null;
  requiredLocales: string[];
  missingLocales: string[];
  locales: EditionLocaleStatus[];
  /** The server's clock when the status was computed (ISO). */
  now: string;
  canRelease: boolean;
  canCancel: boolean;
  /** For a draft: when it would take effect if released now (without choosing an instant). */
  releaseEffectiveAt: string | null;
  /**
   * For a draft: another edition of the policy already scheduled. Released now,
   * this one would end it early (it would be in force only until this one's
   * effective instant).
   */
  scheduledOver: { version: number; effectiveAt: string } | null;
  /**
   * For a draft: the edition in force whose text equals this one's in every
   * locale (the same locales, the same text hashes). Released, this one would
   * publish the same text again under a new version.
   */
  identicalTo: { version: number } | null;
}

export interface OverviewEdition {
  documentId: string;
  version: number | null;
  state: EditionState;
  /** A calendar date, YYYY-MM-DD. */
  editionDate: string | null;
  releasedAt: string | null;
  effectiveAt: string | null;
  cancelledAt: string | null;
  changeKind: ChangeKind | null;
  locales: string[];
  title: string | null;
}

export interface OverviewPolicy {
  key: string;
  name: string;
  documentId: string;
  currentVersion: number | null;
  upcomingVersion: number | null;
  /** The policy's default locale (the first it requires); null before it has one. */
  defaultLocale: string | null;
  editions: OverviewEdition[];
}

export interface Overview {
  /** The server's clock when the overview was computed (ISO). */
  now: string;
  policies: OverviewPolicy[];
}

/** changed: a line edited in place (its words marked); folded: unchanged lines hidden. */
export type DiffChangeType = 'added' | 'removed' | 'unchanged' | 'changed' | 'folded';

/** A run of text within a changed line. */
export interface DiffSegment {
  type: 'same' | 'added' | 'removed';
  text: string;
}

/** One line of a diff (or a fold of unchanged lines). */
export interface DiffEntry {
  type: DiffChangeType;
  /** The line (its new text when changed); '' for a fold. */
  value: string;
  /** A changed line: its old text and the word-level changes. */
  before?: string;
  segments?: DiffSegment[];
  /** A fold: the unchanged lines it hides. */
  lines?: string[];
}

export interface DiffSide {
  documentId: string;
  version: number | null;
  title: string | null;
}

export interface EditionDiff {
  locale: string;
  base: DiffSide;
  compare: DiffSide;
  changes: DiffEntry[];
  /** Lines added, removed, and changed in place. */
  stats: { added: number; removed: number; changed: number };
}

/** GET /settings: what every admin screen of the plugin needs to know. */
export interface PluginSettings {
  /** The zone every instant is shown in (the `timeZone` option, else the server's). */
  timeZone: string;
}
