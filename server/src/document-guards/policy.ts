import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITION_UID, POLICY_UID } from '../constants';
import { isValidLocaleTag } from '../domain/locale';
import type { PolicyRow } from '../db/edition-rows';
import { getService } from '../utils/get-service';
import type { DocCtx, Next } from './types';

function validateRequiredLocales(data: Record<string, unknown> | undefined) {
  if (!data || !('requiredLocales' in data)) return;
  const v = data.requiredLocales;
  if (v === null || (Array.isArray(v) && v.length === 0)) return;
  if (!Array.isArray(v) || !v.every((l) => typeof l === 'string' && isValidLocaleTag(l))) {
    throw new errors.ValidationError(
      'requiredLocales must be a list of locale codes such as ["kk", "ru"], or empty for the plugin default',
      {
        field: 'requiredLocales',
      },
    );
  }
}

/** Policies: valid required locales; key and existence frozen once an edition is released. */
export function policyGuard(strapi: Core.Strapi) {
  const catalog = () => getService(strapi, 'catalog');
  return async function guardPolicy(ctx: DocCtx, next: Next) {
    const { action, params } = ctx;
    if (action === 'create') {
      validateRequiredLocales(params.data);
      return next();
    }
    if ((action !== 'update' && action !== 'delete') || !params.documentId) return next();
    const policy = (await strapi.db
      .query(POLICY_UID)
      .findOne({ where: { documentId: params.documentId } })) as PolicyRow | null;
    if (!policy) return next();
    const releasedCount = await strapi.db
      .query(EDITION_UID)
      .count({ where: { policy: { id: policy.id }, releasedAt: { $notNull: true } } });
    if (action === 'delete' && releasedCount > 0) {
      throw new errors.ApplicationError(
        `Policy "${policy.key}" has released editions and cannot be deleted: the consent ledger refers to them`,
        { code: 'POLICY_HAS_RELEASED_EDITIONS' },
      );
    }
    if (action === 'update') {
      validateRequiredLocales(params.data);
      const newKey = params.data?.key;
      if (releasedCount > 0 && typeof newKey === 'string' && newKey !== policy.key) {
        throw new errors.ApplicationError(
          `The key of policy "${policy.key}" cannot change once an edition is released: frontends and the consent ledger refer to it`,
          { code: 'POLICY_KEY_FROZEN', field: 'key' },
        );
      }
    }
    const result = await next();
    catalog().invalidate(policy.key);
    return result;
  };
}
