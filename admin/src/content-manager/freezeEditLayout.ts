import type { EditFieldLayout, EditLayout } from '@strapi/content-manager/strapi-admin';

import { EDITION_UID } from '../pluginId';
import { frozenSince } from './frozenEditions';

/** The Content Manager's hook that may change the edit view's layout (fields, their state). */
export const MUTATE_EDIT_VIEW_LAYOUT = 'Admin/CM/pages/EditView/mutate-edit-view-layout';

interface LayoutHookArgs {
  layout: EditLayout;
  /** Absent after i18n's hook, which returns `{ layout }` only. */
  query?: { plugins?: { i18n?: { locale?: unknown } } } & Record<string, unknown>;
}

const EDIT_PATH = new RegExp(
  `/content-manager/collection-types/${EDITION_UID.replace(/[.]/g, '\\.')}/([A-Za-z0-9]+)/?$`,
);

/** The documentId of the edition whose edit view is open, from the address; else null. */
function openEdition(): string | null {
  if (typeof window === 'undefined') return null;
  let path = window.location.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    return null;
  }
  return EDIT_PATH.exec(path)?.[1] ?? null;
}

/**
 * The locale shown: the Content Manager passes its query to the first hook, but i18n's own hook
 * returns the layout alone, so the address is read as well.
 */
function openLocale(query: LayoutHookArgs['query'] | undefined): string | null {
  const fromQuery = query?.plugins?.i18n?.locale;
  if (typeof fromQuery === 'string') return fromQuery;
  if (typeof window === 'undefined') return null;
  return new URLSearchParams(window.location.search).get('plugins[i18n][locale]');
}

/** The layout is an edition's: its change kind offers "reconsent" (a relation modal is not). */
export const isEditionLayout = (layout: EditLayout) =>
  layout.layout.some((panel) =>
    panel.some((row) =>
      row.some(
        (field) =>
          field.name === 'changeKind' &&
          field.type === 'enumeration' &&
          'enum' in field.attribute &&
          Array.isArray(field.attribute.enum) &&
          field.attribute.enum.includes('reconsent'),
      ),
    ),
  );

const disable = (field: EditFieldLayout): EditFieldLayout =>
  field.disabled ? field : { ...field, disabled: true };

/**
 * Makes every field of a released (frozen) edition's locale read-only in the edit view, so
 * nothing can be typed that the server would refuse on save (document-guards/edition.ts). With
 * nothing modifiable, the Content Manager keeps Save disabled. A locale the edition does not have
 * yet stays editable: adding it is allowed.
 */
export function freezeEditLayout(args: LayoutHookArgs): LayoutHookArgs {
  const documentId = openEdition();
  const locale = openLocale(args.query);
  if (!documentId || !locale) return args;
  if (!frozenSince(documentId, locale) || !isEditionLayout(args.layout)) return args;
  return {
    ...args,
    layout: {
      ...args.layout,
      layout: args.layout.layout.map((panel) => panel.map((row) => row.map(disable))),
    },
  };
}
