import fs from 'node:fs';
import path from 'node:path';

/**
 * As in the host app's config/plugins.ts: the plugin is the repository root,
 * found by walking up from the compiled config (bench/out/build-<db>/…) to
 * the package.json named strapi-plugin-policy-ledger.
 */
function pluginRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'strapi-plugin-policy-ledger') {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('policy-ledger: cannot find the plugin root from ' + __dirname);
    dir = parent;
  }
}

export default ({ env }: { env: any }) => ({
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  'policy-ledger': {
    enabled: true,
    resolve: pluginRoot(),
    config: {
      effectDelayDays: env.int('POLICY_LEDGER_EFFECT_DELAY_DAYS', 7),
      requiredLocales: env.array('POLICY_LEDGER_REQUIRED_LOCALES', ['kk', 'ru']),
      fallbackLocales: { en: ['ru'], kk: ['ru'], ru: ['kk'] },
      subjectSecret: env('POLICY_LEDGER_SUBJECT_SECRET', null),
      fastPath: { enabled: env.bool('POLICY_LEDGER_FAST_PATH', true) },
      cache: {
        maxAge: env.int('POLICY_LEDGER_CACHE_MAX_AGE', 300),
        ttl: env.int('POLICY_LEDGER_CACHE_TTL', 5),
      },
    },
  },
});
