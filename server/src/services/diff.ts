import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { diffLines } from 'diff';
import type { EditionDiff } from '../../../shared/contracts';
import { EDITION_UID } from '../constants';
import type { EditionRow } from './types';

/** Line diff of one locale of two editions (the Diff tab). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Line diff of one locale of two editions. */
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
    const changes: EditionDiff['changes'] = [];
    // Whether the last line ends with a newline is not a change a reader cares about.
    const norm = (t: string | null) => (t ?? '').replace(/\r\n/g, '\n').replace(/\n?$/, '\n');
    for (const part of diffLines(norm(base.body), norm(compare.body))) {
      const type = part.added ? 'added' : part.removed ? 'removed' : 'unchanged';
      const lines = part.value.replace(/\n$/, '').split('\n');
      for (const value of lines) changes.push({ type, value });
    }
    return {
      locale,
      base: { documentId: against, version: base.version, title: base.title },
      compare: { documentId, version: compare.version, title: compare.title },
      changes,
      stats: {
        added: changes.filter((c) => c.type === 'added').length,
        removed: changes.filter((c) => c.type === 'removed').length,
      },
    };
  },
});
