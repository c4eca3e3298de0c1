import path from 'node:path';
import type { Plugin, UserConfig } from 'vite';

/**
 * The demo app runs the plugin from this repository. Strapi builds a local
 * plugin's admin from `exports["./strapi-admin"].import` in its package.json,
 * which is the published bundle (`dist/admin/index.mjs`, made by
 * `npm run build:package`). For the demo that import is answered with the
 * source, so `npm run develop` and `npm run build` need no package build and
 * the admin reloads on edit. An app that installs the package gets the bundle.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'admin', 'index.mjs');
const SOURCE = path.join(ROOT, 'admin', 'src', 'index.ts');

const adminFromSource: Plugin = {
  name: 'policy-ledger:admin-from-source',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer || !source.endsWith('dist/admin/index.mjs')) return null;
    return path.resolve(path.dirname(importer), source) === BUNDLE ? SOURCE : null;
  },
};

export default (config: UserConfig): UserConfig => ({
  ...config,
  plugins: [adminFromSource, ...(config.plugins ?? [])],
});
