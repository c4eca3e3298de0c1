// The package's type declarations (dist/admin/src, dist/server/src) import
// the shared contracts as ../shared/contracts relative to dist: this copies
// shared/contracts/*.ts (type declarations only) to dist/shared/contracts/*.d.ts.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'shared', 'contracts');
const to = join(root, 'dist', 'shared', 'contracts');
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((n) => n.endsWith('.ts'))) {
  cpSync(join(from, name), join(to, name.replace(/\.ts$/, '.d.ts')));
}
