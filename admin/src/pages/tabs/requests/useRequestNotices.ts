import type {
  RequestAction,
  RequestStatus,
  SubjectRequestEntry,
} from '../../../../../shared/contracts';
import { usePluginMessage } from '../../../hooks/usePluginMessage';
import { selector } from './requestLabels';

const count = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** What a status change or an action taken from a request's panel did, in words, to notify. */
export function useRequestNotices(request: SubjectRequestEntry) {
  const t = usePluginMessage();
  return {
    moved: (to: RequestStatus): string =>
      t(
        'requests.moved',
        '{to, select, verifying {Request moved to the identity check} in_progress {Identity checked: the request is in progress} done {Request marked done} refused {Request refused} other {Request updated}}.',
        { to: selector(to) },
      ),
    acted: (action: RequestAction, result: Record<string, unknown>): string => {
      const values = {
        contact: request.contact,
        submissions: count(result.submissions),
        events: count(result.events),
        evidence: count(result.evidence),
        withdrawn: count(result.withdrawn),
      };
      if (action === 'export') {
        return t(
          'requests.exported',
          'The data of {contact} was saved as a file: {submissions, plural, one {# submission} other {# submissions}}, {events, plural, one {# decision} other {# decisions}}.',
          values,
        );
      }
      if (action === 'erase') {
        return t(
          'requests.erased',
          'Erased the data of {contact}: {submissions, plural, one {# submission} other {# submissions}}, {evidence, plural, one {# evidence record} other {# evidence records}}.',
          values,
        );
      }
      return t(
        'requests.withdrawn',
        'Withdrew the consent of {contact}: {withdrawn, plural, =0 {there was none to withdraw} one {# withdrawal recorded} other {# withdrawals recorded}}.',
        values,
      );
    },
  };
}
