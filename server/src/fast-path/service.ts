import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../utils/plugin';

/**
 * The fast path's state (fast-path/index.ts): whether it answers, from
 * `fastPath.enabled`, and how many requests it answered each way.
 */
const fastPathService = ({ strapi }: { strapi: Core.Strapi }) => ({
  state: { enabled: pluginConfig(strapi).fastPath.enabled, raw: 0, submissions: 0 },
});

export default fastPathService;

declare module '../services/registry' {
  interface PluginServices {
    'fast-path': ReturnType<typeof fastPathService>;
  }
}
