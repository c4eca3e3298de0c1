import type { Core } from '@strapi/strapi';
import { resolveConfig, resolvePurposes, resolveTimestamping, type PluginConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import type { Clock } from '../domain/clock';
import { pluginClock } from './clock';

const configs = new WeakMap<Core.Strapi, PluginConfig>();

/**
 * The plugin's complete configuration: the host's entry with the defaults
 * applied (see config/index.ts). It is resolved once per Strapi instance
 * (hot paths ask for it on every request, and `strapi.config.get` is not free).
 */
export function pluginConfig(strapi: Core.Strapi): PluginConfig {
  let c = configs.get(strapi);
  if (!c) {
    const raw = strapi.config.get(`plugin::${PLUGIN_ID}`);
    c = resolveConfig(raw);
    if (raw) configs.set(strapi, c);
  }
  return c;
}

/** The time-stamping options as configured now (see config/index.ts resolveTimestamping). */
export function timestampingConfig(strapi: Core.Strapi): PluginConfig['timestamping'] {
  return resolveTimestamping(strapi.config.get(`plugin::${PLUGIN_ID}.timestamping`));
}

const purposes = new WeakMap<Core.Strapi, { raw: unknown; resolved: PluginConfig['purposes'] }>();

/**
 * The `purposes` option as configured now (see config/index.ts
 * resolvePurposes): read on each use, validated again only when the app
 * changed it (consent checks ask on every call).
 */
export function purposesConfig(strapi: Core.Strapi): PluginConfig['purposes'] {
  const raw = strapi.config.get(`plugin::${PLUGIN_ID}.purposes`);
  const seen = purposes.get(strapi);
  if (seen && seen.raw === raw) return seen.resolved;
  const resolved = resolvePurposes(raw);
  purposes.set(strapi, { raw, resolved });
  return resolved;
}

/** The plugin's clock (utils/clock.ts): read it for every time decision. */
export function clock(_strapi: Core.Strapi): Clock {
  return pluginClock;
}

export function tableOf(strapi: Core.Strapi, uid: string): string {
  return strapi.db.metadata.get(uid as never).tableName;
}

export function columnOf(strapi: Core.Strapi, uid: string, attribute: string): string {
  const attr = strapi.db.metadata.get(uid as never).attributes[attribute] as
    { columnName?: string } | undefined;
  if (!attr?.columnName) throw new Error(`No column for ${uid}.${attribute}`);
  return attr.columnName;
}

/** The plugin's time zone: `timeZone` from the configuration, else the host's own. */
export function timeZoneOf(strapi: Core.Strapi): string {
  return pluginConfig(strapi).timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
