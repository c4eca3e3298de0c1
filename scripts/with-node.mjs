// Runs a command under another major version of Node.js, taken from the npm
// registry (the `node-<platform>-<arch>` package that ships the official
// binary), so CI can test the versions the README names:
//
//   node scripts/with-node.mjs 22 npm run test:stock
//
// The binary is installed once into .tmp/node<major>/ and put first on PATH
// for the command (npm, npx and every `node` they start use it); native
// addons compile against the headers the same package ships.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [major, ...command] = process.argv.slice(2);
if (!/^\d+$/.test(major ?? '') || command.length === 0) {
  console.error('usage: node scripts/with-node.mjs <major> <command> [args…]');
  process.exit(2);
}

const pkg = `node-${process.platform}-${process.arch}`;
const prefix = path.join(ROOT, '.tmp', `node${major}`);
const bin = path.join(prefix, 'node_modules', pkg, 'bin');
if (!fs.existsSync(path.join(bin, 'node'))) {
  fs.mkdirSync(prefix, { recursive: true });
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `${pkg}@${major}`,
    ],
    { stdio: 'inherit' },
  );
}
const env = {
  ...process.env,
  PATH: `${bin}${path.delimiter}${process.env.PATH}`,
  // Native addons (better-sqlite3) build against this version's headers, which the package
  // ships in include/node; node-gyp would otherwise use the machine's or download them.
  npm_config_nodedir: path.join(prefix, 'node_modules', pkg),
};
const version = execFileSync(path.join(bin, 'node'), ['--version'], { encoding: 'utf8' }).trim();
console.log(`with Node.js ${version}: ${command.join(' ')}`);
const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env });
process.exit(result.status ?? 1);
