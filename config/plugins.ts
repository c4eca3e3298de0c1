import fs from 'node:fs';
import path from 'node:path';

/**
 * The plugin lives at the root of this repository. The compiled config runs
 * from another folder, so the root is found by walking up to our package.json.
 */
function pluginRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'strapi-plugin-policy-ledger'
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('policy-ledger: cannot find the plugin root from ' + __dirname);
    dir = parent;
  }
}

/**
 * Strapi's email plugin sends the double opt-in links and notices. With
 * SMTP_HOST set, through that SMTP server (the tests run a local one);
 * without, Strapi's default (sendmail), and the plugin warns at boot.
 */
const email = (env: any) =>
  env('SMTP_HOST')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              ignoreTLS: !env.bool('SMTP_SECURE', false),
              // Keep connections open between messages (nodemailer's pool).
              pool: true,
              ...(env('SMTP_USERNAME')
                ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } }
                : {}),
            },
            settings: {
              defaultFrom: env('SMTP_FROM', 'Policy Ledger demo <no-reply@policy-ledger.test>'),
            },
          },
        },
      }
    : {};

export default ({ env }: { env: any }) => ({
  ...email(env),
  // The root package.json is the plugin's, so users-permissions is a
  // devDependency here and is named explicitly (an app lists it in its
  // `dependencies`, where Strapi finds it by itself).
  'users-permissions': {
    enabled: true,
    resolve: path.dirname(require.resolve('@strapi/plugin-users-permissions/package.json')),
    config: { jwtSecret: env('JWT_SECRET') },
  },
  'policy-ledger': {
    enabled: true,
    resolve: pluginRoot(),
    config: {
      // The Kazakhstan preset: every edition in Kazakh and Russian, English
      // served from Russian when missing. (Without it the plugin requires the
      // app's i18n default locale.)
      requiredLocales: env.array('POLICY_LEDGER_REQUIRED_LOCALES', ['kk', 'ru']),
      fallbackLocales: { en: ['ru'], kk: ['ru'], ru: ['kk'] },
      effectDelayDays: env.int('POLICY_LEDGER_EFFECT_DELAY_DAYS', 7),
      subjectSecret: env('POLICY_LEDGER_SUBJECT_SECRET', null),
      fastPath: { enabled: env.bool('POLICY_LEDGER_FAST_PATH', true) },
      durability: env('POLICY_LEDGER_DURABILITY', 'full'),
      // Abuse limits on the public routes (the plugin's defaults; the test
      // suites and the benchmark raise them from the environment).
      limits: {
        enabled: env.bool('POLICY_LEDGER_LIMITS', true),
        perAddress: { points: env.int('POLICY_LEDGER_LIMIT_PER_ADDRESS', 60), seconds: 60 },
        perSubject: { points: env.int('POLICY_LEDGER_LIMIT_PER_SUBJECT', 10), seconds: 600 },
      },
      cache: {
        maxAge: env.int('POLICY_LEDGER_CACHE_MAX_AGE', 300),
        ttl: env.int('POLICY_LEDGER_CACHE_TTL', 5),
      },
      // What a purpose declares: a marketing grant lasts a year, and Global
      // Privacy Control applies to it (a browser sending Sec-GPC: 1 grants it
      // only with the person's explicit acknowledgement).
      purposes: { marketing: { renewAfterDays: 365, gpc: true } },
      // Calendar days (a request's receipt and due date) in Almaty.
      timeZone: env('POLICY_LEDGER_TIME_ZONE', 'Asia/Almaty'),
      // A Kazakhstan-style preset for the requests register: short terms in
      // working days and the public holidays of 2026–2027. Illustrative: check
      // the current law and the government's transfers of days off.
      requests: {
        deadlines: {
          access: { days: 3, count: 'working' },
          correction: { days: 3, count: 'working' },
          erasure: { days: 3, count: 'working' },
          withdrawal: { days: 3, count: 'working' },
          objection: { days: 10, count: 'working' },
        },
        holidays: [
          ...['01-01', '01-02', '01-07', '03-08', '03-21', '03-22', '03-23', '05-01', '05-07'],
          ...['05-09', '07-06', '08-30', '10-25', '12-16'],
        ]
          .flatMap((d) => [`2026-${d}`, `2027-${d}`])
          .concat(['2026-05-27', '2027-05-16']),
      },
      // The test suites turn the jobs off and run sealing and retention themselves.
      jobs: { enabled: env.bool('POLICY_LEDGER_JOBS', true) },
    },
  },
});
