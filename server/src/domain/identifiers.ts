import type { FormField } from './form';
import { normalizeEmail, normalizePhone, SubjectError } from './subject';

/**
 * The identifiers a submission holds: the value of each filled e-mail and
 * phone field, canonical (`email:…`, `phone:…`, as domain/subject.ts writes
 * them), once each, in the order of the fields. The ledger indexes their
 * pseudonyms (policy_ledger_identifiers), so that a person looked up by any
 * of them is found, not only by the one their submission is keyed by.
 *
 * `values` are a submission's field values, normalized by `checkSubmission`
 * when stored; they are normalized again here, so that what was stored
 * before (read back from the database) gives the same identifiers, and a
 * value that is not an e-mail or phone (after a field changed its type) is
 * skipped rather than refused.
 *
 * `unknownFields: 'by-shape'` also takes the values of fields the form no
 * longer defines when they look like an e-mail (with "@") or a phone (with
 * a leading "+"): a submission stored under an older revision of its form,
 * whose fields are no longer known.
 */
export function identifyingValues(
  fields: ReadonlyArray<Pick<FormField, 'name' | 'type'>>,
  values: Readonly<Record<string, unknown>>,
  unknownFields: 'skip' | 'by-shape' = 'skip',
): string[] {
  const found = new Set<string>();
  const add = (kind: 'email' | 'phone', raw: string) => {
    try {
      found.add(kind === 'email' ? `email:${normalizeEmail(raw)}` : `phone:${normalizePhone(raw)}`);
    } catch (e) {
      if (!(e instanceof SubjectError)) throw e;
    }
  };
  for (const f of fields) {
    const v = Object.hasOwn(values, f.name) ? values[f.name] : undefined;
    if (typeof v === 'string' && (f.type === 'email' || f.type === 'phone')) add(f.type, v);
  }
  if (unknownFields === 'by-shape') {
    const known = new Set(fields.map((f) => f.name));
    for (const [name, v] of Object.entries(values)) {
      if (known.has(name) || typeof v !== 'string') continue;
      if (v.includes('@')) add('email', v);
      else if (v.trim().startsWith('+')) add('phone', v);
    }
  }
  return [...found];
}
