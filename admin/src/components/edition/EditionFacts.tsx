import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { EditionStatus } from '../../../../shared/contracts';
import { usePluginMessage } from '../../hooks/usePluginMessage';
import { countdownText } from '../../utils/countdown';
import { getTrad } from '../../utils/getTrad';
import { formatCalendarDate, formatInstant } from '../../utils/time';
import { EditionStateBadge, changeKindLabel } from '../labels';
import { versionLabel } from '../../utils/versionLabel';
import { Stat } from '../Stat';
import { TimesInZone } from './TimesInZone';
import { FrozenNotice } from './FrozenNotice';
import { Notice } from './Notice';

interface EditionFactsProps {
  status: EditionStatus;
  /** The locale the edit view shows: when it was released, if not with the edition. */
  locale?: string | null;
  /** Time left until a scheduled edition takes effect (ms, on the server's clock), else null. */
  remaining: number | null;
}

/**
 * The edition's state, version, policy and dates, one labelled row each, and its countdown. The
 * edition's instants are shown here only (the edit view hides their date pickers), in the
 * plugin's time zone, which is named.
 */
export const EditionFacts = ({ status, locale = null, remaining }: EditionFactsProps) => {
  const { formatMessage, formatDate } = useIntl();
  const label = usePluginMessage();
  const notSet = label('panel.not-set', '—');
  // A locale added after the release has its own release instant (or none yet).
  const localeReleasedAt = locale
    ? (status.locales.find((l) => l.locale === locale)?.releasedAt ?? null)
    : null;

  return (
    <>
      <Stat variant="omega" label={label('panel.state', 'State')}>
        <EditionStateBadge state={status.state} />
      </Stat>

      <Stat variant="omega" label={label('panel.version', 'Version')}>
        {versionLabel(status.version, formatMessage, {
          id: getTrad('panel.version.none'),
          defaultMessage: 'not released',
        })}
      </Stat>

      <Stat variant="omega" label={label('panel.policy', 'Policy')}>
        {status.policy
          ? `${status.policy.name} (${status.policy.key})`
          : label('panel.policy.none', 'No policy selected')}
      </Stat>

      {status.policy ? (
        <Stat variant="omega" label={label('panel.current-version', 'In force now')}>
          {versionLabel(status.currentVersion, formatMessage, {
            id: getTrad('panel.current-version.none'),
            defaultMessage: 'none',
          })}
        </Stat>
      ) : null}

      <Stat variant="omega" label={label('panel.change-kind', 'Change kind')}>
        {changeKindLabel(status.changeKind, formatMessage)}
      </Stat>

      <Stat variant="omega" label={label('panel.edition-date', 'Edition date')}>
        {formatCalendarDate(formatDate, status.editionDate) ?? notSet}
      </Stat>

      <Stat
        variant="omega"
        label={label('panel.released-at', 'Released')}
        testId="edition-released-at"
      >
        {formatInstant(formatDate, status.releasedAt) ?? notSet}
      </Stat>

      {locale && status.releasedAt && localeReleasedAt !== status.releasedAt ? (
        <Stat
          variant="omega"
          label={label('panel.locale-released-at', 'Released ({locale})', { locale })}
          testId="edition-locale-released-at"
        >
          {formatInstant(formatDate, localeReleasedAt) ??
            label('panel.locale-released-at.none', 'not yet: it can still be written')}
        </Stat>
      ) : null}

      <Stat
        variant="omega"
        label={label('panel.effective-at', 'Takes effect')}
        testId="edition-effective-at"
      >
        {formatInstant(formatDate, status.effectiveAt) ?? notSet}
      </Stat>

      {remaining !== null ? (
        <Typography variant="pi" textColor="warning700">
          {countdownText(remaining, formatMessage)}
        </Typography>
      ) : null}

      {status.cancelledAt ? (
        <Stat
          variant="omega"
          label={label('panel.cancelled-at', 'Cancelled')}
          testId="edition-cancelled-at"
        >
          {formatInstant(formatDate, status.cancelledAt) ?? notSet}
        </Stat>
      ) : null}
      <TimesInZone />
    </>
  );
};

/** Why the edition cannot be released yet, or that it is frozen. */
export const EditionNotices = ({ status }: { status: EditionStatus }) => {
  const { formatMessage } = useIntl();
  if (status.state !== 'draft') return <FrozenNotice releasedAt={status.releasedAt} />;
  return (
    <>
      {status.missingLocales.length > 0 ? (
        <Notice variant="warning">
          {formatMessage(
            {
              id: getTrad('panel.missing-locales'),
              defaultMessage: 'Missing title or body in required locales: {locales}',
            },
            { locales: status.missingLocales.join(', ') },
          )}
        </Notice>
      ) : null}
      {!status.policy ? (
        <Notice variant="warning">
          {formatMessage({
            id: getTrad('panel.no-policy'),
            defaultMessage: 'Link the edition to a policy and save it before releasing.',
          })}
        </Notice>
      ) : null}
    </>
  );
};
