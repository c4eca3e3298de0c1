import { Shield } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';

import { EditionPanel } from './components/EditionPanel';
import { contentManagerMessages } from './content-manager/contentManagerMessages';
import { addEditionStateColumn } from './content-manager/editionStateColumn';
import { NewEditionAction } from './components/edition/NewEditionAction';
import {
  INJECT_COLUMN_IN_TABLE,
  hideEditionInstants,
  zoneEditionListInstants,
} from './content-manager/editionInstants';
import { MUTATE_EDIT_VIEW_LAYOUT, freezeEditLayout } from './content-manager/freezeEditLayout';
import { recordAdminLocales } from './language/adminLocales';
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
    // The editions' list shows each edition's state (a cancelled one is not mistaken for a scheduled one).
    app.registerHook(INJECT_COLUMN_IN_TABLE, addEditionStateColumn);
    // An edition's instants in the plugin's time zone: the panel shows them, the list formats them.
    app.registerHook(MUTATE_EDIT_VIEW_LAYOUT, hideEditionInstants);
    app.registerHook(INJECT_COLUMN_IN_TABLE, zoneEditionListInstants);
  },

  /**
   * The plugin's messages (prefixed with its id) and, from the same files, the Content Manager's
   * labels of its content types (content-manager/contentManagerMessages.ts). The locales are the
   * admin's configured ones: the interface-language switch lists them.
   */
  async registerTrads({ locales }: { locales: string[] }) {
    recordAdminLocales(locales);
    return Promise.all(
      locales.map(async (locale) => {
        const load = Object.prototype.hasOwnProperty.call(translations, locale)
          ? translations[locale]
          : undefined;
        if (!load) return { data: {}, locale };
        try {
          const { default: data } = await load();
          return {
            data: { ...prefixPluginTranslations(data, PLUGIN_ID), ...contentManagerMessages(data) },
            locale,
          };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
