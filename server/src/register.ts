import type { Core } from '@strapi/strapi';
import { registerGuards } from './guard';
import { registerModels } from './models';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerModels(strapi);
  registerGuards(strapi);
};
