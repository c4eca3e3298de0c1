// What the frontend kit adds to a site's JavaScript: each entry bundled and
// minified as a site's bundler would (ESM, ES2020), React left out (the site
// has it anyway), then gzipped at level 9 with node:zlib.
import { build } from 'esbuild';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets in bytes (1 kB = 1,000 B), min+gzip. */
export const BUDGETS = { client: 5_000, react: 10_000 };
export const CLIENT_IMPORT = 'strapi-plugin-policy-ledger/client';
export const REACT_EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime'];

/**
 * The React layer imports the client as `../../client/src` (so its declarations
 * name the client's own): in a bundle, that import becomes the package's
 * (`external`, one client per page) or the client's source is bundled with it.
 */
export const clientImport = (root, external) => ({
  name: 'policy-ledger-client',
  setup(b) {
    b.onResolve({ filter: /\/client\/src$/ }, () =>
      external
        ? { path: CLIENT_IMPORT, external: true }
        : { path: join(root, 'client/src/index.ts') },
    );
    b.onResolve({ filter: /\/client\/src\// }, (args) =>
      args.kind === 'entry-point'
        ? undefined
        : { errors: [{ text: `import the client as "../../client/src", not ${args.path}` }] },
    );
  },
});

async function minGzip(root, entry, { clientExternal }) {
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
    external: REACT_EXTERNAL,
    plugins: [clientImport(root, clientExternal)],
  });
  const bytes = out.outputFiles[0].contents;
  return { min: bytes.length, minGzip: gzipSync(bytes, { level: 9 }).length };
}

/** Sizes in bytes of the client, the React layer alone, and both (all the kit adds beyond React). */
export async function measureKit(root) {
  const client = await minGzip(root, 'client/src/index.ts', { clientExternal: true });
  const react = await minGzip(root, 'react/src/index.ts', { clientExternal: true });
  const both = await minGzip(root, 'react/src/index.ts', { clientExternal: false });
  return {
    method:
      'esbuild bundle --minify, ESM, ES2020; react, react-dom, react/jsx-runtime external; gzip -9 (node:zlib)',
    bundles: {
      client: { ...client, budget: BUDGETS.client },
      'react (alone)': { ...react, budget: null },
      'react + client': { ...both, budget: BUDGETS.react },
    },
  };
}

/** The report as a text table, one line per bundle. */
export function sizeTable(report) {
  const n = (x) => x.toLocaleString('en');
  const lines = [
    `${'bundle'.padEnd(16)}${'minified'.padStart(10)}${'min+gzip'.padStart(10)}  budget`,
  ];
  for (const [name, r] of Object.entries(report.bundles)) {
    const verdict =
      r.budget === null ? '' : `${n(r.budget)} ${r.minGzip <= r.budget ? 'ok' : 'OVER'}`;
    lines.push(
      `${name.padEnd(16)}${n(r.min).padStart(10)}${n(r.minGzip).padStart(10)}  ${verdict}`,
    );
  }
  return lines.join('\n');
}

export const overBudget = (report) =>
  Object.entries(report.bundles)
    .filter(([, r]) => r.budget !== null && r.minGzip > r.budget)
    .map(([name]) => name);
