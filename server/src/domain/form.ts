import { normalizeEmail, normalizePhone, SubjectError } from './subject';
import { isCalendarDate } from './patterns';

/** A collection form's definition and the checks a submission must pass. */
export const FIELD_TYPES = [
  'text',
  'email',
  'phone',
  'textarea',
  'date',
  'select',
  'checkbox',
] as const;
export const CATEGORIES = ['identity', 'contact', 'address', 'birth', 'other'] as const;
export const LEGAL_BASES = ['consent', 'contract', 'legal-obligation'] as const;

export interface FormField {
  name: string;
  type: (typeof FIELD_TYPES)[number];
  required?: boolean;
  category: (typeof CATEGORIES)[number];
  maxLength?: number;
  options?: string[];
  label?: Record<string, string>;
}

export interface FormPurpose {
  key: string;
  required?: boolean;
  legalBasis: (typeof LEGAL_BASES)[number];
  label?: Record<string, string>;
}

export interface Problem {
  path: string;
  message: string;
}

export const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const DEFAULT_MAX: Record<FormField['type'], number> = {
  text: 200,
  email: 254,
  phone: 32,
  textarea: 5000,
  date: 10,
  select: 200,
  checkbox: 5,
};

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isLabels = (v: unknown) =>
  v === undefined ||
  v === null ||
  (isObj(v) && Object.values(v).every((x) => typeof x === 'string'));

/** Checks a form definition as editors write it in the Content Manager. */
export function checkDefinition(fields: unknown, purposes: unknown): Problem[] {
  const problems: Problem[] = [];
  if (!Array.isArray(fields)) {
    problems.push({ path: 'fields', message: 'fields must be a list of fields' });
  } else {
    const names = new Set<string>();
    fields.forEach((f, i) => {
      const p = `fields[${i}]`;
      if (!isObj(f)) return problems.push({ path: p, message: `${p} must be an object` });
      if (typeof f.name !== 'string' || !NAME.test(f.name))
        problems.push({
          path: `${p}.name`,
          message: `${p}.name must be a letter followed by letters, digits or _`,
        });
      else if (names.has(f.name))
        problems.push({ path: `${p}.name`, message: `${p}.name "${f.name}" is used twice` });
      else names.add(f.name);
      if (!FIELD_TYPES.includes(f.type as never))
        problems.push({
          path: `${p}.type`,
          message: `${p}.type must be one of ${FIELD_TYPES.join(', ')}`,
        });
      if (!CATEGORIES.includes(f.category as never))
        problems.push({
          path: `${p}.category`,
          message: `${p}.category must be one of ${CATEGORIES.join(', ')}`,
        });
      if (f.required !== undefined && typeof f.required !== 'boolean')
        problems.push({ path: `${p}.required`, message: `${p}.required must be true or false` });
      if (
        f.maxLength !== undefined &&
        !(
          Number.isInteger(f.maxLength) &&
          (f.maxLength as number) > 0 &&
          (f.maxLength as number) <= 10000
        )
      ) {
        problems.push({
          path: `${p}.maxLength`,
          message: `${p}.maxLength must be an integer between 1 and 10000`,
        });
      }
      if (
        f.type === 'select' &&
        !(
          Array.isArray(f.options) &&
          f.options.length > 0 &&
          f.options.every((o) => typeof o === 'string')
        )
      ) {
        problems.push({
          path: `${p}.options`,
          message: `${p}.options must list the choices of a select field`,
        });
      }
      if (!isLabels(f.label))
        problems.push({ path: `${p}.label`, message: `${p}.label must map locales to texts` });
    });
  }
  if (!Array.isArray(purposes)) {
    problems.push({ path: 'purposes', message: 'purposes must be a list of purposes' });
  } else {
    const keys = new Set<string>();
    purposes.forEach((x, i) => {
      const p = `purposes[${i}]`;
      if (!isObj(x)) return problems.push({ path: p, message: `${p} must be an object` });
      if (typeof x.key !== 'string' || !NAME.test(x.key))
        problems.push({
          path: `${p}.key`,
          message: `${p}.key must be a letter followed by letters, digits or _`,
        });
      else if (keys.has(x.key))
        problems.push({ path: `${p}.key`, message: `${p}.key "${x.key}" is used twice` });
      else keys.add(x.key);
      if (!LEGAL_BASES.includes(x.legalBasis as never))
        problems.push({
          path: `${p}.legalBasis`,
          message: `${p}.legalBasis must be one of ${LEGAL_BASES.join(', ')}`,
        });
      if (x.required !== undefined && typeof x.required !== 'boolean')
        problems.push({ path: `${p}.required`, message: `${p}.required must be true or false` });
      if (!isLabels(x.label))
        problems.push({ path: `${p}.label`, message: `${p}.label must map locales to texts` });
    });
  }
  return problems;
}

export interface CheckedSubmission {
  /** Normalized values (e-mails lower-cased, phones in E.164). */
  values: Record<string, string | boolean>;
  /** Purposes as granted (true) or not (false), for every purpose of the form. */
  purposes: Record<string, boolean>;
  problems: Problem[];
}

/** Checks a person's submission against the form definition. */
export function checkSubmission(
  fields: FormField[],
  purposeDefs: FormPurpose[],
  data: unknown,
  purposes: unknown,
): CheckedSubmission {
  const problems: Problem[] = [];
  const values: Record<string, string | boolean> = {};
  const input = isObj(data) ? data : {};
  if (!isObj(data))
    problems.push({ path: 'data', message: 'data must be an object of field values' });

  for (const name of Object.keys(input)) {
    if (!fields.some((f) => f.name === name))
      problems.push({ path: `data.${name}`, message: `data.${name} is not a field of this form` });
  }
  for (const f of fields) {
    const path = `data.${f.name}`;
    const raw = Object.hasOwn(input, f.name) ? input[f.name] : undefined;
    const empty =
      raw === undefined ||
      raw === null ||
      (typeof raw === 'string' && raw.trim() === '') ||
      (f.type === 'checkbox' && raw === false);
    if (empty) {
      if (f.required) problems.push({ path, message: `${path} is required` });
      continue;
    }
    if (f.type === 'checkbox') {
      if (typeof raw !== 'boolean')
        problems.push({ path, message: `${path} must be true or false` });
      else values[f.name] = raw;
      continue;
    }
    if (typeof raw !== 'string') {
      problems.push({ path, message: `${path} must be a string` });
      continue;
    }
    const max = f.maxLength ?? DEFAULT_MAX[f.type];
    if (raw.length > max) {
      problems.push({ path, message: `${path} must be at most ${max} characters` });
      continue;
    }
    try {
      if (f.type === 'email') values[f.name] = normalizeEmail(raw);
      else if (f.type === 'phone') values[f.name] = normalizePhone(raw);
      else if (f.type === 'date') {
        if (!isCalendarDate(raw)) throw new SubjectError('must be a date written YYYY-MM-DD');
        values[f.name] = raw;
      } else if (f.type === 'select') {
        if (!(f.options ?? []).includes(raw))
          throw new SubjectError(`must be one of ${(f.options ?? []).join(', ')}`);
        values[f.name] = raw;
      } else values[f.name] = raw.trim();
    } catch (e) {
      problems.push({ path, message: `${path} ${(e as Error).message}` });
    }
  }

  const granted: Record<string, boolean> = {};
  const given = isObj(purposes) ? purposes : {};
  if (purposes !== undefined && !isObj(purposes))
    problems.push({ path: 'purposes', message: 'purposes must map purpose keys to true or false' });
  for (const key of Object.keys(given)) {
    if (!purposeDefs.some((p) => p.key === key))
      problems.push({
        path: `purposes.${key}`,
        message: `purposes.${key} is not a purpose of this form`,
      });
    else if (typeof given[key] !== 'boolean')
      problems.push({ path: `purposes.${key}`, message: `purposes.${key} must be true or false` });
  }
  for (const p of purposeDefs) {
    const v = given[p.key] === true;
    if (p.required && !v)
      problems.push({
        path: `purposes.${p.key}`,
        message: `purposes.${p.key} is required to submit this form`,
      });
    granted[p.key] = v;
  }
  return { values, purposes: granted, problems };
}

/** The e-mail a submission gives (its first filled e-mail field), if any. */
export function emailOf(
  form: { fields: readonly FormField[] },
  values: Record<string, unknown>,
): string | null {
  const field = form.fields.find((f) => f.type === 'email' && values[f.name]);
  return field ? String(values[field.name]) : null;
}

/**
 * Whether anonymous submissions to a form wait for an e-mailed link: on
 * unless the form turns it off, for forms that collect an e-mail.
 */
export const usesDoubleOptIn = (form: {
  fields: readonly FormField[];
  doubleOptIn?: boolean | null;
}) => form.doubleOptIn !== false && form.fields.some((f) => f.type === 'email');
