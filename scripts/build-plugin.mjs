// Transpiles the plugin's server code (server/src, TypeScript) to dist/server
// (CommonJS), which is what package.json's "./strapi-server" export points at.
// Type-checking is a separate step (npm run typecheck).
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|json)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Transpiles every .ts (and copies every .json) under `srcDir` into `outDir`. */
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
  // JSON files (content-type schemas) are required at run time.
  const { cpSync } = await import('node:fs');
  for (const p of sources(srcDir).filter((x) => x.endsWith('.json'))) {
    cpSync(p, join(outDir, p.slice(srcDir.length)));
  }
}

export async function buildPlugin() {
  await transpile(join(root, 'server', 'src'), join(root, 'dist', 'server'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildPlugin().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
