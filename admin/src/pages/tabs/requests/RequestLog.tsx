import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type {
  RequestActionTaken,
  RequestStatusChange,
  SubjectRequestEntry,
} from '../../../../../shared/contracts';
import { usePluginMessage } from '../../../hooks/usePluginMessage';
import { formatCalendarDate, formatInstant } from '../../../utils/time';
import { selector, useRequestLabels } from './requestLabels';

type Entry =
  | { kind: 'change'; at: string; change: RequestStatusChange }
  | { kind: 'action'; at: string; action: RequestActionTaken };

const count = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * What was done on a request, oldest first, as sentences: "12 Dec 2026, 10:08 GMT+5 — admin@x
 * erased their data: 1 submission, 2 evidence records." The recording, each status change (with
 * what was typed for it) and each action taken.
 */
export const RequestLog = ({ request }: { request: SubjectRequestEntry }) => {
  const { formatDate } = useIntl();
  const t = usePluginMessage();
  const labels = useRequestLabels();
  const when = (at: string) => formatInstant(formatDate, at) ?? at;

  const entries: Entry[] = [
    ...request.changes.map((change) => ({ kind: 'change' as const, at: change.at, change })),
    ...request.actions.map((action) => ({ kind: 'action' as const, at: action.at, action })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  const changeLine = (c: RequestStatusChange) => (
    <Flex
      key={`change-${c.at}-${c.to}`}
      direction="column"
      alignItems="flex-start"
      gap={1}
      data-testid="request-change"
      data-to={c.to}
    >
      <Typography variant="omega">
        {t(
          'requests.log.status',
          '{when} — {by} {to, select, verifying {started checking their identity} in_progress {started work on it} done {marked it done} refused {refused it} other {moved it to “{status}”}}.',
          { when: when(c.at), by: c.by, to: selector(c.to), status: labels.status(c.to) },
        )}
      </Typography>
      {c.identityMethod ? (
        <Detail>
          {t('requests.log.identity', 'Identity checked: {method}', { method: c.identityMethod })}
        </Detail>
      ) : null}
      {c.reason ? (
        <Detail>{t('requests.log.reason', 'Reason: {reason}', { reason: c.reason })}</Detail>
      ) : null}
      {c.note ? <Detail>{t('requests.log.note', 'Note: {note}', { note: c.note })}</Detail> : null}
    </Flex>
  );

  const actionLine = (a: RequestActionTaken) => {
    const values = {
      when: when(a.at),
      by: a.by,
      submissions: count(a.result.submissions),
      events: count(a.result.events),
      evidence: count(a.result.evidence),
      withdrawn: count(a.result.withdrawn),
    };
    const sentence =
      a.action === 'export'
        ? t(
            'requests.log.export',
            '{when} — {by} exported their data: {submissions, plural, one {# submission} other {# submissions}}, {events, plural, one {# decision} other {# decisions}}.',
            values,
          )
        : a.action === 'erase'
          ? t(
              'requests.log.erase',
              '{when} — {by} erased their data: {submissions, plural, one {# submission} other {# submissions}}, {evidence, plural, one {# evidence record} other {# evidence records}}.',
              values,
            )
          : t(
              'requests.log.withdraw',
              '{when} — {by} withdrew their consent: {withdrawn, plural, =0 {there was none to withdraw} one {# withdrawal recorded} other {# withdrawals recorded}}.',
              values,
            );
    return (
      <Typography
        key={`action-${a.at}-${a.action}`}
        variant="omega"
        data-testid="request-action-taken"
        data-action={a.action}
      >
        {sentence}
      </Typography>
    );
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="request-log">
      <Typography variant="sigma" textColor="neutral600" tag="h4">
        {t('requests.log', 'What was done')}
      </Typography>
      <Typography variant="omega" data-testid="request-recorded">
        {t('requests.log.created', '{when} — {by} recorded the request, received on {received}.', {
          when: when(request.createdAt),
          by: request.createdBy,
          received: formatCalendarDate(formatDate, request.receivedOn) ?? request.receivedOn,
        })}
      </Typography>
      {entries.map((e) => (e.kind === 'change' ? changeLine(e.change) : actionLine(e.action)))}
    </Flex>
  );
};

const Detail = ({ children }: { children: string }) => (
  <Box paddingLeft={4}>
    <Typography variant="pi" textColor="neutral600">
      {children}
    </Typography>
  </Box>
);
