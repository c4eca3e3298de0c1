import type { Core } from '@strapi/strapi';
import { ensureLocales } from './locales';
import { seedDemo } from './seed';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    const demo = process.env.POLICY_LEDGER_DEMO ?? 'true';
    if (process.env.NODE_ENV !== 'production' && demo !== 'false') {
      await seedDemo(strapi);
    }
  },
};
