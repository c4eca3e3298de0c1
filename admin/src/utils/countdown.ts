import type { IntlShape } from 'react-intl';

import type { EditionState } from '../../../shared/contracts';
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

interface Schedulable {
  state: EditionState;
  effectiveAt: string | null;
}

/** When a scheduled edition takes effect (ms); null for an edition in any other state. */
export function scheduledAt(edition: Schedulable): number | null {
  if (edition.state !== 'scheduled' || !edition.effectiveAt) return null;
  const at = new Date(edition.effectiveAt).getTime();
  return Number.isFinite(at) ? at : null;
}

/** The earliest instant one of `editions` takes effect, or null when none is scheduled. */
export function nextScheduledAt(editions: Schedulable[]): number | null {
  let next: number | null = null;
  for (const edition of editions) {
    const at = scheduledAt(edition);
    if (at !== null && (next === null || at < next)) next = at;
  }
  return next;
}
