import type { FormDefinition, SubmissionBody } from '../../client/src';
import { isPolicyLedgerError } from '../../client/src';

export type Values = Record<string, string | boolean>;

/** The edition a person accepts on a form: the one in force, else the announced one. */
export const shownEdition = (p: FormDefinition['policies'][number]) => p.current ?? p.upcoming;

/** What the form sends: filled fields only, every purpose, the exact editions shown. */
export function submissionOf(
  def: FormDefinition,
  values: Values,
  purposes: Record<string, boolean>,
  pageUrl?: string,
): SubmissionBody {
  const data = Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== '' && v !== false),
  );
  return {
    locale: def.locale,
    data,
    purposes: Object.fromEntries(def.purposes.map((p) => [p.key, purposes[p.key] === true])),
    accepted: def.policies.flatMap((p) => {
      const e = shownEdition(p);
      return e ? [{ policy: p.policy, version: e.version, hash: e.contentHash }] : [];
    }),
    ...(pageUrl ? { pageUrl } : {}),
  };
}

/** A server 400's field errors by "data.email" / "purposes.marketing"; the rest as one message. */
export function errorsOf(e: unknown): { fields: Record<string, string>; message: string } {
  if (!isPolicyLedgerError(e)) return { fields: {}, message: '' };
  const fields: Record<string, string> = {};
  for (const f of e.fieldErrors) fields[f.path.join('.')] ??= f.message;
  return { fields, message: e.message };
}
