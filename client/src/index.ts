import type {
  CheckpointPage,
  ConsistencyProof,
  LogCheckpoint,
  ConfirmationStatus,
  ConsentBody,
  ConsentResult,
  ReceiptProofResult,
  CurrentPolicy,
  EditionArchive,
  FormDefinition,
  PolicyEdition,
  PolicySummary,
  StatusQuery,
  SubjectStatus,
  SubmissionBody,
  SubmissionOutcome,
  SubmissionResult,
  WithdrawBody,
  WithdrawResult,
} from '../../shared/contracts/content-api';
import { dataOf, send, seg, type Query, type Transport } from './request';
import { newIdempotencyKey, withRetries } from './retry';
import type {
  ClientOptions,
  CurrentOptions,
  CurrentResult,
  ReadOptions,
  RequestOptions,
  TextOptions,
  WriteOptions,
} from './types';

export type * from '../../shared/contracts/common';
export type * from '../../shared/contracts/content-api';
export type * from './types';
export type { FetchLike } from './request';
export type { RandomSource, RetryOptions } from './retry';
export * from './errors';
export { newIdempotencyKey, retryable } from './retry';
export * from './verify';

export type PolicyLedgerClient = ReturnType<typeof createPolicyLedgerClient>;

/**
 * A typed client of the Policy Ledger content API. Dependency-free, on
 * `fetch`: browsers, Node 20+, edge runtimes. Errors are PolicyLedgerError
 * (an answer ≥ 400) or PolicyLedgerNetworkError (no answer).
 */
export function createPolicyLedgerClient(options: ClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const t: Transport = {
    root: baseUrl + (options.prefix ?? '/api/policy-ledger').replace(/\/+$/, ''),
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
  };
  const lang = (o: ReadOptions) => ({ 'accept-language': o.acceptLanguage });
  const get = async <T>(path: string, query: Query, o: ReadOptions = {}) =>
    dataOf<T>(await send(t, path, { query, headers: lang(o), signal: o.signal }));
  /** A POST with one Idempotency-Key for all its attempts. */
  const post = <T>(path: string, body: unknown, o: WriteOptions = {}) => {
    const key = o.idempotencyKey ?? newIdempotencyKey();
    const attempt = async () =>
      dataOf<T>(
        await send(t, path, {
          method: 'POST',
          headers: { 'idempotency-key': key },
          body,
          signal: o.signal,
        }),
      );
    return withRetries(attempt, {
      retries: o.retries ?? options.retries,
      sleep: o.sleep ?? options.sleep,
      signal: o.signal,
    });
  };

  return {
    /** Where the client sends its requests, e.g. "https://cms.example.kz". */
    baseUrl,

    /** GET /policies: every policy with its current and upcoming edition. */
    policies: (o: RequestOptions = {}) => get<PolicySummary[]>('/policies', {}, o),

    /** GET /policies/:key/current; conditional (If-None-Match) when given the ETag you hold. */
    async current(policy: string, o: CurrentOptions = {}): Promise<CurrentResult> {
      const res = await send(t, `/policies/${seg(policy)}/current`, {
        query: { locale: o.locale, format: o.format },
        headers: { ...lang(o), 'if-none-match': o.etag },
        signal: o.signal,
      });
      const etag = res.headers.get('etag');
      if (res.status === 304) return { status: 'not-modified', etag: etag ?? o.etag ?? '' };
      return { status: 'ok', data: await dataOf<CurrentPolicy>(res), etag };
    },

    /** GET /policies/:key/editions: the archive, newest first, with each edition's state. */
    editions: (policy: string, o: ReadOptions = {}) =>
      get<EditionArchive>(`/policies/${seg(policy)}/editions`, { locale: o.locale }, o),

    /** GET /policies/:key/editions/:version: one edition's text, current or not. */
    edition: (policy: string, version: number, o: TextOptions = {}) =>
      get<PolicyEdition>(
        `/policies/${seg(policy)}/editions/${seg(version)}`,
        { locale: o.locale, format: o.format },
        o,
      ),

    /** GET /forms/:key: the fields, purposes and editions a person accepts, in a locale. */
    form: (key: string, o: ReadOptions = {}) =>
      get<FormDefinition>(`/forms/${seg(key)}`, { locale: o.locale }, o),

    /**
     * POST /forms/:key/submissions, retried with the same Idempotency-Key:
     * `status: 'recorded'` with the receipt (201), or `status: 'pending'`
     * (202) on a double opt-in form, until the person opens the e-mailed link.
     */
    submit: (formKey: string, body: SubmissionBody, o?: WriteOptions) =>
      post<SubmissionOutcome>(`/forms/${seg(formKey)}/submissions`, body, o),

    /** GET /confirmations/:token: whether a double opt-in link still works. */
    confirmation: (token: string, o: RequestOptions = {}) =>
      get<ConfirmationStatus>(`/confirmations/${seg(token)}`, {}, o),

    /** POST /confirmations/:token: confirms it; the receipt (a second call replays it). */
    confirm: (token: string, o?: WriteOptions) =>
      post<SubmissionResult>(`/confirmations/${seg(token)}`, {}, o),

    /** POST /consents: a decision without a form (needs a token or a role that may). */
    consent: (body: ConsentBody, o?: WriteOptions) => post<ConsentResult>('/consents', body, o),

    /** POST /consents/withdraw (needs a token or a role that may). */
    withdraw: (body: WithdrawBody, o?: WriteOptions) =>
      post<WithdrawResult>('/consents/withdraw', body, o),

    /** GET /subjects/status: must the person (re-)accept? (needs a token or a role that may) */
    standing: (q: StatusQuery, o: RequestOptions = {}) =>
      get<SubjectStatus>('/subjects/status', { subject: q.subject, policy: q.policy }, o),

    /** GET /receipts/:id/proof: an event's inclusion proof, or when it will be available. */
    receiptProof: (eventId: string, o: RequestOptions = {}) =>
      get<ReceiptProofResult>(`/receipts/${seg(eventId)}/proof`, {}, o),

    /** GET /checkpoints: one page of the public checkpoint log (`next` is the following page's `after`). */
    checkpoints: (q: { after?: number; limit?: number } = {}, o: RequestOptions = {}) =>
      get<CheckpointPage>('/checkpoints', { after: q.after, limit: q.limit }, o),

    /** GET /checkpoints/head: the newest checkpoint (null before the first seal). */
    checkpointHead: (o: RequestOptions = {}) =>
      get<LogCheckpoint | null>('/checkpoints/head', {}, o),

    /** GET /checkpoints/consistency: the chain from a kept checkpoint's hash to the head (or `to`). */
    consistency: (from: string, to?: string, o: RequestOptions = {}) =>
      get<ConsistencyProof>('/checkpoints/consistency', { from, to }, o),
  };
}
