import type {
  FieldError,
  FormDefinition,
  FormPolicyEdition,
  SubmissionBody,
} from '../../client/src';

/** What the person typed or ticked, by field name. */
export type Values = Record<string, string | boolean>;

/** The edition a person accepts on a form: the one in force, else the announced one. */
export const shownEdition = (p: FormDefinition['policies'][number]): FormPolicyEdition | null =>
  p.current ?? p.upcoming;

/**
 * The body the form sends: the filled fields, every purpose of the form
 * (unticked = false), and for each bound policy the exact edition shown —
 * its version and the contentHash of its text in the locale shown.
 */
export function submissionOf(
  def: FormDefinition,
  values: Values,
  purposes: Record<string, boolean>,
  pageUrl?: string,
): SubmissionBody {
  const data: Values = {};
  for (const f of def.fields) {
    const v = values[f.name];
    if (v !== undefined && v !== '' && v !== false) data[f.name] = v;
  }
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

/**
 * A 400's field errors by path ("data.email", "purposes.marketing"), the
 * first per path: "… is required" as `required` says, any other message
 * without the path it starts with ("data.email is not a valid e-mail
 * address" → "Not a valid e-mail address").
 */
export function fieldMessages(errors: FieldError[], required: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const path = e.path.join('.');
    if (out[path] !== undefined) continue;
    const rest = e.message.startsWith(path) ? e.message.slice(path.length).trim() : e.message;
    const text = rest.replace(/^is (?!required\b)/, '');
    out[path] = /^is required\b/.test(rest)
      ? required
      : text.charAt(0).toUpperCase() + text.slice(1);
  }
  return out;
}

/** The page a form is on, without query or fragment (they may carry personal data). */
export function pageUrlOf(
  loc: { origin: string; pathname: string } | undefined,
): string | undefined {
  return loc && /^https?:/.test(loc.origin) ? `${loc.origin}${loc.pathname}` : undefined;
}
