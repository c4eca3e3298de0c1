import type { CurrentPolicy, FormDefinition, PolicyFormat, SubjectStatus } from '../../client/src';
import { usePolicyLedgerClient } from './context';
import { useLoad } from './useLoad';

/** Answers already seen, by URL-like key: revalidated with their ETag (a 304 costs no body). */
const seen = new Map<string, { etag: string; data: CurrentPolicy }>();

/** The edition in force of `policy`, in `locale`, with the upcoming one announced. */
export function usePolicy(policy: string, o: { locale?: string; format?: PolicyFormat } = {}) {
  const client = usePolicyLedgerClient();
  const key = `${policy}|${o.locale ?? ''}|${o.format ?? 'markdown'}`;
  return useLoad<CurrentPolicy>(key, async (signal) => {
    const held = seen.get(key);
    const res = await client.current(policy, { ...o, etag: held?.etag, signal });
    if (res.notModified && held) return held.data;
    if (res.notModified) throw new Error('304 without a held answer');
    if (res.etag) seen.set(key, { etag: res.etag, data: res.data });
    return res.data;
  });
}

/** A collection form's definition in `locale`. */
export function useForm(formKey: string, o: { locale?: string } = {}) {
  const client = usePolicyLedgerClient();
  return useLoad<FormDefinition>(`${formKey}|${o.locale ?? ''}`, (signal) =>
    client.form(formKey, { ...o, signal }),
  );
}

/** A person's standing under `policy` (needs a client allowed to read it); null subject: idle. */
export function useStanding(subject: string | null, policy: string) {
  const client = usePolicyLedgerClient();
  return useLoad<SubjectStatus>(subject ? `${subject}|${policy}` : null, (signal) =>
    client.standing({ subject: subject!, policy }, { signal }),
  );
}
