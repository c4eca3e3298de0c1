// As a stock Strapi app has it: no `cron` key, so `server.cron.enabled` is
// false. Policy Ledger's sealing and retention jobs run anyway: they follow
// the plugin's own `jobs.enabled` (config/plugins.ts).
export default ({ env }: { env: any }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // The public address: double opt-in links point at it (unless the plugin's mail.confirmUrl is set).
  url: env('PUBLIC_URL', ''),
  app: { keys: env.array('APP_KEYS') },
});
