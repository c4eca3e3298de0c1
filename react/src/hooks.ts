import type { CurrentPolicy, FormDefinition, PolicyFormat, SubjectStatus } from '../../client/src';
import { usePolicyLedgerClient } from './context';
import { useLoad, type Loaded } from './useLoad';

/** Answers seen by usePolicy, with their ETag: shown at once, revalidated (a 304 has no body). */
const held = new Map<string, { etag: string; data: CurrentPolicy }>();
const HELD_MAX = 50;

function hold(key: string, etag: string, data: CurrentPolicy) {
  held.delete(key);
  held.set(key, { etag, data });
  if (held.size > HELD_MAX) held.delete(held.keys().next().value as string);
}

export interface PolicyOptions {
  locale?: string;
  format?: PolicyFormat;
}

/**
 * The edition of `policy` in force, in `locale`, with the upcoming one
 * announced. An answer seen before is shown at once and revalidated with its
 * ETag (If-None-Match → 304).
 */
export function usePolicy(policy: string, o: PolicyOptions = {}): Loaded<CurrentPolicy> {
  const client = usePolicyLedgerClient();
  const key = `${client.baseUrl}|${policy}|${o.locale ?? ''}|${o.format ?? 'markdown'}`;
  return useLoad<CurrentPolicy>(
    key,
    async (signal) => {
      const seen = held.get(key);
      const res = await client.current(policy, { ...o, etag: seen?.etag, signal });
      if (res.status === 'ok') {
        if (res.etag) hold(key, res.etag, res.data);
        return res.data;
      }
      if (seen) return seen.data;
      throw new Error('Policy Ledger: a 304 for an answer this page does not hold');
    },
    (k) => held.get(k)?.data,
  );
}

/** A collection form's definition in `locale` (the browser's languages when absent). */
export function useForm(formKey: string, o: { locale?: string } = {}): Loaded<FormDefinition> {
  const client = usePolicyLedgerClient();
  return useLoad<FormDefinition>(`${client.baseUrl}|${formKey}|${o.locale ?? ''}`, (signal) =>
    client.form(formKey, { locale: o.locale, signal }),
  );
}

/**
 * A person's standing under `policy`: must they (re-)accept? The route is not
 * public: the provider's client needs a token or a session allowed to read it
 * (typically a proxy on your own back end). A null subject loads nothing.
 */
export function useStanding(subject: string | null, policy: string): Loaded<SubjectStatus> {
  const client = usePolicyLedgerClient();
  return useLoad<SubjectStatus>(
    subject ? `${client.baseUrl}|${subject}|${policy}` : null,
    (signal) => client.standing({ subject: subject!, policy }, { signal }),
  );
}
