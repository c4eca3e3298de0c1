export default ({ env }: { env: any }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  // Policy Ledger's sealing and retention jobs run on Strapi's cron.
  cron: { enabled: env.bool('CRON_ENABLED', true) },
});
