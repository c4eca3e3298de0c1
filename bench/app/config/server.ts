export default ({ env }: { env: any }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  // bench/server.ts sets POLICY_LEDGER_JOBS=false (config/plugins.ts): no sealing job competes with the load.
  // No update check from a bench run.
  logger: { updates: { enabled: false } },
});
