import type { Core } from '@strapi/strapi';

const LOCALES = [
  { code: 'kk', name: 'Kazakh (kk)' },
  { code: 'ru', name: 'Russian (ru)' },
  { code: 'en', name: 'English (en)' },
];

/**
 * Creates the kk, ru and en locales on first boot (i18n creates `en`) and
 * makes Kazakh the default. An admin's later changes are left alone.
 */
export async function ensureLocales(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'core', name: 'host-app' });
  if (await store.get({ key: 'locales-initialized' })) return;
  const locales = strapi.plugin('i18n').service('locales');
  const existing = (await locales.find()) as Array<{ code: string }>;
  for (const l of LOCALES) {
    if (!existing.some((e) => e.code === l.code)) await locales.create(l);
  }
  await locales.setDefaultLocale({ code: 'kk' });
  await store.set({ key: 'locales-initialized', value: true });
}
