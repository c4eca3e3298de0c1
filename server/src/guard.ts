import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITION_LOCALIZED_FIELDS, EDITION_SYSTEM_FIELDS, EDITION_UID, FORM_UID, POLICY_UID } from './constants';
import { checkDefinition } from './domain/form';
import { definitionHash } from './services/forms';
import { contentHash } from './domain/hash';
import { isValidLocaleTag } from './domain/locale';
import { clock } from './utils/plugin';
import type { EditionRow, PolicyRow } from './services/types';

interface DocCtx {
  uid: string;
  action: string;
  params: { documentId?: string; locale?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}
type Next = () => Promise<unknown>;

const frozenMessage = (row: EditionRow) =>
  `Edition v${row.version} was released on ${new Date(row.releasedAt as string).toISOString()} and is frozen: ` +
  `released editions cannot be changed or deleted. To correct it, duplicate it into a new edition and release that` +
  (row.cancelledAt ? '.' : '; while it is still scheduled you may cancel it first.');

function stripSystemFields(data: Record<string, unknown> | undefined) {
  if (!data) return;
  for (const f of EDITION_SYSTEM_FIELDS) delete data[f];
}

function validateRequiredLocales(data: Record<string, unknown> | undefined) {
  if (!data || !('requiredLocales' in data)) return;
  const v = data.requiredLocales;
  if (v === null || (Array.isArray(v) && v.length === 0)) return;
  if (!Array.isArray(v) || !v.every((l) => typeof l === 'string' && isValidLocaleTag(l))) {
    throw new errors.ValidationError('requiredLocales must be a list of locale codes such as ["kk", "ru"], or empty for the plugin default', {
      field: 'requiredLocales',
    });
  }
}

/**
 * Enforces the edition rules of DESIGN.md below every route: the Content
 * Manager, the Document Service and the Entity Service all pass through
 * Document Service middlewares.
 */
export function registerGuards(strapi: Core.Strapi) {
  const defaultLocale = async (): Promise<string> => strapi.plugin('i18n').service('locales').getDefaultLocale();
  const catalog = () => strapi.plugin('policy-ledger').service('catalog');
  const forms = () => strapi.plugin('policy-ledger').service('forms');

  const rowsOf = (documentId: string) =>
    strapi.db.query(EDITION_UID).findMany({ where: { documentId }, populate: { policy: true } }) as Promise<EditionRow[]>;

  async function guardEdition(ctx: DocCtx, next: Next) {
    const { action, params } = ctx;
    if (action === 'create') {
      stripSystemFields(params.data);
      return next();
    }
    if (action === 'clone') {
      // A duplicate starts as a draft: nothing of the source's release is copied.
      const result = (await next()) as { documentId?: string } | null;
      if (result?.documentId) {
        await strapi.db.query(EDITION_UID).updateMany({
          where: { documentId: result.documentId },
          data: Object.fromEntries(EDITION_SYSTEM_FIELDS.map((f) => [f, null])),
        });
      }
      return result;
    }
    if (action !== 'update' && action !== 'delete') return next();
    if (!params.documentId) return next();

    const rows = await rowsOf(params.documentId);
    const released = rows.find((r) => r.releasedAt);
    if (!released) {
      stripSystemFields(params.data);
      return next();
    }
    if (action === 'delete') {
      throw new errors.ApplicationError(frozenMessage(released), { code: 'EDITION_FROZEN', version: released.version });
    }
    const locale = params.locale ?? (await defaultLocale());
    if (rows.some((r) => r.locale === locale)) {
      throw new errors.ApplicationError(frozenMessage(released), { code: 'EDITION_FROZEN', version: released.version, locale });
    }

    // The one change allowed: adding a locale the edition did not have.
    const data = params.data ?? {};
    const title = typeof data.title === 'string' ? data.title.trim() : '';
    const body = typeof data.body === 'string' ? data.body.trim() : '';
    if (!title || !body) {
      throw new errors.ValidationError(`A locale added to released edition v${released.version} needs a title and a body`, {
        field: !title ? 'title' : 'body',
      });
    }
    // Only the localized texts: anything else would be copied onto the frozen locales.
    params.data = Object.fromEntries(EDITION_LOCALIZED_FIELDS.filter((f) => f in data).map((f) => [f, data[f]]));
    const result = await next();
    const added = (await strapi.db.query(EDITION_UID).findOne({ where: { documentId: params.documentId, locale } })) as EditionRow | null;
    if (added) {
      await strapi.db.query(EDITION_UID).update({
        where: { id: added.id },
        data: {
          contentHash: contentHash(added.body as string),
          localeReleasedAt: clock(strapi).now(),
          ...(released.policy ? { policy: released.policy.id } : {}),
        },
      });
    }
    if (released.policy) catalog().invalidate(released.policy.key);
    return result;
  }

  async function guardPolicy(ctx: DocCtx, next: Next) {
    const { action, params } = ctx;
    if (action === 'create') {
      validateRequiredLocales(params.data);
      return next();
    }
    if ((action !== 'update' && action !== 'delete') || !params.documentId) return next();
    const policy = (await strapi.db.query(POLICY_UID).findOne({ where: { documentId: params.documentId } })) as PolicyRow | null;
    if (!policy) return next();
    const releasedCount = await strapi.db.query(EDITION_UID).count({ where: { policy: { id: policy.id }, releasedAt: { $notNull: true } } });
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
  }

  /**
   * Collection forms: the definition is checked before it is stored, and
   * every change bumps `revision` and recomputes `definitionHash`, which
   * each submission records.
   */
  async function guardForm(ctx: DocCtx, next: Next) {
    const { action, params } = ctx;
    if (!['create', 'update', 'clone', 'delete'].includes(action)) return next();
    const before = params.documentId
      ? ((await strapi.db.query(FORM_UID).findOne({ where: { documentId: params.documentId } })) as Record<string, unknown> | null)
      : null;
    if (action === 'delete') {
      const result = await next();
      forms().invalidate();
      return result;
    }
    const data = params.data;
    if (data) {
      delete data.revision;
      delete data.definitionHash;
      if (action === 'create' || 'fields' in data || 'purposes' in data) {
        const problems = checkDefinition(data.fields ?? before?.fields, data.purposes ?? before?.purposes);
        if (problems.length) {
          throw new errors.ValidationError(problems[0].message, { errors: problems.map((p) => ({ path: p.path.split(/[.[\]]+/).filter(Boolean), message: p.message })) });
        }
      }
    }
    const result = (await next()) as { documentId?: string } | null;
    const documentId = result?.documentId ?? params.documentId;
    if (documentId) {
      const row = (await strapi.db.query(FORM_UID).findOne({ where: { documentId }, populate: { policies: { select: ['id', 'key'] } } })) as
        | { id: number; key: string; labels: never; fields: never; purposes: never; policies: Array<{ id: number; key: string }>; retentionDays: number | null }
        | null;
      if (row) {
        const stamp = { revision: action === 'update' ? Number(before?.revision ?? 0) + 1 : 1, definitionHash: definitionHash(row) };
        await strapi.db.query(FORM_UID).update({ where: { id: row.id }, data: stamp });
        // The caller (the Content Manager's response, too) sees the stamped values.
        if (result && typeof result === 'object') Object.assign(result, stamp);
      }
    }
    forms().invalidate();
    return result;
  }

  type Middleware = Parameters<typeof strapi.documents.use>[0];
  const middleware = async (ctx: DocCtx, next: Next) => {
    if (ctx.uid === EDITION_UID) return guardEdition(ctx, next);
    if (ctx.uid === POLICY_UID) return guardPolicy(ctx, next);
    if (ctx.uid === FORM_UID) return guardForm(ctx, next);
    return next();
  };
  strapi.documents.use(middleware as unknown as Middleware);
}
