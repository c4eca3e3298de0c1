import type {
  ConsentBody,
  ConsentResult,
  CurrentPolicy,
  EditionArchive,
  FormDefinition,
  PolicyEdition,
  PolicyFormat,
  PolicySummary,
  SubjectStatus,
  SubmissionBody,
  SubmissionResult,
  WithdrawBody,
  WithdrawResult,
} from '../../shared/contracts';
import { dataOf, send, seg, urlOf, type Fetch, type Transport } from './request';
import { newIdempotencyKey, withRetries, type RetryOptions } from './retry';

export type * from '../../shared/contracts';
export * from './errors';
export { newIdempotencyKey } from './retry';

export interface ClientOptions {
  /** Where Strapi answers, e.g. "https://cms.example.kz" (no /api). */
  baseUrl: string;
  /** Another fetch (tests, SSR frameworks); the global one by default. */
  fetch?: Fetch;
  /** An API token for the routes that are not public (from a back end only). */
  token?: string;
  headers?: Record<string, string>;
}

export interface ReadOptions {
  locale?: string;
  /** Sent as Accept-Language when no locale is given. */
  acceptLanguage?: string;
  signal?: AbortSignal;
}

export interface TextOptions extends ReadOptions {
  format?: PolicyFormat;
}

export interface CurrentOptions extends TextOptions {
  /** The ETag of the answer you hold: a 304 comes back as `notModified`. */
  etag?: string;
}

export type CurrentResult =
  | { notModified: false; data: CurrentPolicy; etag: string | null }
  | { notModified: true; etag: string };

export interface WriteOptions extends RetryOptions {
  /** Reuse a key you stored; a new one is made (and reused for retries) otherwise. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export type PolicyLedgerClient = ReturnType<typeof createPolicyLedgerClient>;

/** A typed client of the Policy Ledger content API (`/api/policy-ledger`). */
export function createPolicyLedgerClient(options: ClientOptions) {
  const t: Transport = {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
  };
  const lang = (o: ReadOptions): Record<string, string> =>
    o.acceptLanguage && !o.locale ? { 'accept-language': o.acceptLanguage } : {};
  const get = async <T>(path: string, query: Record<string, string | undefined>, o: ReadOptions) =>
    dataOf<T>(await send(t, urlOf(t, path, query), { headers: lang(o), signal: o.signal }));
  const write = <T>(path: string, body: unknown, o: WriteOptions = {}) => {
    const key = o.idempotencyKey ?? newIdempotencyKey();
    return withRetries(
      async () =>
        dataOf<T>(
          await send(t, urlOf(t, path), {
            method: 'POST',
            headers: { 'idempotency-key': key },
            body,
            signal: o.signal,
          }),
        ),
      o,
    );
  };

  return {
    /** Where the client sends its requests. */
    baseUrl: t.baseUrl,

    /** GET /policies: every policy with its current and upcoming edition. */
    policies: (o: ReadOptions = {}) => get<PolicySummary[]>('/policies', {}, o),

    /** GET /policies/:key/current, conditional when given the ETag you hold. */
    async current(policy: string, o: CurrentOptions = {}): Promise<CurrentResult> {
      const url = urlOf(t, `/policies/${seg(policy)}/current`, {
        locale: o.locale,
        format: o.format,
      });
      const headers = { ...lang(o), ...(o.etag ? { 'if-none-match': o.etag } : {}) };
      const res = await send(t, url, { headers, signal: o.signal });
      if (res.status === 304)
        return { notModified: true, etag: res.headers.get('etag') ?? o.etag! };
      return {
        notModified: false,
        data: await dataOf<CurrentPolicy>(res),
        etag: res.headers.get('etag'),
      };
    },

    /** GET /policies/:key/editions: the archive, newest first. */
    editions: (policy: string, o: ReadOptions = {}) =>
      get<EditionArchive>(`/policies/${seg(policy)}/editions`, { locale: o.locale }, o),

    /** GET /policies/:key/editions/:version: one edition's text. */
    edition: (policy: string, version: number, o: TextOptions = {}) =>
      get<PolicyEdition>(
        `/policies/${seg(policy)}/editions/${seg(version)}`,
        { locale: o.locale, format: o.format },
        o,
      ),

    /** GET /forms/:key: fields, purposes and the editions to accept. */
    form: (key: string, o: ReadOptions = {}) =>
      get<FormDefinition>(`/forms/${seg(key)}`, { locale: o.locale }, o),

    /** POST /forms/:key/submissions, retried with the same Idempotency-Key. */
    submit: (form: string, body: SubmissionBody, o?: WriteOptions) =>
      write<SubmissionResult>(`/forms/${seg(form)}/submissions`, body, o),

    /** POST /consents (needs a token or a role that may). */
    consent: (body: ConsentBody, o?: WriteOptions) => write<ConsentResult>('/consents', body, o),

    /** POST /consents/withdraw (needs a token or a role that may). */
    withdraw: (body: WithdrawBody, o?: WriteOptions) =>
      write<WithdrawResult>('/consents/withdraw', body, o),

    /** GET /subjects/status (needs a token or a role that may). */
    standing: (q: { subject: string; policy: string }, o: { signal?: AbortSignal } = {}) =>
      get<SubjectStatus>('/subjects/status', q, o),
  };
}
