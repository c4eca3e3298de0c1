// npm run bench:size — what the frontend kit adds to a site's bundle,
// minified and gzipped, against its budgets (client ≤ 5 kB, React layer ≤
// 10 kB, React itself not counted). Writes bench/SIZE.md; exits 1 over budget.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureKit } from '../scripts/kit-size.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = await measureKit(root);
const kb = (n) => `${(n / 1024).toFixed(2)} kB`;
const rows = Object.entries(report.bundles).map(
  ([name, r]) =>
    `| ${name} | ${r.min.toLocaleString('en')} B | ${r.minGzip.toLocaleString('en')} B (${kb(r.minGzip)}) | ${kb(r.budget)} | ${r.minGzip <= r.budget ? '✅ met' : '❌ over'} |`,
);
const md = `# Frontend kit size

Written by \`npm run bench:size\` (= \`node bench/size.mjs\`) on ${new Date().toISOString()}.
Measured: ${report.measured}. \`react\` is the React layer alone (it imports
the client by its package name, so a site has one copy); \`react+client\` is
both. Budgets from the issue: client ≤ 5 kB, React layer ≤ 10 kB.

| bundle | minified | min+gzip | budget | status |
|---|---|---|---|---|
${rows.join('\n')}
`;
writeFileSync(join(root, 'bench/SIZE.md'), md);
console.log(md);
const over = Object.values(report.bundles).some((r) => r.minGzip > r.budget);
process.exit(over ? 1 : 0);
