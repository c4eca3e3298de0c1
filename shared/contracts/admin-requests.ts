import type { SubjectExport } from './admin-integrity';

/** Admin API (/policy-ledger/requests, admin JWT + RBAC): the register of data-subject requests. */

export type RequestType = 'access' | 'correction' | 'erasure' | 'withdrawal' | 'objection';

/** received → verifying → in-progress → done, or refused (with a reason) from any open state. */
export type RequestStatus = 'received' | 'verifying' | 'in-progress' | 'done' | 'refused';

export type DeadlineState = 'overdue' | 'due-soon' | 'on-time' | 'closed';

/** What was done for a request, from the request: the access export, erasure, withdrawal. */
export type RequestAction = 'export' | 'erase' | 'withdraw';

export interface RequestActionTaken {
  action: RequestAction;
  at: string;
  by: string;
  /** What it did, e.g. `{ submissions: 2, evidence: 3 }` for an erasure. */
  result: Record<string, unknown>;
}

/** A move of a request from one status to the next, with what the officer typed for it. */
export interface RequestStatusChange {
  from: RequestStatus;
  to: RequestStatus;
  at: string;
  /** The admin who moved it. */
  by: string;
  /** Why (required to refuse); null when none was given. */
  reason: string | null;
  /** How the person's identity was checked (required to leave "verifying"); null when none. */
  identityMethod: string | null;
  note: string | null;
}

export interface SubjectRequestEntry {
  id: string;
  type: RequestType;
  /** How the person can be reached and identified: what they gave (e-mail, phone, id). */
  contact: string;
  /** The pseudonym the ledger knows them by. */
  subject: string;
  /** Calendar dates in the plugin's time zone. */
  receivedOn: string;
  dueOn: string;
  deadline: DeadlineState;
  /** Days left until the due date (negative: overdue); null once closed. */
  daysLeft: number | null;
  status: RequestStatus;
  /** Where it may go next (server/src/domain/request-status.ts). */
  next: RequestStatus[];
  /** What answers it now: only while in progress, per its type. */
  availableActions: RequestAction[];
  /** How the person's identity was checked, and when; null until checked. */
  identityCheck: { method: string; at: string } | null;
  /** Why a request was refused (e.g. a legal obligation to keep processing). */
  reason: string | null;
  /** The note typed when the request was recorded; null when none. */
  note: string | null;
  /** Every status change, oldest first, with the reason, identity method and note typed for it. */
  changes: RequestStatusChange[];
  actions: RequestActionTaken[];
  createdAt: string;
  createdBy: string;
  closedAt: string | null;
}

export interface RequestsPage {
  /** The plugin's time zone, in which receipt and due dates are counted. */
  timeZone: string;
  today: string;
  requests: SubjectRequestEntry[];
}

export interface RequestsQuery {
  status?: RequestStatus | 'open';
  type?: RequestType;
}

/** POST /requests */
export interface NewRequestBody {
  type: RequestType;
  contact: string;
  /** Defaults to today in the plugin's time zone. */
  receivedOn?: string;
  note?: string;
}

/** POST /requests/:id/status */
export interface RequestStatusBody {
  status: RequestStatus;
  /** Required with status "refused". */
  reason?: string;
  /** Required to leave "verifying": how the identity was checked. */
  identityMethod?: string;
  /** Kept with this change (the note taken at intake stays as it was). */
  note?: string;
}

/** POST /requests/:id/actions */
export interface RequestActionBody {
  action: RequestAction;
}

/** Answer of POST /requests/:id/actions: the request as it now stands, and what the action gave. */
export interface RequestActionResult {
  request: SubjectRequestEntry;
  /** The access export, for action "export"; null otherwise. */
  data: SubjectExport | null;
}
