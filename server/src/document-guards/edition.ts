import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITION_LOCALIZED_FIELDS, EDITION_SYSTEM_FIELDS, EDITION_UID } from '../constants';
import { contentHash } from '../domain/hash';
import type { EditionRow } from '../db/edition-rows';
import { getService } from '../utils/get-service';
import { clock } from '../utils/plugin';
import type { DocCtx, Next } from './types';

const frozenMessage = (row: EditionRow) =>
  `Edition v${row.version} was released on ${new Date(row.releasedAt as string).toISOString()} and is frozen: ` +
  `released editions cannot be changed or deleted. To correct it, make a new edition from this one ` +
  `("New edition from this one" in the Content Manager) and release that` +
  (row.cancelledAt ? '.' : '; while it is still scheduled you may cancel it first.');

function stripSystemFields(data: Record<string, unknown> | undefined) {
  if (!data) return;
  for (const f of EDITION_SYSTEM_FIELDS) delete data[f];
}

/**
 * Editions: system fields are written by the release service
 * only; a released edition is frozen, except that a locale it did not have
 * may be added; a duplicate starts as a draft.
 */
export function editionGuard(strapi: Core.Strapi) {
  const defaultLocale = async (): Promise<string> =>
    strapi.plugin('i18n').service('locales').getDefaultLocale();
  const catalog = () => getService(strapi, 'catalog');
  const rowsOf = (documentId: string) =>
    strapi.db
      .query(EDITION_UID)
      .findMany({ where: { documentId }, populate: { policy: true } }) as Promise<EditionRow[]>;

  return async function guardEdition(ctx: DocCtx, next: Next) {
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
      throw new errors.ApplicationError(frozenMessage(released), {
        code: 'EDITION_FROZEN',
        version: released.version,
      });
    }
    const locale = params.locale ?? (await defaultLocale());
    if (rows.some((r) => r.locale === locale)) {
      throw new errors.ApplicationError(frozenMessage(released), {
        code: 'EDITION_FROZEN',
        version: released.version,
        locale,
      });
    }

    // The one change allowed: adding a locale the edition did not have.
    const data = params.data ?? {};
    const title = typeof data.title === 'string' ? data.title.trim() : '';
    const body = typeof data.body === 'string' ? data.body.trim() : '';
    if (!title || !body) {
      throw new errors.ValidationError(
        `A locale added to released edition v${released.version} needs a title and a body`,
        {
          field: !title ? 'title' : 'body',
        },
      );
    }
    // Only the localized texts: anything else would be copied onto the frozen locales.
    params.data = Object.fromEntries(
      EDITION_LOCALIZED_FIELDS.filter((f) => f in data).map((f) => [f, data[f]]),
    );
    const result = await next();
    const added = (await strapi.db
      .query(EDITION_UID)
      .findOne({ where: { documentId: params.documentId, locale } })) as EditionRow | null;
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
  };
}
