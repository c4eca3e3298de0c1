import { ControllableClock } from '../domain/clock';
import catalog from './catalog';
import editions from './editions';

// One clock per process: every time decision of the plugin reads it.
const clockInstance = new ControllableClock();

export default {
  clock: () => clockInstance,
  catalog,
  editions,
};
