/**
 * npm run bench:size — what the frontend kit adds to a site's JavaScript,
 * minified and gzipped, against its budgets: client ≤ 5 kB, React layer
 * (with the client it imports; React itself not counted) ≤ 10 kB. Prints the
 * table, writes bench/results/SIZE.md, exits 1 when a bundle is over budget.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'results', 'SIZE.md');

async function main() {
  const { measureKit, overBudget, sizeTable } = await import('../scripts/kit-size.mjs');
  const esbuild = (await import('esbuild')).version;
  const report = await measureKit(ROOT);
  const table = sizeTable(report);
  console.log(table);
  const n = (x: number) => x.toLocaleString('en');
  const rows = Object.entries(report.bundles).map(([name, r]) => {
    const verdict =
      r.budget === null ? '—' : `${n(r.budget)} B: ${r.minGzip <= r.budget ? 'met' : 'OVER'}`;
    return `| ${name} | ${n(r.min)} B | **${n(r.minGzip)} B** | ${verdict} |`;
  });
  const md = [
    '# Frontend kit size',
    '',
    `Measured by \`npm run bench:size\` (= \`node --import tsx bench/size.ts\`) on`,
    `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, esbuild ${esbuild}, ${os.platform()}-${os.arch()}.`,
    '',
    `Method: ${report.method}. 1 kB = 1,000 B.`,
    '`client` is `strapi-plugin-policy-ledger/client`; `react (alone)` is',
    '`strapi-plugin-policy-ledger/react` without the client it imports;',
    '`react + client` is everything the React layer adds to a page beyond React',
    'itself, and is what the React budget (10 kB) is checked against.',
    '',
    '| bundle | minified | min+gzip | budget |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, md);
  console.log(`\nwritten: ${path.relative(ROOT, OUT)}`);
  const over = overBudget(report);
  if (over.length) {
    console.error(`over budget: ${over.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
