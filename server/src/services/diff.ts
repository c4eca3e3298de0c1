import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { EditionDiff } from '../../../shared/contracts';
import { EDITION_UID } from '../constants';
import { textDiff } from '../domain/text-diff';
import type { EditionRow } from '../db/edition-rows';

/** The diff of one locale of two editions (the Diff tab; domain/text-diff.ts). */
const diffService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async diff(documentId: string, against: string, locale: string): Promise<EditionDiff> {
    const load = async (id: string) => {
      const row = (await strapi.db
        .query(EDITION_UID)
        .findOne({ where: { documentId: id, locale } })) as EditionRow | null;
      if (!row)
        throw new errors.NotFoundError(`Edition ${id} has no text in ${locale}`, {
          documentId: id,
          locale,
        });
      return row;
    };
    const [base, compare] = await Promise.all([load(against), load(documentId)]);
    const changes = textDiff(base.body, compare.body);
    const count = (type: string) => changes.filter((c) => c.type === type).length;
    return {
      locale,
      base: { documentId: against, version: base.version, title: base.title },
      compare: { documentId, version: compare.version, title: compare.title },
      changes,
      stats: { added: count('added'), removed: count('removed'), changed: count('changed') },
    };
  },
});

export default diffService;

declare module './registry' {
  interface PluginServices {
    diff: ReturnType<typeof diffService>;
  }
}
