// A brand-new Strapi app with the packed plugin installed, as a user gets it:
//
//   node scripts/stock-app.mjs [DIR]      (default $TMPDIR/policy-ledger-stock/app-strapi<version>-node<major>)
//   node scripts/stock-app.mjs --newest-strapi   (prints the newest 5.x the registry serves in full)
//
// The app lives outside this repository, so that nothing in it can resolve a
// package from this repository's node_modules.
//
// 1. packs this repository (`npm pack`: the prepack script runs
//    `strapi-plugin build`) into $TMPDIR/policy-ledger-stock/;
// 2. generates DIR with create-strapi-app from its built-in TypeScript
//    template (registry packages only: no example app, no template download,
//    no cloud login, no git), at the Strapi version STOCK_STRAPI names:
//    `pinned` (default: the version this repository develops against),
//    `newest` (the newest 5.x whose packages the registry serves in full,
//    chosen now and printed), or an exact version;
// 3. installs the tarball into it, plus `pg` (what a PostgreSQL user adds);
// 4. adds the plugin to config/plugins.ts exactly as the README's install
//    section says, and nothing else: server, middlewares and the rest stay
//    as generated;
// 5. builds it (`strapi build`).
//
// tests/stock/stock-app.test.ts uses these steps and then boots the app.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WORK = path.join(os.tmpdir(), 'policy-ledger-stock');

/** What the README's "Install in your Strapi app" section adds to config/plugins.ts. */
export const PLUGIN_ENTRY = `  'policy-ledger': {
    enabled: true,
    config: {
      subjectSecret: env('POLICY_LEDGER_SUBJECT_SECRET'),
    },
  },
`;

const quietEnv = () => ({
  ...process.env,
  STRAPI_TELEMETRY_DISABLED: 'true',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_update_notifier: 'false',
});

/** Runs a command; when it fails, `recover()` (if given) may repair and return true to go on. */
function run(cmd, args, cwd, extraEnv = {}, recover = null) {
  console.log(`$ (${path.relative(ROOT, cwd) || '.'}) ${cmd} ${args.join(' ')}`);
  try {
    execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...quietEnv(), ...extraEnv } });
  } catch (e) {
    if (!recover || !recover()) throw e;
  }
}

export const pinnedStrapi = () =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies[
    '@strapi/strapi'
  ];

const npmView = (spec, field) => {
  try {
    const out = execFileSync('npm', ['view', spec, field, '--json', '--loglevel=error'], {
      env: quietEnv(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return out ? JSON.parse(out) : undefined;
  } catch {
    return undefined; // E404: not on the registry
  }
};

const byVersion = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

/**
 * Whether a new app at Strapi `version` can be installed from the registry:
 * create-strapi-app, the template's Strapi plugins and every @strapi package
 * @strapi/strapi depends on exist at the versions named. (A registry can list
 * @strapi/strapi before its siblings.)
 */
function installable(version) {
  const deps = npmView(`@strapi/strapi@${version}`, 'dependencies');
  if (!deps) return false;
  const wanted = [
    `create-strapi-app@${version}`,
    `@strapi/plugin-users-permissions@${version}`,
    `@strapi/plugin-cloud@${version}`,
    ...Object.entries(deps)
      .filter(([name]) => name.startsWith('@strapi/'))
      .map(([name, range]) => `${name}@${range}`),
  ];
  return wanted.every((spec) => npmView(spec, 'version') !== undefined);
}

/** The newest 5.x Strapi the registry serves in full (at least the pinned one). */
export function newestStrapi() {
  const pinned = pinnedStrapi();
  const listed = [npmView('@strapi/strapi@5', 'version')].flat().filter(Boolean);
  const candidates = listed
    .filter((v) => /^\d+\.\d+\.\d+$/.test(v) && byVersion(v, pinned) > 0)
    .sort(byVersion)
    .reverse();
  for (const v of candidates) {
    if (installable(v)) return v;
    console.error(`Strapi ${v} is listed, but not all of its packages are served: skipped`);
  }
  return pinned;
}

/** The Strapi version STOCK_STRAPI names (see the header). */
export function stockStrapi(which = process.env.STOCK_STRAPI ?? 'pinned') {
  if (which === 'pinned') return pinnedStrapi();
  if (which === 'newest') return newestStrapi();
  if (!/^\d+\.\d+\.\d+$/.test(which))
    throw new Error(`STOCK_STRAPI: pinned, newest or x.y.z, not ${which}`);
  return which;
}

/** `npm pack` of this repository into WORK; returns the tarball's path. */
export function pack() {
  fs.mkdirSync(WORK, { recursive: true });
  for (const f of fs.readdirSync(WORK)) if (f.endsWith('.tgz')) fs.rmSync(path.join(WORK, f));
  const out = execFileSync(
    'npm',
    ['pack', '--pack-destination', WORK, '--json', '--loglevel=error'],
    { cwd: ROOT, env: quietEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // The prepack build logs to stdout too: the JSON is the last thing npm prints.
  const [info] = JSON.parse(out.slice(out.lastIndexOf('[\n  {')));
  return { tarball: path.join(WORK, info.filename), files: info.files.map((f) => f.path) };
}

/** Generates a stock TypeScript Strapi app in `dir` (removed first) with its dependencies installed. */
export function createApp(dir, version = pinnedStrapi()) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  run(
    'npx',
    [
      '--yes',
      `create-strapi-app@${version}`,
      path.basename(dir),
      '--ts',
      '--no-example',
      '--skip-cloud',
      '--no-git-init',
      '--use-npm',
      '--skip-db',
      '--no-run',
      '--install',
      '--non-interactive',
    ],
    path.dirname(dir),
    {},
    () => {
      // A fresh app resolves its dependencies anew: a package published minutes ago can
      // name a sibling the registry does not list yet (ETARGET). Ask again, for fresh metadata.
      if (!fs.existsSync(path.join(dir, 'package.json'))) return false;
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          run('npm', ['install', '--prefer-online', '--loglevel=error'], dir);
          return true;
        } catch (e) {
          console.log(`npm install failed (attempt ${attempt} of 3): ${e.message}`);
          execFileSync('sleep', [String(20 * attempt)]);
        }
      }
      return false;
    },
  );
}

/** Installs the tarball (and pg) into the app, and enables the plugin as the README says. */
export function installPlugin(dir, tarball) {
  run('npm', ['install', '--loglevel=error', tarball, 'pg'], dir);
  const file = path.join(dir, 'config', 'plugins.ts');
  const source = fs.readFileSync(file, 'utf8');
  const end = source.lastIndexOf('});');
  if (end < 0 || source.includes("'policy-ledger'"))
    throw new Error(`unexpected ${file}:\n${source}`);
  fs.writeFileSync(file, source.slice(0, end) + PLUGIN_ENTRY + source.slice(end));
}

/** `strapi build`: the app's TypeScript and its admin panel, the plugin's admin bundle included. */
export function buildApp(dir) {
  run('npx', ['strapi', 'build'], dir, { NODE_OPTIONS: '--max-old-space-size=4096' });
}

/** Every step; returns the app's folder, its Strapi version and the packed tarball. */
export function prepare(dir = null, version = stockStrapi()) {
  const node = process.versions.node;
  const appDir = dir ?? path.join(WORK, `app-strapi${version}-node${node.split('.')[0]}`);
  console.log(`stock app: Strapi ${version} on Node.js ${node} in ${appDir}`);
  const packed = pack();
  createApp(appDir, version);
  installPlugin(appDir, packed.tarball);
  buildApp(appDir);
  return { dir: appDir, version, ...packed };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--newest-strapi') {
    console.log(newestStrapi());
    process.exit(0);
  }
  const { dir, tarball } = prepare(process.argv[2] ? path.resolve(process.argv[2]) : null);
  console.log(
    `\nA stock Strapi app with ${path.basename(tarball)} installed: ${dir}\n  cd ${dir} && npm run develop`,
  );
}
