import type { Core } from '@strapi/strapi';
import { registerGuards } from './document-guards';
import { registerModels } from './db/models';
import { registerFastPath } from './fast-path';
import { registerBodyGuard } from './http/body-guard';
import { registerCorsHeaders } from './http/cors';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerModels(strapi);
  registerGuards(strapi);
  registerCorsHeaders(strapi); // first: outside both ways in
  registerFastPath(strapi);
  registerBodyGuard(strapi); // hostile bodies: 400/415, not 500
};
