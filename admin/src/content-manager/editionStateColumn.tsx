import { Typography } from '@strapi/design-system';
import type { ListFieldLayout, ListLayout } from '@strapi/content-manager/strapi-admin';

import { EditionStateBadge } from '../components/labels';
import { EDITION_UID } from '../pluginId';
import { usePolicyLedgerOverviewQuery } from '../services/ledgerApi';
import { getTrad } from '../utils/getTrad';

/** The Content Manager's hook that may add columns to a list view (as i18n adds "Available in"). */
export const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';

interface ColumnHookArgs {
  displayedHeaders: ListFieldLayout[];
  layout: ListLayout;
}

const LIST_PATH = new RegExp(
  `/content-manager/collection-types/${EDITION_UID.replace(/[.]/g, '\\.')}/?$`,
);

/** The list view shown is the editions' (the hook is told the layout, not the model). */
function onEditionList(): boolean {
  if (typeof window === 'undefined') return false;
  try {
    return LIST_PATH.test(decodeURIComponent(window.location.pathname));
  } catch {
    return false;
  }
}

interface Row {
  documentId?: unknown;
  releasedAt?: unknown;
}

/**
 * An edition's state as the server computes it (server/src/domain/effective.ts `editionState`),
 * read from the overview: one request for the whole list, shared by every row (and with the
 * plugin page). A draft not linked to a policy is not in the overview: it is a draft.
 */
const EditionStateCell = ({ row }: { row: Row }) => {
  const { data } = usePolicyLedgerOverviewQuery(undefined, { refetchOnMountOrArgChange: 10 });
  const documentId = typeof row.documentId === 'string' ? row.documentId : null;
  const edition = data?.policies
    .flatMap((policy) => policy.editions)
    .find((e) => e.documentId === documentId);
  const state = edition?.state ?? (data && !row.releasedAt ? 'draft' : null);
  if (!state) {
    return <Typography textColor="neutral600">-</Typography>;
  }
  return (
    <span data-testid="cm-edition-state" data-document-id={documentId ?? ''} data-state={state}>
      <EditionStateBadge state={state} />
    </span>
  );
};

/**
 * Adds a State column (draft, scheduled, in force, superseded, cancelled) to the editions' list,
 * after the version: a cancelled edition no longer looks like a scheduled one.
 */
export function addEditionStateColumn(args: ColumnHookArgs): ColumnHookArgs {
  if (!onEditionList() || args.displayedHeaders.some((h) => h.name === 'policyLedgerState')) {
    return args;
  }
  const column = {
    attribute: { type: 'custom' },
    label: { id: getTrad('cm.list.state'), defaultMessage: 'State' },
    name: 'policyLedgerState',
    searchable: false,
    sortable: false,
    cellFormatter: (row: Row) => <EditionStateCell row={row} />,
  } as unknown as ListFieldLayout;
  const headers = [...args.displayedHeaders];
  const after = headers.findIndex((h) => h.name === 'version');
  headers.splice(after === -1 ? headers.length : after + 1, 0, column);
  return { ...args, displayedHeaders: headers };
}
