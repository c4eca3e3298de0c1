import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type services from '../services';

type Services = typeof services;

/** A service of this plugin, with its type. */
export type ServiceOf<N extends keyof Services> = ReturnType<Services[N]>;

/** The plugin's service `name`, typed: getService(strapi, 'catalog').snapshot(key). */
export function getService<N extends keyof Services>(strapi: Core.Strapi, name: N): ServiceOf<N> {
  return strapi.plugin(PLUGIN_ID).service(name) as ServiceOf<N>;
}
