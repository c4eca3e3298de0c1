import { Typography } from '@strapi/design-system';
import type { EditLayout, ListFieldLayout } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

import { PluginTimeZone } from '../components/PluginTimeZone';
import { EDITION_UID } from '../pluginId';
import { formatInstant } from '../utils/time';
import { isEditionLayout } from './freezeEditLayout';

/**
 * An edition's instants in the Content Manager, in the plugin's time zone like every other screen
 * of the plugin. Strapi shows a datetime in the browser's zone without naming it: the edit view's
 * date pickers of the instants only a release writes are hidden (the edition panel shows them,
 * in the plugin's zone, named), and the list view's datetime columns are formatted by the plugin.
 */

/** The list view's hook that may change its columns (and how their cells are drawn). */
export const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';

/** The instants a release or a cancellation writes (read-only; the edition panel shows them). */
const SYSTEM_INSTANTS = ['releasedAt', 'effectiveAt', 'cancelledAt', 'localeReleasedAt'];

/**
 * Edit view: takes the system instants' date pickers out of an edition's layout (rows and panels
 * left empty go too). Their values stay in the document and in the form, untouched.
 */
export function hideEditionInstants<T extends { layout: EditLayout }>(args: T): T {
  if (!isEditionLayout(args.layout)) return args;
  const layout = args.layout.layout
    .map((panel) =>
      panel
        .map((row) =>
          row.filter(
            (field) => !(field.type === 'datetime' && SYSTEM_INSTANTS.includes(field.name)),
          ),
        )
        .filter((row) => row.length > 0),
    )
    .filter((panel) => panel.length > 0);
  return { ...args, layout: { ...args.layout, layout } };
}

const LIST_PATH = new RegExp(
  `/content-manager/collection-types/${EDITION_UID.replace(/[.]/g, '\\.')}/?$`,
);

/** The list view shown is the editions' (the hook is not told which content type it lists). */
function editionListOpen(): boolean {
  if (typeof window === 'undefined') return false;
  try {
    return LIST_PATH.test(decodeURIComponent(window.location.pathname));
  } catch {
    return false;
  }
}

/** One instant of a list row, in the plugin's zone, named ("Mar 9, 2031, 03:00 PM GMT+5"). */
const InstantCell = ({ value }: { value: unknown }) => {
  const { formatDate } = useIntl();
  const iso = typeof value === 'string' ? value : null;
  return (
    <Typography textColor="neutral800" data-testid="cm-instant" title={iso ?? undefined}>
      {formatInstant(formatDate, iso) ?? '-'}
    </Typography>
  );
};

interface ListHookArgs {
  displayedHeaders: ListFieldLayout[];
  layout: unknown;
}

/** List view: every datetime column of the editions' list drawn in the plugin's zone. */
export function zoneEditionListInstants<T extends ListHookArgs>(args: T): T {
  if (!editionListOpen()) return args;
  return {
    ...args,
    displayedHeaders: args.displayedHeaders.map((header) =>
      header.attribute.type === 'datetime' && typeof header.cellFormatter !== 'function'
        ? {
            ...header,
            cellFormatter: (row: Record<string, unknown>) => (
              <PluginTimeZone>
                <InstantCell value={row[header.name]} />
              </PluginTimeZone>
            ),
          }
        : header,
    ),
  };
}
