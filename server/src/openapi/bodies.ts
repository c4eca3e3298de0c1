import { z } from '@strapi/utils';
import type { ApiError } from '../../../shared/contracts';

/** The bodies every route shares: the envelope, Strapi's error, a file, the OpenAPI document. */

/** `{ data, meta }`, as every JSON route answers. */
export const envelope = <T extends z.ZodType>(data: T) =>
  z.strictObject({ data, meta: z.record(z.string(), z.unknown()) });

export const apiError: z.ZodType<ApiError> = z.strictObject({
  data: z.null(),
  error: z.strictObject({
    status: z.int(),
    name: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** The `response` of a route that answers with a file (CSV, NDJSON, a page): not JSON. */
export const fileBody = z.string();

/** The OpenAPI document itself. */
export const openApiBody = z.record(z.string(), z.unknown());
