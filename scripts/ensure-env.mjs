// Creates .env from .env.example on first run, filling every empty secret
// with a random value, so `npm run develop` works on a fresh clone.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, '.env');
if (!existsSync(target)) {
  const random = () => randomBytes(24).toString('base64');
  const SECRETS = new Set([
    'API_TOKEN_SALT',
    'ADMIN_JWT_SECRET',
    'TRANSFER_TOKEN_SALT',
    'ENCRYPTION_KEY',
    'JWT_SECRET',
    'POLICY_LEDGER_SUBJECT_SECRET',
  ]);
  const lines = readFileSync(join(root, '.env.example'), 'utf8')
    .split('\n')
    .map((line) => {
      const m = /^([A-Z_]+)=$/.exec(line);
      if (!m) return line;
      if (m[1] === 'APP_KEYS') return `APP_KEYS=${[random(), random()].join(',')}`;
      return SECRETS.has(m[1]) ? `${m[1]}=${random()}` : line;
    });
  writeFileSync(target, lines.join('\n'));
  console.log('Created .env with fresh random secrets (development only).');
}
