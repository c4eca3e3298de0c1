import { ControllableClock } from '../domain/clock';

// One clock per process: every time decision of the plugin reads it.
const clockInstance = new ControllableClock();

/** The clock (domain/clock.ts): the system clock unless a test or the demo seed moves it. */
export default () => clockInstance;
