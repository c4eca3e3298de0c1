import { errors, type z } from '@strapi/utils';

interface FieldError {
  path: string[];
  message: string;
}

/** One Strapi error entry per problem; every message starts with the field it is about. */
function fieldErrors(issue: z.core.$ZodIssue, what: string): FieldError[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const at = [...path, key];
      return { path: at, message: `${at.join('.')} is not a field of ${what}` };
    });
  }
  const name = path.join('.') || what;
  return [
    { path, message: issue.message.startsWith(name) ? issue.message : `${name} ${issue.message}` },
  ];
}

/**
 * The one way input is checked: a route's params, query or body against its
 * schema (validation/content-api.ts, validation/admin-api.ts). Returns the
 * parsed, typed value; otherwise a 400 (Strapi's ValidationError) whose
 * message names the first bad field and whose details list every one.
 * `what` names the whole input in messages ("a submission", "the query").
 */
export function validate<T>(schema: z.ZodType<T>, input: unknown, what = 'the request'): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const list = result.error.issues.flatMap((issue) => fieldErrors(issue, what));
  throw new errors.ValidationError(list[0]?.message ?? `Invalid ${what}`, { errors: list });
}
