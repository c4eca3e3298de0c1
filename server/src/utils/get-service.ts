import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { PluginServices } from '../services/registry';

/** A service of this plugin, with its type. */
export type ServiceOf<N extends keyof PluginServices> = PluginServices[N];

/** The plugin's service `name`, typed: getService(strapi, 'catalog').snapshot(key). */
export function getService<N extends keyof PluginServices>(
  strapi: Core.Strapi,
  name: N,
): ServiceOf<N> {
  return strapi.plugin(PLUGIN_ID).service(name) as ServiceOf<N>;
}
