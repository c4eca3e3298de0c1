import type { Core } from '@strapi/strapi';
import { FORM_UID, PLUGIN_ID } from '../constants';
import type { FormField } from '../domain/form';
import { identifyingValues } from '../domain/identifiers';
import { subjectRef } from '../domain/subject';
import { subjectSecret } from '../utils/subjects';
import { chunked, identifierRows, type IdentifierKind, type IdentifierRow } from './identifiers';
import { TABLES } from './tables';

/**
 * The index of identifiers for what was stored before it existed (0.10):
 * submissions (not erased) and held submissions written by an older version
 * are indexed from their data, batch by batch, once. Started at bootstrap
 * without delaying it; its progress is kept in the plugin's store, so a
 * restart resumes it, and index rows are unique, so two instances running
 * it at once only repeat work. Only rows up to the highest id at its first
 * run need it: everything written since is indexed as it is written.
 */

const STORE_KEY = 'identifiers-backfill';
const BATCH = 500;
/** Three values per row: under SQLite's 999 parameters per statement. */
const INSERT_ROWS = 300;

interface Progress {
  upTo: Record<IdentifierKind, number>;
  after: Record<IdentifierKind, number>;
  done: boolean;
}

/** A stored submission or held submission, as the backfill reads it. */
export interface StoredRow {
  id: number;
  public_id: string;
  form_key: string;
  subject: string;
  /** The data (a submission's `data`, or a held row's `content.values`), as JSON. */
  values: Record<string, unknown> | null;
}

/**
 * The index rows of a stored row: each identifier its data holds besides
 * its subject — by the form's fields now, and by shape for fields it no
 * longer has (the revision the data was sent under is not kept).
 */
export function storedIdentifierRows(
  kind: IdentifierKind,
  row: StoredRow,
  fields: ReadonlyArray<Pick<FormField, 'name' | 'type'>>,
  secret: string,
): IdentifierRow[] {
  const canonicals = row.values ? identifyingValues(fields, row.values, 'by-shape') : [];
  return identifierRows(
    kind,
    row.public_id,
    row.subject,
    canonicals.map((c) => subjectRef(secret, c)),
  );
}

const parse = (json: string | null): Record<string, unknown> | null => {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/** Indexes what an older version stored; null when it was done before. */
export async function backfillIdentifiers(
  strapi: Core.Strapi,
): Promise<{ submissions: number; held: number } | null> {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const knex = strapi.db.connection;
  let progress = (await store.get({ key: STORE_KEY })) as Progress | null;
  if (progress?.done) return null;
  if (!progress) {
    const top = async (table: string) =>
      Number(((await knex(table).max({ m: 'id' }).first()) as { m: unknown } | undefined)?.m ?? 0);
    progress = {
      upTo: { submission: await top(TABLES.submissions), pending: await top(TABLES.pending) },
      after: { submission: 0, pending: 0 },
      done: false,
    };
    await store.set({ key: STORE_KEY, value: progress });
  }
  const forms = (await strapi.db.query(FORM_UID).findMany({ select: ['key', 'fields'] })) as Array<{
    key: string;
    fields: unknown;
  }>;
  const fieldsOf = new Map(
    forms.map((f) => [f.key, Array.isArray(f.fields) ? (f.fields as FormField[]) : []]),
  );
  const secret = subjectSecret(strapi);
  const counts = { submission: 0, pending: 0 };

  const batchOf = async (kind: IdentifierKind, after: number, upTo: number) => {
    if (kind === 'submission') {
      const rows = (await knex(TABLES.submissions)
        .where('id', '>', after)
        .andWhere('id', '<=', upTo)
        .whereNull('erased_at')
        .orderBy('id', 'asc')
        .limit(BATCH)
        .select('id', 'public_id', 'form_key', 'subject', 'data')) as Array<
        Omit<StoredRow, 'values'> & { data: string | null }
      >;
      return rows.map((r) => ({ ...r, values: parse(r.data) }));
    }
    const rows = (await knex(TABLES.pending)
      .where('id', '>', after)
      .andWhere('id', '<=', upTo)
      .orderBy('id', 'asc')
      .limit(BATCH)
      .select('id', 'public_id', 'form_key', 'subject', 'content')) as Array<
      Omit<StoredRow, 'values'> & { content: string | null }
    >;
    return rows.map((r) => {
      const values = parse(r.content)?.values;
      return {
        ...r,
        values: values && typeof values === 'object' ? (values as StoredRow['values']) : null,
      };
    });
  };

  for (const kind of ['submission', 'pending'] as const) {
    for (;;) {
      const rows = await batchOf(kind, progress.after[kind], progress.upTo[kind]);
      if (!rows.length) break;
      const index = rows.flatMap((r) =>
        storedIdentifierRows(kind, r, fieldsOf.get(r.form_key) ?? [], secret),
      );
      for (const slice of chunked(index, INSERT_ROWS)) {
        await knex(TABLES.identifiers)
          .insert(slice)
          .onConflict(['pseudonym', 'kind', 'ref'])
          .ignore();
      }
      counts[kind] += rows.length;
      progress.after[kind] = Number(rows[rows.length - 1].id);
      await store.set({ key: STORE_KEY, value: progress });
    }
  }
  await store.set({ key: STORE_KEY, value: { ...progress, done: true } });
  return { submissions: counts.submission, held: counts.pending };
}
