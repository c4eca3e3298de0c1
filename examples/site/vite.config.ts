import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Inside the plugin's repository the kit comes from its own build (npm run
// build:kit); a copy of this folder gets it from node_modules.
const repoDist = fileURLToPath(new URL('../../dist/', import.meta.url));
const fromRepo = existsSync(`${repoDist}client/index.mjs`);

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  resolve: {
    alias: fromRepo
      ? {
          'strapi-plugin-policy-ledger/client': `${repoDist}client/index.mjs`,
          'strapi-plugin-policy-ledger/react': `${repoDist}react/index.mjs`,
        }
      : {},
  },
});
