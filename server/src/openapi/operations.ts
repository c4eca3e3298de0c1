import type { z } from '@strapi/utils';
import type { ContentApiHandler } from '../routes/content-api';
import {
  consentBody,
  currentQuery,
  keyParams,
  localeQuery,
  receiptParams,
  statusQuery,
  tokenParams,
  submissionBody,
  versionParams,
  withdrawBody,
} from '../validation/content-api';
import {
  confirmationStatus,
  consentResult,
  currentPolicy,
  editionArchive,
  formDefinition,
  policyEdition,
  pendingSubmission,
  policyList,
  receiptProof,
  subjectStatus,
  submissionResult,
  withdrawResult,
} from './responses';

/** Who a write or a standing speaks for: the caller's credentials decide (auth/caller.ts). */
const WHO_SPEAKS =
  'Whose decision it is comes from the credentials: your server (an API token) may name any `subject`; a signed-in end user (users-permissions JWT) is recorded as `id:<user id>` and gets 403 for naming anyone else; an anonymous caller may not send `subject` (400).';
const NEEDS_SPEAKER =
  'With no form to identify the person, this route needs an API token (with `subject`) or a signed-in user (themselves).';

export type RequestHeader = 'Accept-Language' | 'If-None-Match' | 'Idempotency-Key';

/** What the OpenAPI document says of one content-API route, beside its method and path. */
export interface Operation {
  summary: string;
  description?: string;
  tag: 'Policies' | 'Forms' | 'Consents' | 'Contract';
  /** The schemas the controller validates with (validation/content-api.ts), not copies. */
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  headers?: RequestHeader[];
  /** The success status and the schema of `data` (null: not an enveloped body). */
  ok: { status: 200 | 201; data: z.ZodType | null };
  /** The success answer is also a page, for a browser (Accept: text/html). */
  html?: boolean;
  /** A second success: accepted, not yet done (202). */
  accepted?: { status: 202; data: z.ZodType; description: string };
  /** Answers 304 to a matching If-None-Match, with ETag and Cache-Control. */
  cacheable?: boolean;
  /** Error statuses, each with Strapi's error body. 401 and 403 are added to every route. */
  errors: number[];
}

const cached = (summary: string, rest: Omit<Operation, 'summary' | 'cacheable' | 'tag'>) =>
  ({ summary, tag: 'Policies', cacheable: true, ...rest }) satisfies Operation;

/** Every content-API route's contract, by handler (routes/content-api.ts). */
export const operations: Partial<Record<ContentApiHandler, Operation>> = {
  'policies.find': cached('The policies with their current and upcoming editions', {
    ok: { status: 200, data: policyList },
    errors: [],
  }),
  'policies.current': cached('The edition in force, in the negotiated locale', {
    description:
      'Locale: `?locale=`, then `Accept-Language`, then the policy default along the fallback chain. The upcoming edition, if one is announced, comes with its effective date.',
    params: keyParams,
    query: currentQuery,
    headers: ['Accept-Language', 'If-None-Match'],
    ok: { status: 200, data: currentPolicy },
    errors: [400, 404],
  }),
  'policies.editions': cached('Every released edition (archive), without bodies', {
    params: keyParams,
    query: localeQuery,
    headers: ['Accept-Language', 'If-None-Match'],
    ok: { status: 200, data: editionArchive },
    errors: [400, 404],
  }),
  'policies.edition': cached('One released edition, with its text', {
    params: versionParams,
    query: currentQuery,
    headers: ['Accept-Language', 'If-None-Match'],
    ok: { status: 200, data: policyEdition },
    errors: [400, 404],
  }),
  'forms.findOne': {
    summary: 'A collection form: fields, purposes and the editions to accept, in a locale',
    tag: 'Forms',
    params: keyParams,
    query: localeQuery,
    headers: ['Accept-Language'],
    ok: { status: 200, data: formDefinition },
    errors: [400, 404],
  },
  'forms.submit': {
    summary: 'Submit a form: records the submission and one consent event per policy',
    description:
      'Send an `Idempotency-Key` and resend it when retrying: the first answer is replayed. A different body under the same key is a 422. ' +
      WHO_SPEAKS +
      " An anonymous submission is about the person of the form's e-mail field, else its phone field. " +
      'On a double opt-in form (`doubleOptIn` in the form definition) an anonymous submission is held and answered 202: nothing is recorded until the person opens the link e-mailed to them. ' +
      "An anonymous submission recorded at once carries evidence strength `unverified`, and is refused (409) for a person whose e-mail is confirmed; so does a signed-in user's (`unverified`, never held).",
    tag: 'Forms',
    params: keyParams,
    body: submissionBody,
    headers: ['Idempotency-Key'],
    ok: { status: 201, data: submissionResult },
    accepted: {
      status: 202,
      data: pendingSubmission,
      description: 'Held until the person opens the link e-mailed to them (double opt-in)',
    },
    errors: [400, 404, 409, 413, 415, 422, 429],
  },
  'consents.create': {
    summary: 'Record a decision (granted or denied) without a form',
    description: WHO_SPEAKS + ' ' + NEEDS_SPEAKER,
    tag: 'Consents',
    body: consentBody,
    headers: ['Idempotency-Key'],
    ok: { status: 201, data: consentResult },
    errors: [400, 404, 409, 413, 415, 422, 429],
  },
  'consents.withdraw': {
    summary: 'Withdraw consent: one policy or all, some purposes or all',
    description: WHO_SPEAKS + ' ' + NEEDS_SPEAKER,
    tag: 'Consents',
    body: withdrawBody,
    headers: ['Idempotency-Key'],
    ok: { status: 201, data: withdrawResult },
    errors: [400, 404, 409, 413, 415, 422, 429],
  },
  'consents.status': {
    summary: "A person's standing: the accepted edition, whether to ask again, active purposes",
    description: WHO_SPEAKS + ' ' + NEEDS_SPEAKER,
    tag: 'Consents',
    query: statusQuery,
    ok: { status: 200, data: subjectStatus },
    errors: [400, 404, 429],
  },
  'receipts.proof': {
    summary: "A receipt's inclusion proof: audit path, sealed checkpoint, time-stamp tokens",
    description:
      'Public and free of personal data. Before the event is sealed: `status: "pending"` with `availableAfter` and `Retry-After`. Check a proof offline with `npx policy-ledger-verify-receipt`.',
    tag: 'Consents',
    params: receiptParams,
    ok: { status: 200, data: receiptProof },
    errors: [400, 404],
  },
  'confirmations.status': {
    summary: 'Whether a double opt-in link still works',
    description:
      'A browser (Accept: text/html) gets a small page with a button that confirms; anything else gets JSON. Opening the link changes nothing: mail scanners open links too.',
    tag: 'Forms',
    params: tokenParams,
    html: true,
    ok: { status: 200, data: confirmationStatus },
    errors: [400],
  },
  'confirmations.confirm': {
    summary: 'Confirm a double opt-in submission: records it, with evidence strength `confirmed`',
    description:
      'Once: a second confirmation replays the first receipt. 410 when the link expired or the submission was erased.',
    tag: 'Forms',
    params: tokenParams,
    html: true,
    ok: { status: 201, data: submissionResult },
    errors: [400, 410, 415, 429],
  },
  'openapi.document': {
    summary: 'This OpenAPI 3.1 document',
    tag: 'Contract',
    ok: { status: 200, data: null },
    errors: [],
  },
};
