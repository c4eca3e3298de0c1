/**
 * A refused request (400, Strapi's ValidationError) names each bad field in `details.errors`
 * (`path`, `message`, the message starting with the API's field name). These helpers put each
 * message next to the form field it is about, in the form's words.
 */

/** What RTK Query reports as a failed request's `error` (the server's `{ name, message, details }`). */
interface ErrorLike {
  message?: string;
  details?: unknown;
}

interface FieldProblem {
  path: string[];
  message: string;
}

const problemsOf = (error: ErrorLike | undefined): FieldProblem[] => {
  const list = (error?.details as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (p): p is FieldProblem =>
      typeof p === 'object' &&
      p !== null &&
      Array.isArray((p as FieldProblem).path) &&
      typeof (p as FieldProblem).message === 'string',
  );
};

/**
 * The server's message in the form's words: the API field name it starts with becomes the
 * field's label ("identityMethod is required" → "How the identity was checked is required").
 */
export function inWords(message: string, apiName: string, label: string): string {
  const rest = message.startsWith(`${apiName} `) ? message.slice(apiName.length) : `: ${message}`;
  return `${label}${rest}`;
}

export interface FieldErrors<K extends string> {
  /** A message per form field the failure names. */
  byField: Partial<Record<K, string>>;
  /** The failure names a field of the form: its messages sit next to them (no toast needed). */
  placed: boolean;
}

/**
 * A failure's messages per form field. `labels` maps the API's field names to the form's labels;
 * a field the form does not have is left out (`placed` says whether any was placed).
 */
export function fieldErrors<K extends string>(
  error: ErrorLike | undefined,
  labels: Record<K, string>,
): FieldErrors<K> {
  const byField: Partial<Record<K, string>> = {};
  for (const problem of problemsOf(error)) {
    const name = problem.path.join('.');
    if (!Object.prototype.hasOwnProperty.call(labels, name)) continue;
    const key = name as K;
    const label = labels[key];
    byField[key] ??= inWords(problem.message, name, label);
  }
  return { byField, placed: Object.keys(byField).length > 0 };
}
