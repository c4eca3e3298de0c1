import { ControllableClock } from '../domain/clock';
import catalog from './catalog';
import editions from './editions';
import forms from './forms';
import health from './health';
import ledger from './ledger';
import integrity from './integrity';
import retention from './retention';
import publicAccess from './public-access';
import reports from './reports';

// One clock per process: every time decision of the plugin reads it.
const clockInstance = new ControllableClock();

export default {
  clock: () => clockInstance,
  catalog,
  editions,
  forms,
  health,
  ledger,
  integrity,
  retention,
  reports,
  publicAccess,
  // Holds the fast path's switch (see fast-path.ts); tests flip it.
  fastPath: () => ({ state: { enabled: false } as { enabled: boolean } }),
};
