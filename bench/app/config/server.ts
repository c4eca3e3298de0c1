export default ({ env }: { env: any }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  // Behind a trusted proxy (Koa's `proxy`): the client address is X-Forwarded-For's, so the
  // `*-1000addr` scenarios (bench/run.ts) can send from 1,000 addresses. A request without the
  // header (every other scenario) is served as without a proxy, from its socket's address.
  proxy: { koa: env.bool('BENCH_TRUST_PROXY', true) },
  // bench/server.ts sets POLICY_LEDGER_JOBS=false (config/plugins.ts): no sealing job competes with the load.
  // No update check from a bench run.
  logger: { updates: { enabled: false } },
});
