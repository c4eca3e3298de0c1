export default ({ env }: { env: any }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  // bench/server.ts sets CRON_ENABLED=false: no sealing job competes with the load.
  cron: { enabled: env.bool('CRON_ENABLED', true) },
  // No update check from a bench run.
  logger: { updates: { enabled: false } },
});
