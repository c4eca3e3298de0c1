import { pluginClock } from '../utils/clock';

/** The clock (domain/clock.ts): the system clock unless a test or the demo seed moves it. */
const clockService = () => pluginClock;

export default clockService;

declare module './registry' {
  interface PluginServices {
    clock: ReturnType<typeof clockService>;
  }
}
