import type { Core } from '@strapi/strapi';
import { ensureLocales } from '../../../src/locales';
import { seedDemo } from '../../../src/seed';

const ARTICLE = 'api::article.article';
const PERMISSION = 'plugin::users-permissions.permission';
/** What the stock scenarios call as the Public role. */
const PUBLIC_ARTICLE_ACTIONS = [`${ARTICLE}.find`, `${ARTICLE}.findOne`, `${ARTICLE}.create`];

/** Grants the Public role the article actions, as server/src/bootstrap.ts grants the plugin's. */
async function grantPublicArticleActions(strapi: Core.Strapi) {
  const role = (await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } })) as { id: number } | null;
  if (!role) throw new Error('bench app: users-permissions has no Public role');
  const existing = (await strapi.db.query(PERMISSION).findMany({
    where: { role: { id: role.id }, action: { $in: PUBLIC_ARTICLE_ACTIONS } },
  })) as Array<{ action: string }>;
  for (const action of PUBLIC_ARTICLE_ACTIONS) {
    if (existing.some((p) => p.action === action)) continue;
    await strapi.documents(PERMISSION).create({ data: { action, role: role.id } as never });
  }
}

export default {
  register() {},

  /** Runs after every plugin's bootstrap: users-permissions has created its roles by now. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await seedDemo(strapi); // the host's demo: policy "privacy" (edition 1 in force) and form "contact"
    await grantPublicArticleActions(strapi);
    if ((await strapi.db.query(ARTICLE).count()) === 0) {
      await strapi.documents(ARTICLE).create({
        data: {
          title: 'Bench article',
          body:
            'The one article `stock-findone` reads.\n\n' +
            'Lorem ipsum dolor sit amet. '.repeat(20),
        } as never,
      });
    }
  },
};
