// Copies the screenshots the guides in docs/ show from tests/artifacts/ (where
// the browser tests write them, `shot(name)` in tests/browser/admin.test.ts)
// into docs/images/. Run the browser tests first:
//
//   npm run test:browser && npm run docs:screenshots
//
// Fails, naming each one, when a screenshot is missing; copies nothing then.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const IMAGES = path.join(ROOT, 'docs', 'images');

/** The screenshots the guides and the README reference, by their `shot(name)`. */
export const SCREENSHOTS = [
  // docs/editors.md
  'content-manager-states',
  'content-manager-edition-plugin-zone',
  'content-manager-edition-frozen',
  'content-manager-new-edition',
  'release-too-early',
  'release-identical-text',
  'diff-words',
  // docs/privacy-officers.md (and the README: acceptance)
  'acceptance',
  'acceptance-people',
  'ledger',
  'people',
  'people-erased',
  'requests',
  'request-kept',
  'verify',
  'audit-trail',
  'audit-plugin-zone',
  'interface-kazakh',
];

/** Above this a screenshot is worth a look (a full page grown too long). */
const LARGE_BYTES = 400 * 1024;

const missing = SCREENSHOTS.filter((name) => !fs.existsSync(path.join(ARTIFACTS, `${name}.png`)));
if (missing.length > 0) {
  console.error(
    `docs:screenshots: missing in tests/artifacts/ (run npm run test:browser): ${missing
      .map((name) => `${name}.png`)
      .join(', ')}`,
  );
  process.exit(1);
}
fs.mkdirSync(IMAGES, { recursive: true });
for (const name of SCREENSHOTS) {
  const to = path.join(IMAGES, `${name}.png`);
  fs.copyFileSync(path.join(ARTIFACTS, `${name}.png`), to);
  const { size } = fs.statSync(to);
  const note = size > LARGE_BYTES ? ' (large: over 400 KB)' : '';
  console.log(`docs/images/${name}.png  ${Math.round(size / 1024)} KB${note}`);
}
