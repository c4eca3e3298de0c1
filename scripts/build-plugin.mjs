// Builds the plugin's server code (server/src, TypeScript, and the shared/
// code it imports) into dist/server as CommonJS bundles that plain Node
// loads, which is what package.json's "./strapi-server" export points at
// when this repository runs as the demo app (`npm run develop`, `npm run
// start`, the test suites):
//
//   dist/server/index.js   the plugin's server entry
//   dist/server/worker.js  the verification worker thread's entry
//                          (verification/in-worker.ts starts it beside the entry)
//
// Packages under node_modules stay external; everything of this repository is
// bundled in, so nothing at run time requires TypeScript source
// (tests/packaging/plain-node.test.ts checks it). The npm package's dist/server
// comes from `strapi-plugin build` instead, plus the worker built here
// (`node scripts/build-plugin.mjs --worker-only`). Type-checking is a
// separate step (npm run typecheck).
import { build } from 'esbuild';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverOut = join(root, 'dist', 'server');

const common = {
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
};

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|json)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/**
 * Transpiles every .ts (and copies every .json) under `srcDir` into `outDir`,
 * file by file: for the demo host app's config/ and src/, which import
 * nothing of this repository outside themselves.
 */
export async function transpile(srcDir, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const entryPoints = sources(srcDir).filter((p) => p.endsWith('.ts'));
  await build({
    entryPoints,
    outdir: outDir,
    outbase: srcDir,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  // JSON files are required at run time.
  for (const p of sources(srcDir).filter((x) => x.endsWith('.json'))) {
    cpSync(p, join(outDir, p.slice(srcDir.length)));
  }
}

/** dist/server/worker.js: the verification worker, one self-contained file. */
export async function buildWorker(sourcemap = false) {
  await build({
    ...common,
    entryPoints: [join(root, 'server', 'src', 'verification', 'worker.ts')],
    outfile: join(serverOut, 'worker.js'),
    sourcemap: sourcemap ? 'inline' : false,
  });
}

/** dist/server for the demo app and the tests: the entry and the worker. */
export async function buildPlugin() {
  rmSync(serverOut, { recursive: true, force: true });
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'server', 'src', 'index.ts')],
      outfile: join(serverOut, 'index.js'),
      sourcemap: 'inline',
    }),
    buildWorker(true),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  (process.argv.includes('--worker-only') ? buildWorker() : buildPlugin()).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
