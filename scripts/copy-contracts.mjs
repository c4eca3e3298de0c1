// The package's type declarations (dist/admin/src, dist/server/src) import
// shared/ as ../shared relative to dist: this copies shared/contracts/*.ts
// (type declarations only) to dist/shared/contracts/*.d.ts, and emits the
// declarations of the shared modules that hold values too (shared/rbac.ts).
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'shared', 'contracts');
const to = join(root, 'dist', 'shared', 'contracts');
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((n) => n.endsWith('.ts'))) {
  cpSync(join(from, name), join(to, name.replace(/\.ts$/, '.d.ts')));
}

const withValues = [join(root, 'shared', 'rbac.ts')];
const program = ts.createProgram(withValues, {
  declaration: true,
  emitDeclarationOnly: true,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  rootDir: join(root, 'shared'),
  outDir: join(root, 'dist', 'shared'),
});
const { diagnostics } = program.emit();
if (diagnostics.length) {
  console.error(ts.formatDiagnostics(diagnostics, ts.createCompilerHost({})));
  process.exit(1);
}
