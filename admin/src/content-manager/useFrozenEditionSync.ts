import * as React from 'react';

import { usePolicyLedgerRefreshEditLayoutMutation } from '../services/contentManager';
import { recordEditionLocale } from './frozenEditions';

/** The document the Content Manager loaded (any of its fields). */
type LoadedDocument = Record<string, unknown>;

/**
 * Tells the edit view's layout hook (freezeEditLayout.ts) whether the locale the Content Manager
 * loaded is released, and has the layout computed again when that changes (on opening a released
 * edition, after a release, after adding a locale). Runs for every admin who sees the edit view,
 * whatever their plugin permissions.
 */
export function useFrozenEditionSync(
  model: string,
  documentId: string | undefined,
  document: LoadedDocument | undefined,
) {
  const [refreshLayout] = usePolicyLedgerRefreshEditLayoutMutation();
  const locale = typeof document?.locale === 'string' ? document.locale : null;
  const releasedAt = typeof document?.releasedAt === 'string' ? document.releasedAt : null;
  React.useEffect(() => {
    if (!documentId || !locale) return;
    if (recordEditionLocale(documentId, locale, releasedAt)) void refreshLayout({ model });
  }, [documentId, locale, model, refreshLayout, releasedAt]);
}
