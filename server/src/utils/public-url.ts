import type { Core } from '@strapi/strapi';

/**
 * The absolute URL of one of the plugin's public routes, as a person opens it
 * from an e-mail: the app's address as Strapi knows it (`server.url`, else
 * host and port) and its REST prefix. `path` starts with "/".
 */
export function publicApiUrl(strapi: Core.Strapi, path: string): string {
  const server = String(strapi.config.get('server.absoluteUrl') ?? '').replace(/\/$/, '');
  const prefix = String(strapi.config.get('api.rest.prefix') ?? '/api');
  return `${server}${prefix}/policy-ledger${path}`;
}
