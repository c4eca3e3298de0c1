import { errors, validateYupSchema, yup } from '@strapi/utils';
import { isValidLocaleTag } from './domain/locale';

const localeParam = yup
  .string()
  .max(35)
  .test('locale', '${path} must be a locale code such as "kk" or "kk-KZ"', (v) => v === undefined || isValidLocaleTag(v));

export const policyKey = yup
  .string()
  .required()
  .max(64)
  .matches(/^[A-Za-z0-9\-_.~]+$/, '${path} must be a policy key made of letters, digits and - _ . ~');

export const validateCurrentQuery = validateYupSchema(
  yup
    .object({
      locale: localeParam,
      format: yup.string().oneOf(['markdown', 'html']).default('markdown'),
    })
    .noUnknown(false),
);

export const validateArchiveQuery = validateYupSchema(yup.object({ locale: localeParam }));

export const validateKey = validateYupSchema(yup.object({ key: policyKey }));

export const validateVersion = validateYupSchema(
  yup.object({
    key: policyKey,
    version: yup
      .number()
      .typeError('${path} must be a positive integer')
      .integer('${path} must be a positive integer')
      .min(1, '${path} must be a positive integer')
      .max(2147483647)
      .required(),
  }),
  { strict: false, abortEarly: false },
);

export const validateReleaseBody = validateYupSchema(
  yup
    .object({
      effectiveAt: yup
        .date()
        .typeError('${path} must be an ISO 8601 instant such as 2026-12-01T00:00:00Z')
        .nullable(),
    })
    .noUnknown(true, '${path} has unknown field(s): ${unknown}'),
  { strict: false, abortEarly: false },
);

export const validateDocumentId = validateYupSchema(
  yup.object({ documentId: yup.string().required().max(64).matches(/^[A-Za-z0-9]+$/, '${path} is not a documentId') }),
);

/** `?locale=` can be given twice by a careless client: refuse rather than guess. */
export function singleQueryValue(query: Record<string, unknown>, name: string) {
  const v = query[name];
  if (Array.isArray(v)) throw new errors.ValidationError(`${name} must be given once`, { errors: [{ path: [name], message: `${name} must be given once` }] });
  return v;
}

const isoDate = yup
  .string()
  .test('date', '${path} must be a date (YYYY-MM-DD) or an ISO 8601 instant', (v) => v === undefined || (/^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(new Date(v).getTime())));

const ledgerFilterShape = {
  policy: yup.string().max(64),
  version: yup.number().typeError('${path} must be an integer').integer('${path} must be an integer').min(1),
  locale: localeParam,
  form: yup.string().max(64),
  action: yup.string().oneOf(['granted', 'implied', 'withdrawn', 'denied']),
  from: isoDate,
  to: isoDate,
  subject: yup.string().max(320),
};

export const validateLedgerQuery = validateYupSchema(
  yup
    .object({
      ...ledgerFilterShape,
      cursor: yup.number().typeError('${path} must be a seq number').integer().min(1),
      limit: yup.number().typeError('${path} must be an integer').integer().min(1).max(500).default(50),
    })
    .noUnknown(true, '${path} has unknown parameter(s): ${unknown}'),
  { strict: false, abortEarly: false },
);

export const validateExportQuery = validateYupSchema(
  yup
    .object({ ...ledgerFilterShape, format: yup.string().oneOf(['csv', 'ndjson', 'iso27560']).required() })
    .noUnknown(true, '${path} has unknown parameter(s): ${unknown}'),
  { strict: false, abortEarly: false },
);

export const validateAcceptanceQuery = validateYupSchema(
  yup
    .object({
      policy: policyKey,
      groupBy: yup
        .string()
        .default('version')
        .test('groupBy', '${path} must be a comma-separated list of version, locale, form, day', (v) =>
          !v || v.split(',').every((g) => ['version', 'locale', 'form', 'day'].includes(g.trim())),
        ),
      from: isoDate,
      to: isoDate,
    })
    .noUnknown(true, '${path} has unknown parameter(s): ${unknown}'),
  { strict: false, abortEarly: false },
);

export const validateDiffQuery = validateYupSchema(
  yup.object({
    against: yup.string().required().max(64).matches(/^[A-Za-z0-9]+$/, '${path} is not a documentId'),
    locale: localeParam.required(),
  }),
);
