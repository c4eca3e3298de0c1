import { Shield } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';

import { EditionPanel } from './components/EditionPanel';
import { NewEditionAction } from './components/edition/NewEditionAction';
import { MUTATE_EDIT_VIEW_LAYOUT, freezeEditLayout } from './content-manager/freezeEditLayout';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { getTrad } from './utils/getTrad';
import { prefixPluginTranslations } from './utils/prefixPluginTranslations';

type Messages = Record<string, string>;

/**
 * Translation files, loaded lazily (one chunk per locale) like the core
 * plugins do. A locale without a file gets no plugin messages, so the
 * components fall back to their English defaultMessage.
 */
const translations: Record<string, () => Promise<{ default: Messages }>> = {
  en: () => import('./translations/en.json'),
  ru: () => import('./translations/ru.json'),
  kk: () => import('./translations/kk.json'),
};

type ContentManagerApis = ContentManagerPlugin['config']['apis'];

export default {
  register(app: StrapiApp) {
    // Main menu -> Policy Ledger (/admin/plugins/policy-ledger), for admins who may read policies.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Shield,
      intlLabel: { id: getTrad('plugin.name'), defaultMessage: 'Policy Ledger' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Policy Ledger' });
  },

  bootstrap(app: Pick<StrapiApp, 'getPlugin' | 'registerHook'>) {
    const contentManager = app.getPlugin('content-manager');
    const apis = contentManager?.apis as Partial<ContentManagerApis> | undefined;
    if (typeof apis?.addEditViewSidePanel === 'function') {
      apis.addEditViewSidePanel([EditionPanel]);
    }
    if (typeof apis?.addDocumentAction === 'function') {
      apis.addDocumentAction([NewEditionAction]);
    }
    // A released edition's locale is read-only in the edit view (the server refuses changes).
    app.registerHook(MUTATE_EDIT_VIEW_LAYOUT, freezeEditLayout);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = Object.prototype.hasOwnProperty.call(translations, locale)
          ? translations[locale]
          : undefined;
        if (!load) return { data: {}, locale };
        try {
          const { default: data } = await load();
          return { data: prefixPluginTranslations(data, PLUGIN_ID), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
