// Builds the frontend kit into the package: dist/client/index.mjs (the typed
// client, no dependencies) and dist/react/index.mjs (hooks and components;
// React and the client stay imports), ES modules for browsers, Node 20 and
// edge runtimes; declarations in dist/types. Then measures what each adds to
// a page, minified and gzipped, into dist/size-report.json.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureKit } from './kit-size.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLIENT_IMPORT = 'strapi-plugin-policy-ledger/client';

/** The React layer imports the client by its package name: one copy on a page. */
export const clientAsPackage = {
  name: 'client-as-package',
  setup(b) {
    b.onResolve({ filter: /\/client\/src$/ }, () => ({ path: CLIENT_IMPORT, external: true }));
  },
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2020',
  jsx: 'automatic',
  legalComments: 'none',
  logLevel: 'warning',
};

for (const dir of ['client', 'react', 'types'])
  rmSync(join(root, 'dist', dir), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: [join(root, 'client/src/index.ts')],
  outfile: join(root, 'dist/client/index.mjs'),
});
await build({
  ...common,
  entryPoints: [join(root, 'react/src/index.ts')],
  outfile: join(root, 'dist/react/index.mjs'),
  external: ['react', 'react/jsx-runtime', 'react-dom'],
  plugins: [clientAsPackage],
});
execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(root, 'react/tsconfig.json'),
    '--noEmit',
    'false',
  ],
  { stdio: 'inherit' },
);

// package.json exports these as plain strings (strapi-plugin build would try
// to build an object export itself); TypeScript then looks for declarations
// next to each module.
for (const kit of ['client', 'react']) {
  writeFileSync(
    join(root, `dist/${kit}/index.d.mts`),
    `export * from '../types/${kit}/src/index.js';\n`,
  );
}

const report = await measureKit(root);
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/size-report.json'), `${JSON.stringify(report, null, 2)}\n`);
for (const [name, r] of Object.entries(report.bundles)) {
  console.log(
    `${name.padEnd(16)} ${String(r.minGzip).padStart(6)} B min+gzip (budget ${r.budget} B)${r.minGzip > r.budget ? '  OVER BUDGET' : ''}`,
  );
}
