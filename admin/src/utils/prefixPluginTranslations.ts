/**
 * Same as @strapi/i18n's admin helper: every key of a plugin translation file
 * gets the plugin id as prefix ("panel.title" -> "policy-ledger.panel.title").
 * Keys that already carry the prefix are kept as they are.
 */
export const prefixPluginTranslations = (
  trad: Record<string, string>,
  pluginId: string,
): Record<string, string> => {
  const prefix = `${pluginId}.`;
  return Object.fromEntries(
    Object.entries(trad).map(([key, value]) => [
      key.startsWith(prefix) ? key : `${prefix}${key}`,
      value,
    ]),
  );
};
