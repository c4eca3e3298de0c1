import { PLUGIN_ID } from '../pluginId';

/** Turns a key of admin/src/translations/*.json into the message id registered by registerTrads. */
export const getTrad = (id: string): string => `${PLUGIN_ID}.${id}`;
