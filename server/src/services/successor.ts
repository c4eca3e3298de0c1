import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { EditionSuccessor } from '../../../shared/contracts';
import { EDITION_LOCALIZED_FIELDS, EDITION_UID } from '../constants';
import { getService } from '../utils/get-service';
import type { EditionRow } from '../db/edition-rows';

/** The Document Service as used here: loosely typed data (the edition has no generated types). */
interface EditionDocuments {
  create(params: { locale: string; data: Record<string, unknown> }): Promise<{
    documentId: string;
  }>;
  update(params: {
    documentId: string;
    locale: string;
    data: Record<string, unknown>;
  }): Promise<unknown>;
  delete(params: { documentId: string; locale: '*' }): Promise<unknown>;
}

/** A locale's own texts: title, body and change summary. */
const textsOf = (row: EditionRow) =>
  Object.fromEntries(EDITION_LOCALIZED_FIELDS.map((f) => [f, row[f]]));

/**
 * "New edition from this one": a new draft of the same policy carrying every
 * locale's texts and the change kind of the source, and nothing of its
 * release (no version, dates or hashes; an empty edition date, which the
 * release fills in). Unlike the Content Manager's Duplicate, which copies one
 * locale, it copies them all.
 */
const successorService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(EDITION_UID) as unknown as EditionDocuments;
  const defaultLocale = async (): Promise<string | null> =>
    (await strapi.plugin('i18n').service('locales').getDefaultLocale()) ?? null;

  /** Creates the copy; on any failure nothing of it remains. */
  async function copy(rows: EditionRow[]): Promise<string> {
    const home = await defaultLocale();
    const first = rows.find((r) => r.locale === home) ?? rows[0];
    const rest = rows.filter((r) => r !== first);
    const policyDocumentId = rows.find((r) => r.policy)?.policy?.documentId ?? null;
    // Relations are stored per locale: every locale gets the link.
    const policy = policyDocumentId
      ? { policy: { connect: [{ documentId: policyDocumentId }] } }
      : {};

    const made: { documentId?: string } = {};
    try {
      // One transaction: a failure on any locale rolls the whole copy back.
      await strapi.db.transaction(async ({ trx }) => {
        const doc = await documents().create({
          locale: first.locale,
          data: { ...textsOf(first), changeKind: first.changeKind, editionDate: null, ...policy },
        });
        made.documentId = doc.documentId;
        for (const row of rest) {
          await documents().update({
            documentId: doc.documentId,
            locale: row.locale,
            data: { ...textsOf(row), ...policy },
          });
        }
        const source = rows.find((r) => r.version)?.version;
        await getService(strapi, 'audit').record(
          'edition.successor',
          `${rows.find((r) => r.policy)?.policy?.key ?? '?'} ${source ? `v${source}` : 'draft'}`,
          { source: first.documentId, created: doc.documentId, locales: rows.map((r) => r.locale) },
          { trx },
        );
      });
    } catch (error) {
      // Belt and braces, should a step have escaped the transaction: remove what was made.
      if (made.documentId) await removeLeftovers(made.documentId);
      throw error;
    }
    if (!made.documentId) throw new errors.ApplicationError('The new edition was not created');
    return made.documentId;
  }

  async function removeLeftovers(documentId: string) {
    const left = await strapi.db.query(EDITION_UID).count({ where: { documentId } });
    if (left === 0) return;
    try {
      await documents().delete({ documentId, locale: '*' });
    } catch (cleanup) {
      strapi.log.error(
        `[policy-ledger] could not remove the half-made edition ${documentId}: ${String(cleanup)}`,
      );
    }
  }

  return {
    /** A new draft edition copied from `documentId` (any state: draft, released, cancelled). */
    async create(documentId: string): Promise<EditionSuccessor> {
      const rows = (await strapi.db.query(EDITION_UID).findMany({
        where: { documentId },
        populate: { policy: true },
        orderBy: { locale: 'asc' },
      })) as EditionRow[];
      if (rows.length === 0)
        throw new errors.NotFoundError(`No edition with documentId "${documentId}"`, {
          documentId,
        });
      const created = await copy(rows);
      return {
        sourceDocumentId: documentId,
        edition: await getService(strapi, 'editions').status(created),
      };
    },
  };
};

export default successorService;

declare module './registry' {
  interface PluginServices {
    successor: ReturnType<typeof successorService>;
  }
}
