import { ControllableClock } from '../domain/clock';

/**
 * One clock per process: every time decision of the plugin reads it, through
 * utils/plugin.ts `clock()`; the `clock` service hands the same one to the
 * tests and the demo seed, which stop and move it.
 */
export const pluginClock = new ControllableClock();
