// What the frontend kit adds to a page: each entry bundled and minified as a
// site's bundler would, React left out (a site has it anyway), then gzipped.
import { build } from 'esbuild';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = { client: 5 * 1024, react: 10 * 1024 };

async function minGzip(root, entry, external, plugins = []) {
  const out = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    jsx: 'automatic',
    legalComments: 'none',
    write: false,
    external,
    plugins,
  });
  const bytes = out.outputFiles[0].contents;
  return { min: bytes.length, minGzip: gzipSync(bytes, { level: 9 }).length };
}

/** Sizes in bytes: the client alone, the React layer without and with the client. */
export async function measureKit(root) {
  const react = ['react', 'react/jsx-runtime', 'react-dom'];
  const clientExternal = {
    name: 'client-external',
    setup(b) {
      b.onResolve({ filter: /\/client\/src$/ }, () => ({ path: 'client', external: true }));
    },
  };
  return {
    measured: 'esbuild --bundle --minify (ES2020, ESM), gzip -9; React not counted',
    bundles: {
      client: { ...(await minGzip(root, 'client/src/index.ts', [])), budget: BUDGETS.client },
      react: {
        ...(await minGzip(root, 'react/src/index.ts', react, [clientExternal])),
        budget: BUDGETS.react,
      },
      'react+client': {
        ...(await minGzip(root, 'react/src/index.ts', react)),
        budget: BUDGETS.react + BUDGETS.client,
      },
    },
  };
}
