/**
 * One Strapi instance in its own process, for multi-instance tests. Boots the
 * host app on the database the environment names, listens on an ephemeral
 * port, prints `READY <port>`, and obeys its parent over IPC: move the clock,
 * run a job. Every instance shares the secrets the parent passes in.
 */
// First: keeps the demo's .env out (before @strapi/strapi loads it).
import './no-dotenv';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createStrapi } from '@strapi/strapi';
// @ts-expect-error -- plain ESM build script without types
import { buildPlugin, transpile } from '../../scripts/build-plugin.mjs';
import type { ControllableClock } from '../../server/src/domain/clock';

const ROOT = path.resolve(__dirname, '..', '..');

interface Command {
  id: number;
  cmd: 'clock' | 'seal' | 'retention' | 'limits' | 'stop';
  at?: string;
  /** For `limits`: the plugin's `limits` option to use from now on, none: the booted one (the counts are cleared). */
  limits?: unknown;
}

async function main() {
  const buildDir = path.join(ROOT, '.tmp', `instance-${process.pid}`);
  if (process.env.INSTANCE_BUILD_PLUGIN !== 'false') await buildPlugin();
  await transpile(path.join(ROOT, 'config'), path.join(buildDir, 'config'));
  await transpile(path.join(ROOT, 'src'), path.join(buildDir, 'src'));
  const strapi = createStrapi({
    appDir: ROOT,
    distDir: buildDir,
    autoReload: false,
    serveAdminPanel: false,
  });
  strapi.log.level = 'error';
  await strapi.load();
  strapi.server.mount();
  await new Promise<void>((resolve) =>
    strapi.server.httpServer.listen(0, '127.0.0.1', () => resolve()),
  );
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  const service = (name: string) => strapi.plugin('policy-ledger').service(name);
  const bootLimits = strapi.config.get('plugin::policy-ledger.limits');

  process.on('message', async (m: Command) => {
    try {
      let result: unknown = null;
      if (m.cmd === 'clock') (service('clock') as ControllableClock).set(m.at as string);
      if (m.cmd === 'seal') result = await service('integrity').runSealJob();
      if (m.cmd === 'retention') result = await service('retention').runRetentionJob();
      if (m.cmd === 'limits') {
        strapi.config.set('plugin::policy-ledger.limits', m.limits ?? bootLimits);
        await (service('limits') as { clear(): Promise<void> }).clear();
      }
      if (m.cmd === 'stop') {
        await strapi.destroy();
        process.send?.({ id: m.id, result: null });
        process.exit(0);
      }
      process.send?.({ id: m.id, result });
    } catch (e) {
      process.send?.({ id: m.id, error: (e as Error).message });
    }
  });
  console.log(`READY ${port}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
