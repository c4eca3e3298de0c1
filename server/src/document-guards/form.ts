import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FORM_UID } from '../constants';
import { checkDefinition } from '../domain/form';
import { definitionHash } from '../services/forms';
import { getService } from '../utils/get-service';
import type { DocCtx, Next } from './types';

/**
 * Collection forms: the definition is checked before it is stored, and
 * every change bumps `revision` and recomputes `definitionHash`, which
 * each submission records.
 */
export function formGuard(strapi: Core.Strapi) {
  const forms = () => getService(strapi, 'forms');
  const audit = () => getService(strapi, 'audit');
  const keyOf = async (documentId: string | undefined) =>
    documentId
      ? ((
          (await strapi.db.query(FORM_UID).findOne({ where: { documentId }, select: ['key'] })) as {
            key?: string;
          } | null
        )?.key ?? documentId)
      : null;
  return async function guardForm(ctx: DocCtx, next: Next) {
    const { action, params } = ctx;
    if (action === 'publish' || action === 'unpublish') {
      const result = await next();
      await audit().record(`form.${action}ed`, await keyOf(params.documentId), {
        locale: params.locale ?? null,
      });
      return result;
    }
    if (!['create', 'update', 'clone', 'delete'].includes(action)) return next();
    const before = params.documentId
      ? ((await strapi.db
          .query(FORM_UID)
          .findOne({ where: { documentId: params.documentId } })) as Record<string, unknown> | null)
      : null;
    if (action === 'delete') {
      const result = await next();
      forms().invalidate();
      await audit().record('form.deleted', (before?.key as string) ?? params.documentId ?? null, {
        locale: params.locale ?? null,
      });
      return result;
    }
    const data = params.data;
    if (data) {
      delete data.revision;
      delete data.definitionHash;
      if (action === 'create' || 'fields' in data || 'purposes' in data) {
        const problems = checkDefinition(
          data.fields ?? before?.fields,
          data.purposes ?? before?.purposes,
        );
        if (problems.length) {
          throw new errors.ValidationError(problems[0].message, {
            errors: problems.map((p) => ({
              path: p.path.split(/[.[\]]+/).filter(Boolean),
              message: p.message,
            })),
          });
        }
      }
    }
    const result = (await next()) as { documentId?: string } | null;
    const documentId = result?.documentId ?? params.documentId;
    if (documentId) {
      const row = (await strapi.db
        .query(FORM_UID)
        .findOne({ where: { documentId }, populate: { policies: { select: ['id', 'key'] } } })) as {
        id: number;
        key: string;
        labels: never;
        fields: never;
        purposes: never;
        policies: Array<{ id: number; key: string }>;
        retentionDays: number | null;
      } | null;
      if (row) {
        const stamp = {
          revision: action === 'update' ? Number(before?.revision ?? 0) + 1 : 1,
          definitionHash: definitionHash(row),
        };
        await strapi.db.query(FORM_UID).update({ where: { id: row.id }, data: stamp });
        // The caller (the Content Manager's response, too) sees the stamped values.
        if (result && typeof result === 'object') Object.assign(result, stamp);
        await audit().record(action === 'update' ? 'form.changed' : 'form.created', row.key, {
          documentId,
          ...stamp,
        });
      }
    }
    forms().invalidate();
    return result;
  };
}
