// Builds the frontend kit into the package (run by build:package after
// `strapi-plugin build`, which empties dist/):
//   dist/client/index.mjs   the typed client: no dependencies, ESM for browsers, Node 20, edge;
//   dist/react/index.mjs    hooks and components; imports react and
//                           strapi-plugin-policy-ledger/client (one client per page);
//   dist/react/styles.css   optional starting styles (CSS variables);
//   dist/cli/verify-receipt.mjs  the offline receipt verifier (package `bin`);
//   dist/cli/witness.mjs    the checkpoint-log witness (package `bin`);
//   dist/types/…            declarations (tsc), the shared contracts beside them, reached
//                           through dist/{client,react}/index.d.mts (TypeScript finds
//                           those beside the .mjs: the package exports them as strings,
//                           as @strapi/sdk-plugin builds every export written as an object);
//   dist/size-report.json   what each adds to a page, min+gzip, against its budget.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REACT_EXTERNAL, clientImport, measureKit, overBudget, sizeTable } from './kit-size.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const common = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2020',
  jsx: 'automatic',
  legalComments: 'none',
  logLevel: 'warning',
};

for (const dir of ['client', 'react', 'cli', 'types'])
  rmSync(join(dist, dir), { recursive: true, force: true });

await build({
  ...common,
  entryPoints: [join(root, 'client/src/index.ts')],
  outfile: join(dist, 'client/index.mjs'),
});
await build({
  ...common,
  entryPoints: [join(root, 'react/src/index.ts')],
  outfile: join(dist, 'react/index.mjs'),
  external: REACT_EXTERNAL,
  plugins: [clientImport(root, true)],
});
copyFileSync(join(root, 'react/src/styles.css'), join(dist, 'react/styles.css'));
// The command-line tools (package `bin`): the receipt and evidence-pack verifier
// (`npx policy-ledger-verify-receipt`) and the checkpoint-log witness (`policy-ledger-witness`).
for (const tool of ['verify-receipt', 'witness']) {
  await build({
    ...common,
    platform: 'node',
    target: 'node20',
    entryPoints: [join(root, `cli/${tool}.ts`)],
    outfile: join(dist, `cli/${tool}.mjs`),
    banner: { js: '#!/usr/bin/env node' },
    packages: 'external',
  });
}

// Declarations only; the React layer's name their client by its package path.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
for (const project of ['client', 'react']) {
  execFileSync(process.execPath, [tsc, '-p', join(root, project, 'tsconfig.json')], {
    stdio: 'inherit',
  });
}
for (const file of [
  'types/client/src/index.d.ts',
  'types/react/src/index.d.ts',
  'types/shared/contracts/content-api.d.ts',
  'types/shared/proof/receipt.d.ts',
]) {
  if (!existsSync(join(dist, file))) throw new Error(`build-frontend: ${file} was not emitted`);
}
// The server's and the contracts' declarations import the receipt proof (shared/proof) as
// ../shared/proof: its declarations, emitted above, go beside the contracts.
cpSync(join(dist, 'types/shared/proof'), join(dist, 'shared/proof'), { recursive: true });
for (const entry of ['client', 'react']) {
  writeFileSync(
    join(dist, entry, 'index.d.mts'),
    `export * from '../types/${entry}/src/index.js';\n`,
  );
}

const report = await measureKit(root);
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'size-report.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`Frontend kit, bytes (${report.method}):\n${sizeTable(report)}`);
const over = overBudget(report);
if (over.length) console.warn(`OVER BUDGET: ${over.join(', ')} (npm run bench:size fails)`);
