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
