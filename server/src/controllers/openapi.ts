import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { version } from '../../../package.json';
import { PLUGIN_ID } from '../constants';
import { openApiDocument } from '../openapi/document';
import { contentApiRoutes } from '../routes/content-api';

/** GET /openapi.json: the content API's OpenAPI 3.1 document, public. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let body: string | null = null;
  return {
    async document(ctx: Context) {
      const prefix = (strapi.config.get('api.rest.prefix', '/api') as string).replace(/\/$/, '');
      body ??= JSON.stringify(openApiDocument(contentApiRoutes, `${prefix}/${PLUGIN_ID}`, version));
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.vary('Origin');
      ctx.type = 'application/json';
      ctx.body = body;
    },
  };
};
