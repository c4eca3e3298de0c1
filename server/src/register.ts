import type { Core } from '@strapi/strapi';
import { registerGuards } from './guard';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerGuards(strapi);
};
