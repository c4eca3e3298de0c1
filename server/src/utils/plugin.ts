import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import type { Clock } from '../domain/clock';

export function pluginConfig(strapi: Core.Strapi): PluginConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;
}

export function clock(strapi: Core.Strapi): Clock {
  return strapi.plugin(PLUGIN_ID).service('clock') as Clock;
}

export function tableOf(strapi: Core.Strapi, uid: string): string {
  return strapi.db.metadata.get(uid as never).tableName;
}

export function columnOf(strapi: Core.Strapi, uid: string, attribute: string): string {
  const attr = strapi.db.metadata.get(uid as never).attributes[attribute] as { columnName?: string } | undefined;
  if (!attr?.columnName) throw new Error(`No column for ${uid}.${attribute}`);
  return attr.columnName;
}

export function isSqlite(strapi: Core.Strapi): boolean {
  return strapi.db.dialect.client === 'sqlite';
}
