import type { Core } from '@strapi/strapi';
import { configuredLocales } from '../config';
import { pluginConfig } from './plugin';

interface I18nLocales {
  find(): Promise<Array<{ code: string }>>;
  getDefaultLocale(): Promise<string | null | undefined>;
}

const i18n = (strapi: Core.Strapi) => strapi.plugin('i18n').service('locales') as I18nLocales;

/** The codes of the locales the host's i18n plugin has. */
export async function i18nLocales(strapi: Core.Strapi): Promise<string[]> {
  return (await i18n(strapi).find()).map((l) => l.code);
}

/**
 * The locales an edition needs before release when its policy sets none:
 * `requiredLocales` from the plugin config, else the host's i18n default
 * locale (read each time: an admin may change it in Settings).
 */
export async function configuredRequiredLocales(strapi: Core.Strapi): Promise<string[]> {
  const configured = pluginConfig(strapi).requiredLocales;
  if (configured) return configured;
  return [(await i18n(strapi).getDefaultLocale()) || 'en'];
}

/** A policy's own `requiredLocales` when it sets a non-empty list, else the plugin's. */
export async function requiredLocalesOf(
  strapi: Core.Strapi,
  policy: { requiredLocales?: unknown } | null,
): Promise<string[]> {
  const own = policy?.requiredLocales;
  if (Array.isArray(own) && own.length > 0 && own.every((l) => typeof l === 'string'))
    return own as string[];
  return configuredRequiredLocales(strapi);
}

/** Every locale the configuration names (required, fallback sources and targets) that i18n does not have. */
export async function unknownConfiguredLocales(
  strapi: Core.Strapi,
): Promise<Array<{ locale: string; option: string }>> {
  const known = new Set(await i18nLocales(strapi));
  return configuredLocales(pluginConfig(strapi)).filter((n) => !known.has(n.locale));
}
