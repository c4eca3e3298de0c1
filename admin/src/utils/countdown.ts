import type { IntlShape } from 'react-intl';

import { getTrad } from './getTrad';
import { splitDuration } from './time';

/** "takes effect in 6 d 23 h", "… in 5 h 12 min", "… in 7 min". */
export function countdownText(
  remainingMs: number,
  formatMessage: IntlShape['formatMessage'],
): string {
  if (remainingMs <= 0) {
    return formatMessage({ id: getTrad('countdown.now'), defaultMessage: 'takes effect now' });
  }
  const { days, hours, minutes } = splitDuration(remainingMs);
  if (days > 0) {
    return formatMessage(
      { id: getTrad('countdown.days'), defaultMessage: 'takes effect in {days} d {hours} h' },
      { days, hours },
    );
  }
  if (hours > 0) {
    return formatMessage(
      { id: getTrad('countdown.hours'), defaultMessage: 'takes effect in {hours} h {minutes} min' },
      { hours, minutes },
    );
  }
  return formatMessage(
    { id: getTrad('countdown.minutes'), defaultMessage: 'takes effect in {minutes} min' },
    { minutes: Math.max(1, minutes) },
  );
}
