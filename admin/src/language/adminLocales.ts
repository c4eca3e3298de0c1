/**
 * The admin panel's interface languages as the host app configured them (`config.locales` in its
 * src/admin/app.tsx, plus English), recorded when Strapi asks the plugin for its translations
 * (registerTrads runs before the admin renders).
 *
 * Strapi's Profile page lists only the configured languages it has a name for (its own fixed
 * `languageNativeNames` table, which has no Kazakh); the plugin's interface-language switch
 * (components/InterfaceLanguage.tsx) lists every configured one.
 */
let configured: readonly string[] = ['en'];

/** Records the admin locales Strapi passed to registerTrads. */
export function recordAdminLocales(locales: readonly string[]): void {
  configured = [...new Set(['en', ...locales.filter((l) => typeof l === 'string' && l)])];
}

/** The configured admin locales, English first. */
export const adminLocales = (): readonly string[] => configured;

/** The plugin's own languages, named when the browser's Intl cannot name them. */
const KNOWN_NAMES: Record<string, string> = { en: 'English', ru: 'Русский', kk: 'Қазақ тілі' };

/** A language's name in that language ("Русский", "Қазақ тілі"); else its code. */
export function nativeLanguageName(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
    if (name && name !== locale) return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    // An invalid tag: named below.
  }
  return Object.prototype.hasOwnProperty.call(KNOWN_NAMES, locale) ? KNOWN_NAMES[locale] : locale;
}
