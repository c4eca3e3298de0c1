import type { IntlShape } from 'react-intl';

import type { SetupWarning } from '../../../shared/contracts';
import { getTrad } from '../utils/getTrad';

const DEFAULT_MESSAGE: Record<SetupWarning['code'], string> = {
  'sealing-behind':
    'Sealing is behind: {unsealed} consent events are not sealed into a checkpoint, the oldest for {age} s (expected within {expected} s). Check that an instance runs the plugin’s jobs (jobs.enabled) and its log for “seal job failed”.',
  'sealing-off':
    'Sealing is off on this instance (jobs.enabled: false): consent events are sealed into checkpoints only if another instance runs the jobs.',
  'subject-secret-missing':
    'subjectSecret is not set: subject pseudonyms use a fixed development secret that anyone can recompute. Set one (at least 16 characters) before collecting real data; outside development Strapi refuses to start without it.',
  'unknown-locale':
    'Locale “{locale}” ({option}) is not a locale of this app: add it in Settings → Internationalization, or change {option} in the plugin’s configuration.',
};

/** A server warning in the admin's language (the server's English text is the fallback). */
export const warningText = (w: SetupWarning, formatMessage: IntlShape['formatMessage']): string =>
  formatMessage(
    { id: getTrad(`warning.${w.code}`), defaultMessage: DEFAULT_MESSAGE[w.code] ?? w.message },
    w.values,
  );
