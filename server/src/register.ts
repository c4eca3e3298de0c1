import type { Core } from '@strapi/strapi';
import { registerGuards } from './guard';
import { registerModels } from './models';
import { registerFastPath } from './fast-path';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerModels(strapi);
  registerGuards(strapi);
  registerFastPath(strapi);
};
