import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';
import { getService } from './utils/get-service';

export default {
  register,
  bootstrap,
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    getService(strapi, 'mailer').stop();
    await getService(strapi, 'limits').close();
  },
  config,
  contentTypes,
  controllers,
  policies,
  routes,
  services,
};
