import { contentApiAuth } from '../auth/public-strategy';
import { envelope, openApiBody } from '../openapi/bodies';
import {
  confirmationStatus,
  consentResult,
  currentPolicy,
  editionArchive,
  formDefinition,
  linkResult,
  pendingSubmission,
  policyEdition,
  policyList,
  receiptProof,
  subjectStatus,
  submissionResult,
  withdrawResult,
} from '../openapi/responses';
import {
  consentBody,
  currentQuery,
  keyParams,
  linkBody,
  localeQuery,
  receiptParams,
  statusQuery,
  submissionBody,
  tokenParams,
  versionParams,
  withdrawBody,
} from '../validation/content-api';
import { noBody } from '../validation/patterns';
import { checkpointLogRoutes } from './checkpoint-log';
import { routeFinder, type HandlersOf, type Route, type RouteDoc } from './types';

// A fresh object per route: Strapi writes each route's auth scope into it.
const open = () => ({ auth: contentApiAuth(), policies: [] });
/** A public document: readable by any caller while the Public role may read it. */
const read = () => ({ auth: contentApiAuth({ publicRead: true }), policies: [] });

/** Who a write or a standing speaks for: the caller's credentials decide (auth/caller.ts). */
const WHO_SPEAKS =
  'Whose decision it is comes from the credentials: your server (an API token) may name any `subject`; a signed-in end user (users-permissions JWT) is recorded as `id:<user id>` and gets 403 for naming anyone else; an anonymous caller may not send `subject` (400).';
const NEEDS_SPEAKER =
  'With no form to identify the person, this route needs an API token (with `subject`) or a signed-in user (themselves).';

const LINK_DOC =
  "Only your server (an API token) may call it; anyone else gets 403. Records a `linked` (or `unlinked`) ledger entry between the two pseudonyms, hashed and sealed like every entry; from then on the person's standing, record, access export, erasure and the people counts take every linked identifier as one person. Linking a pair linked already records nothing (`recorded: null`).";

const cached = (
  summary: string,
  rest: Omit<RouteDoc, 'summary' | 'cacheable' | 'tag' | 'status'>,
) => ({ summary, tag: 'Policies', status: 200, cacheable: true, ...rest }) satisfies RouteDoc;
const json = { 'application/json': noBody() };
const WRITE_ERRORS = [400, 404, 409, 413, 415, 422, 429];

/**
 * The public API under /api/policy-ledger, each route declared once: what it
 * takes (validation/content-api.ts), what it answers (openapi/responses.ts)
 * and what the OpenAPI document says of it (openapi/document.ts).
 */
export const contentApiRoutes = [
  {
    method: 'GET',
    path: '/policies',
    handler: 'policies.find',
    config: read(),
    request: { query: {} },
    response: envelope(policyList),
    doc: cached('The policies with their current and upcoming editions', { errors: [] }),
  },
  {
    method: 'GET',
    path: '/policies/:key/current',
    handler: 'policies.current',
    config: read(),
    request: { params: keyParams.shape, query: currentQuery.shape },
    response: envelope(currentPolicy),
    doc: cached('The edition in force, in the negotiated locale', {
      description:
        'Locale: `?locale=`, then `Accept-Language`, then the policy default along the fallback chain. The upcoming edition, if one is announced, comes with its effective date.',
      headers: ['Accept-Language', 'If-None-Match'],
      errors: [400, 404],
    }),
  },
  {
    method: 'GET',
    path: '/policies/:key/editions',
    handler: 'policies.editions',
    config: read(),
    request: { params: keyParams.shape, query: localeQuery.shape },
    response: envelope(editionArchive),
    doc: cached('Every released edition (archive), without bodies', {
      headers: ['Accept-Language', 'If-None-Match'],
      errors: [400, 404],
    }),
  },
  {
    method: 'GET',
    path: '/policies/:key/editions/:version',
    handler: 'policies.edition',
    config: read(),
    request: { params: versionParams.shape, query: currentQuery.shape },
    response: envelope(policyEdition),
    doc: cached('One released edition, with its text', {
      headers: ['Accept-Language', 'If-None-Match'],
      errors: [400, 404],
    }),
  },
  {
    method: 'GET',
    path: '/forms/:key',
    handler: 'forms.findOne',
    config: read(),
    request: { params: keyParams.shape, query: localeQuery.shape },
    response: envelope(formDefinition),
    doc: {
      summary: 'A collection form: fields, purposes and the editions to accept, in a locale',
      tag: 'Forms',
      headers: ['Accept-Language'],
      status: 200,
      errors: [400, 404],
    },
  },
  {
    method: 'POST',
    path: '/forms/:key/submissions',
    handler: 'forms.submit',
    config: open(),
    request: { params: keyParams.shape, body: { 'application/json': submissionBody } },
    response: envelope(submissionResult),
    doc: {
      summary: 'Submit a form: records the submission and one consent event per policy',
      description:
        'Send an `Idempotency-Key` and resend it when retrying: the first answer is replayed. A different body under the same key is a 422. ' +
        WHO_SPEAKS +
        " An anonymous submission is about the person of the form's e-mail field, else its phone field. " +
        'On a double opt-in form (`doubleOptIn` in the form definition) an anonymous submission is held and answered 202: nothing is recorded until the person opens the link e-mailed to them. ' +
        "An anonymous submission recorded at once carries evidence strength `unverified`, and is refused (409) for a person whose e-mail is confirmed; so does a signed-in user's (`unverified`, never held). " +
        'On a double opt-in form, the e-mail a signed-in user typed gets a link: opening it links that e-mail to their account (`id:<user id>`), so both are one person.',
      tag: 'Forms',
      headers: ['Idempotency-Key', 'Sec-GPC'],
      status: 201,
      accepted: {
        status: 202,
        body: envelope(pendingSubmission),
        description: 'Held until the person opens the link e-mailed to them (double opt-in)',
      },
      errors: WRITE_ERRORS,
    },
  },
  {
    method: 'POST',
    path: '/consents',
    handler: 'consents.create',
    config: open(),
    request: { body: { 'application/json': consentBody } },
    response: envelope(consentResult),
    doc: {
      summary: 'Record a decision (granted or denied) without a form',
      description: WHO_SPEAKS + ' ' + NEEDS_SPEAKER,
      tag: 'Consents',
      headers: ['Idempotency-Key', 'Sec-GPC'],
      status: 201,
      errors: WRITE_ERRORS,
    },
  },
  {
    method: 'POST',
    path: '/consents/withdraw',
    handler: 'consents.withdraw',
    config: open(),
    request: { body: { 'application/json': withdrawBody } },
    response: envelope(withdrawResult),
    doc: {
      summary: 'Withdraw consent: one policy or all, some purposes or all',
      description: WHO_SPEAKS + ' ' + NEEDS_SPEAKER,
      tag: 'Consents',
      headers: ['Idempotency-Key', 'Sec-GPC'],
      status: 201,
      errors: WRITE_ERRORS,
    },
  },
  {
    method: 'GET',
    path: '/subjects/status',
    handler: 'consents.status',
    config: open(),
    request: { query: statusQuery.shape },
    response: envelope(subjectStatus),
    doc: {
      summary: "A person's standing: the accepted edition, whether to ask again, active purposes",
      description: WHO_SPEAKS + ' ' + NEEDS_SPEAKER,
      tag: 'Consents',
      status: 200,
      errors: [400, 404, 429],
    },
  },
  // Linked identities: the operator's server only (controllers/identities.ts).
  {
    method: 'POST',
    path: '/identities/link',
    handler: 'identities.link',
    config: open(),
    request: { body: { 'application/json': linkBody } },
    response: envelope(linkResult),
    doc: {
      summary: 'Link two identifiers of one person (e-mail, phone, `id:<user id>`)',
      description: LINK_DOC,
      tag: 'Consents',
      status: 200,
      errors: [400, 413, 415],
    },
  },
  {
    method: 'POST',
    path: '/identities/unlink',
    handler: 'identities.unlink',
    config: open(),
    request: { body: { 'application/json': linkBody } },
    response: envelope(linkResult),
    doc: {
      summary: 'Undo a link between two identifiers',
      description:
        LINK_DOC +
        ' Unlinking a pair unlinked before records nothing (`recorded: null`); a pair that was never linked to each other is a 409 (`details.connected` says whether they are connected through other identifiers).',
      tag: 'Consents',
      status: 200,
      errors: [400, 409, 413, 415],
    },
  },
  // A double opt-in link: the signed token is the credential; it holds nothing personal.
  {
    method: 'GET',
    path: '/confirmations/:token',
    handler: 'confirmations.status',
    config: { auth: false },
    request: { params: tokenParams.shape, query: {} },
    response: envelope(confirmationStatus),
    doc: {
      summary: 'Whether a double opt-in link still works',
      description:
        'A browser (Accept: text/html) gets a small page with a button that confirms; anything else gets JSON. Opening the link changes nothing: mail scanners open links too.',
      tag: 'Forms',
      status: 200,
      html: true,
      errors: [400],
    },
  },
  {
    method: 'POST',
    path: '/confirmations/:token',
    handler: 'confirmations.confirm',
    config: { auth: false },
    // The confirmation page's button posts an empty form.
    request: {
      params: tokenParams.shape,
      body: { ...json, 'application/x-www-form-urlencoded': noBody() },
    },
    response: envelope(submissionResult),
    doc: {
      summary: 'Confirm a double opt-in submission: records it, with evidence strength `confirmed`',
      description:
        'Once: a second confirmation replays the first receipt. 410 when the link expired or the submission was erased.',
      tag: 'Forms',
      status: 201,
      html: true,
      errors: [400, 410, 415, 429],
    },
  },
  // A receipt's inclusion proof: nothing personal, anyone holding the receipt may ask.
  {
    method: 'GET',
    path: '/receipts/:id/proof',
    handler: 'receipts.proof',
    config: { auth: false },
    request: { params: receiptParams.shape, query: {} },
    response: envelope(receiptProof),
    doc: {
      summary: "A receipt's inclusion proof: audit path, sealed checkpoint, time-stamp tokens",
      description:
        'Public and free of personal data. Before the event is sealed: `status: "pending"` with `availableAfter` and `Retry-After`. Check a proof offline with `npx policy-ledger-verify-receipt`.',
      tag: 'Consents',
      status: 200,
      errors: [400, 404],
    },
  },
  ...checkpointLogRoutes,
  // The contract itself: no permission to grant, nothing personal.
  {
    method: 'GET',
    path: '/openapi.json',
    handler: 'openapi.document',
    config: { auth: false },
    request: { query: {} },
    response: openApiBody,
    doc: { summary: 'This OpenAPI 3.1 document', tag: 'Contract', status: 200, errors: [] },
  },
] as const satisfies readonly Route[];

/** Every "controller.action" of the content API. */
export type ContentApiHandler = HandlersOf<typeof contentApiRoutes>;

/** A content-API route by its handler, with its schemas' types. */
export const contentApiRoute = routeFinder(contentApiRoutes);
