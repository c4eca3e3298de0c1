import type { OverviewEdition } from '../../../../../shared/contracts';

/**
 * The locale the Diff shows first, among those both editions have: the admin's interface
 * language ("ru", "kk-KZ") if the policy has it, else the policy's default locale, else the
 * first in order.
 */
export const defaultDiffLocale = (
  locales: readonly string[],
  interfaceLocale: string | undefined,
  policyDefault: string | null,
): string => {
  const primary = (interfaceLocale ?? '').toLowerCase().split(/[-_]/)[0];
  const exact = locales.find((l) => l.toLowerCase() === (interfaceLocale ?? '').toLowerCase());
  const byLanguage = locales.find((l) => l.toLowerCase().split(/[-_]/)[0] === primary);
  return (
    exact ??
    byLanguage ??
    (policyDefault && locales.includes(policyDefault) ? policyDefault : undefined) ??
    locales[0] ??
    ''
  );
};

/**
 * An edition in the Diff's pickers: "v3 · In force · 2026-03-01". A draft has no version, so it
 * is named once by its state ("Draft · <title>"), not "Draft · Draft".
 */
export const editionOptionLabel = (
  edition: Pick<OverviewEdition, 'version' | 'editionDate' | 'title'>,
  version: string,
  state: string,
): string => {
  const parts = edition.version === null ? [state] : [version, state];
  if (edition.editionDate) parts.push(edition.editionDate);
  else if (edition.title) parts.push(edition.title);
  return parts.join(' · ');
};
