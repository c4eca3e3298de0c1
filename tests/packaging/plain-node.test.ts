/**
 * The plugin's server as `npm run develop` and `npm run start` load it: with
 * plain Node, no TypeScript loader. Every file under dist/server is required
 * in a child process started without NODE_OPTIONS or --import; each module it
 * resolves must be a Node built-in, or lie under dist/ or a node_modules/
 * folder. A run-time require of TypeScript source (server/, shared/) fails
 * here, as it fails for a newcomer, while the suites (run under tsx) pass.
 *
 * Needs `npm run build:plugin` first (`npm test` runs it).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'server');

/** Runs in the child: requires every file, records what each resolved to. */
const PROBE = `
const Module = require('node:module');
const path = require('node:path');
const [dist, files] = [process.argv[1], JSON.parse(process.argv[2])];
const resolved = new Set();
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const file = original.call(this, request, parent, ...rest);
  resolved.add(file);
  return file;
};
const failures = [];
const shapes = {};
for (const f of files) {
  try {
    const m = require(path.join(dist, f));
    shapes[f] = Object.keys(m && m.default ? m.default : m);
  } catch (e) {
    failures.push(f + ': ' + String(e && e.message).split('\\n')[0]);
  }
}
process.stdout.write(JSON.stringify({ resolved: [...resolved], failures, shapes }));
`;

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return jsFiles(p);
    return d.name.endsWith('.js') ? [path.relative(DIST, p)] : [];
  });
}

describe('dist/server with plain Node (no loader), as strapi develop/start load it', () => {
  it('loads every file, and every module it needs is JavaScript under dist/ or node_modules/', () => {
    assert.ok(fs.existsSync(path.join(DIST, 'index.js')), 'run npm run build:plugin first');
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const out = execFileSync(
      process.execPath,
      ['-e', PROBE, DIST, JSON.stringify(jsFiles(DIST))],
      // No --import tsx: execArgv is not passed on to a child started this way.
      { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 },
    );
    const { resolved, failures, shapes } = JSON.parse(out) as {
      resolved: string[];
      failures: string[];
      shapes: Record<string, string[]>;
    };
    assert.deepEqual(failures, [], 'files under dist/server that plain Node cannot load');
    const outside = resolved.filter(
      (f) =>
        path.isAbsolute(f) &&
        !f.startsWith(path.join(ROOT, 'dist') + path.sep) &&
        !f.split(path.sep).includes('node_modules'),
    );
    assert.deepEqual(outside, [], 'modules required from outside dist/ and node_modules/');
    assert.deepEqual(
      resolved.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f)),
      [],
      'TypeScript files required at run time',
    );
    // The entry Strapi loads is the plugin's server object.
    for (const key of ['register', 'bootstrap', 'contentTypes', 'routes', 'services'])
      assert.ok(shapes['index.js']?.includes(key), `dist/server/index.js exports ${key}`);
  });
});
