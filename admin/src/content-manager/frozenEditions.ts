/**
 * Which edition locales the Content Manager has shown as released, for the edit view's layout
 * hook (freezeEditLayout.ts), which runs outside React and cannot fetch anything. Filled by the
 * edition side panel from the document the Content Manager loaded (useFrozenEditionSync.ts).
 * A locale the edition does not have is never here: creating it stays possible.
 */
const released = new Map<string, string>();

const keyOf = (documentId: string, locale: string) => `${documentId}\u0000${locale}`;

/** When that locale of the edition was released, if it is frozen; else null. */
export function frozenSince(documentId: string, locale: string): string | null {
  return released.get(keyOf(documentId, locale)) ?? null;
}

/** Records what the Content Manager loaded: that locale released at `releasedAt`, or not. */
export function recordEditionLocale(documentId: string, locale: string, releasedAt: string | null) {
  const key = keyOf(documentId, locale);
  if (releasedAt) released.set(key, releasedAt);
  else released.delete(key);
}
