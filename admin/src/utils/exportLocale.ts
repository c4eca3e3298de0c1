import type { SubjectExportLocale } from '../../../shared/contracts';

const OFFERED: readonly SubjectExportLocale[] = ['en', 'ru', 'kk'];

/**
 * The language of a readable export for an admin interface language ("ru", "kk-KZ", "en-GB"):
 * its primary tag if the export is offered in it, else English.
 */
export const exportLocale = (interfaceLocale: string | undefined): SubjectExportLocale => {
  const primary = (interfaceLocale ?? '').toLowerCase().split(/[-_]/)[0];
  return OFFERED.find((l) => l === primary) ?? 'en';
};
