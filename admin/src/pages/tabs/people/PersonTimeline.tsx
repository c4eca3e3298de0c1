import * as React from 'react';

import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Eye } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { PersonRecord } from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { ConsentActionBadge } from '../../../components/labels';
import { versionLabel } from '../../../utils/versionLabel';
import { getTrad } from '../../../utils/getTrad';
import { formatInstant } from '../../../utils/time';

type PersonEvent = PersonRecord['events'][number];

/** Every decision, newest first, each with the exact text it refers to (shown on demand). */
export const PersonTimeline = ({ record }: { record: PersonRecord }) => {
  const { formatMessage } = useIntl();
  const events = [...record.events].reverse();
  return (
    <Card>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h3">
          {formatMessage({ id: getTrad('people.timeline'), defaultMessage: 'Decisions' })}
        </Typography>
        {events.map((event) => (
          <TimelineEvent key={event.id} event={event} texts={record.texts} />
        ))}
      </Flex>
    </Card>
  );
};

const TimelineEvent = ({ event, texts }: { event: PersonEvent; texts: PersonRecord['texts'] }) => {
  const { formatMessage, formatDate } = useIntl();
  const [open, setOpen] = React.useState(false);
  // A withdrawal refers to no text; a decision (granted, implied, denied) to the one shown.
  const text = event.contentHash
    ? texts.find(
        (t) =>
          t.policy === event.policy && t.version === event.version && t.locale === event.locale,
      )
    : undefined;
  const purposes = Object.entries(event.purposes)
    .map(([k, v]) => `${k}: ${v ? '✓' : '✗'}`)
    .join(', ');
  return (
    <Box
      borderColor="neutral200"
      hasRadius
      padding={4}
      data-testid="person-event"
      data-action={event.action}
      data-version={event.version}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={3} wrap="wrap" alignItems="center">
          <ConsentActionBadge action={event.action} />
          {event.linkedSubject ? (
            // A link entry (linked identities): the person's other pseudonym, no policy.
            <Typography fontWeight="bold" title={event.linkedSubject}>
              {`↔ ${event.linkedSubject.slice(0, 12)}…`}
            </Typography>
          ) : (
            <Typography fontWeight="bold">
              {`${event.policy} ${versionLabel(event.version, formatMessage)}`}
            </Typography>
          )}
          <Typography textColor="neutral600">
            {formatInstant(formatDate, event.occurredAt)}
          </Typography>
          <Typography textColor="neutral600">
            {[event.locale, event.form ? `${event.method} · ${event.form}` : event.method]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </Flex>
        {purposes ? <Typography variant="pi">{purposes}</Typography> : null}
        {event.evidence ? (
          <Typography variant="pi" textColor="neutral600">
            {[event.evidence.ip, event.evidence.userAgent, event.evidence.pageUrl]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        ) : null}
        <Flex gap={3} alignItems="center" wrap="wrap">
          {event.contentHash ? (
            <Typography variant="pi" textColor="neutral600" title={event.contentHash}>
              {formatMessage(
                { id: getTrad('people.text-hash'), defaultMessage: 'Text hash {hash}' },
                { hash: event.contentHash.slice(0, 16) },
              )}
            </Typography>
          ) : null}
          {text ? (
            <Button
              variant="tertiary"
              size="S"
              startIcon={<Eye />}
              data-testid="person-event-text"
              onClick={() => setOpen((o) => !o)}
            >
              {open
                ? formatMessage({
                    id: getTrad('people.text.hide'),
                    defaultMessage: 'Hide the text',
                  })
                : formatMessage({
                    id: getTrad('people.text.show'),
                    defaultMessage: 'Show the text accepted',
                  })}
            </Button>
          ) : null}
        </Flex>
        {open && text ? (
          <Box
            background="neutral100"
            padding={4}
            hasRadius
            data-testid="person-text"
            lang={text.locale}
          >
            <Typography variant="omega" fontWeight="bold" tag="p">
              {text.title}
            </Typography>
            <Typography variant="omega" tag="pre" style={{ whiteSpace: 'pre-wrap' }}>
              {text.body}
            </Typography>
          </Box>
        ) : null}
      </Flex>
    </Box>
  );
};
