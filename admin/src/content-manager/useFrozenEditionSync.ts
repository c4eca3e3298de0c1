import * as React from 'react';

import { usePolicyLedgerRefreshEditLayoutMutation } from '../services/contentManager';
import { recordEditionLocale } from './frozenEditions';

/** The document the Content Manager loaded (any of its fields). */
type LoadedDocument = Record<string, unknown>;

/**
 * Tells the edit view's layout hook (freezeEditLayout.ts) whether the locale the Content Manager
 * loaded is released, and has the layout computed again whenever the edition, its locale or its
 * release changes (opening one, a release, adding a locale). Runs for every admin who sees the
 * edit view, whatever their plugin permissions.
 */
export function useFrozenEditionSync(model: string, document: LoadedDocument | undefined) {
  const [refreshLayout] = usePolicyLedgerRefreshEditLayoutMutation();
  // The loaded document's own id: while another one loads, the old one may still be shown.
  const documentId = typeof document?.documentId === 'string' ? document.documentId : null;
  const locale = typeof document?.locale === 'string' ? document.locale : null;
  const releasedAt = typeof document?.releasedAt === 'string' ? document.releasedAt : null;
  React.useEffect(() => {
    if (!documentId || !locale) return;
    recordEditionLocale(documentId, locale, releasedAt);
    // Even when that is already known: opening another edition in place (e.g. the new one made
    // from this one) changes the address but not the query, and the edit view would keep the
    // layout of the edition shown before.
    void refreshLayout({ model });
  }, [documentId, locale, model, refreshLayout, releasedAt]);
}
