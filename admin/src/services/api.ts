import { adminApi } from '@strapi/strapi/admin';

import type { ApiResponse } from '../../../shared/contracts';
import { TAG } from './tags';

/** The Content Manager's tag for one edited document (id `<model>_<documentId>`). */
export const DOCUMENT_TAG = 'Document';

/**
 * Strapi's admin data layer (RTK Query) with the plugin's cache tags (services/tags.ts) and the
 * Content Manager's `Document` tag, added once. Every endpoint file injects its endpoints here.
 */
export const api = adminApi.enhanceEndpoints({
  addTagTypes: [...Object.values(TAG), DOCUMENT_TAG],
});

/** `transformResponse` of a route answering `{ data }`: the data. */
export const unwrap = <T>(response: ApiResponse<T>): T => response.data;
