import type { Core } from '@strapi/strapi';
import { registerGuards } from './document-guards';
import { registerModels } from './db/tables';
import { registerFastPath } from './fast-path';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerModels(strapi);
  registerGuards(strapi);
  registerFastPath(strapi);
};
