import { z } from '@strapi/utils';
import type {
  ApiResponse,
  RequestAction,
  RequestActionResult,
  RequestActionTaken,
  RequestStatus,
  RequestStatusChange,
  RequestsPage,
  SubjectRequestEntry,
} from '../../../../shared/contracts';
import { dataBody, date, instant, sha256 } from '../common';
import { subjectExport } from './people';

/** The register of data-subject requests (controllers/admin-requests.ts). */

const requestStatus: z.ZodType<RequestStatus> = z.enum([
  'received',
  'verifying',
  'in-progress',
  'done',
  'refused',
]);
const requestAction: z.ZodType<RequestAction> = z.enum(['export', 'erase', 'withdraw']);

const actionTaken: z.ZodType<RequestActionTaken> = z.strictObject({
  action: requestAction,
  at: instant(),
  by: z.string(),
  result: z.record(z.string(), z.unknown()),
});

const statusChange: z.ZodType<RequestStatusChange> = z.strictObject({
  from: requestStatus,
  to: requestStatus,
  at: instant(),
  by: z.string(),
  reason: z.string().nullable(),
  identityMethod: z.string().nullable(),
  note: z.string().nullable(),
});

export const subjectRequestEntry: z.ZodType<SubjectRequestEntry> = z.strictObject({
  id: z.uuid(),
  type: z.enum(['access', 'correction', 'erasure', 'withdrawal', 'objection']),
  contact: z.string(),
  subject: sha256(),
  receivedOn: date(),
  dueOn: date(),
  deadline: z.enum(['overdue', 'due-soon', 'on-time', 'closed']),
  daysLeft: z.int().nullable(),
  status: requestStatus,
  next: z.array(requestStatus),
  availableActions: z.array(requestAction),
  identityCheck: z.strictObject({ method: z.string(), at: instant() }).nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  changes: z.array(statusChange),
  actions: z.array(actionTaken),
  createdAt: instant(),
  createdBy: z.string(),
  closedAt: instant().nullable(),
});

export const requestsPage: z.ZodType<RequestsPage> = z.strictObject({
  timeZone: z.string(),
  today: date(),
  requests: z.array(subjectRequestEntry),
});

/**
 * POST /requests/:id/actions answers the request as it now stands and, for
 * `export`, the access export. No shared contract declares this shape: the
 * admin panel declares it itself (admin/src/services/officerApi.ts
 * RequestActionResult), so it is declared here the same way.
 */
export const requestActResult: z.ZodType<RequestActionResult> = z.strictObject({
  request: subjectRequestEntry,
  data: subjectExport.nullable(),
});

export const requestsPageBody: z.ZodType<ApiResponse<RequestsPage>> = dataBody(requestsPage);
export const requestEntryBody: z.ZodType<ApiResponse<SubjectRequestEntry>> =
  dataBody(subjectRequestEntry);
export const requestActBody: z.ZodType<ApiResponse<RequestActionResult>> =
  dataBody(requestActResult);
