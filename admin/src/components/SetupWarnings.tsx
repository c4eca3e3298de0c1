import { Alert, Box, Flex, TextButton, Typography } from '@strapi/design-system';
import * as React from 'react';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';

import type { SetupWarning } from '../../../shared/contracts';
import { usePolicyLedgerHealthQuery } from '../services/ledgerApi';
import { getTrad } from '../utils/getTrad';
import {
  dismissWarning,
  isErrorWarning,
  readDismissed,
  splitWarnings,
} from '../utils/setupWarnings';

const DEFAULT_MESSAGE: Record<SetupWarning['code'], string> = {
  'sealing-behind':
    'Sealing is behind: {unsealed} consent events are not sealed into a checkpoint, the oldest for {age} s (expected within {expected} s). Check that an instance runs the plugin’s jobs (jobs.enabled) and its log for “seal job failed”.',
  'sealing-off':
    'Sealing is off on this instance (jobs.enabled: false): consent events are sealed into checkpoints only if another instance runs the jobs.',
  'subject-secret-missing':
    'subjectSecret is not set: subject pseudonyms use a fixed development secret that anyone can recompute. Set one (at least 16 characters) before collecting real data; outside development Strapi refuses to start without it.',
  'not-durable':
    'The database acknowledges commits before they are on disk ({setting}): a power loss can lose consents already answered 201. Set the plugin’s durability to “full” (SQLite) or make the database server flush each commit.',
  'timestamping-off':
    'No time-stamping authority is configured (timestamping.authorities): the checkpoints prove the ledger unchanged only to those who trust this database. Configure an RFC 3161 authority so that receipts and verification hold against a rewritten database.',
  'limits-off':
    'Abuse limits are off (limits.enabled: false): one client can send submissions and consents without limit. Turn them back on, or make sure a limiter in front of the app covers the public routes.',
  'mail-sendmail':
    'Confirmation links and notices are e-mailed through Strapi’s email plugin, whose provider is “sendmail” (the default): unless this server has a working sendmail, no link arrives and double opt-in submissions expire unconfirmed. Configure an email provider (e.g. @strapi/provider-email-nodemailer) in config/plugins.',
  'mail-failing':
    '{count} e-mail(s) (confirmation links, notices) could not be sent and wait in the outbox: check the email provider’s settings and the log for “could not send”.',
  'mail-link-local':
    'Double opt-in links point at {url}, this server’s address as Strapi knows it: set the app’s public URL (server.url) or the plugin’s mail.confirmUrl (your site’s confirmation page), or people cannot open the links they receive.',
  'unknown-locale':
    'Locale “{locale}” ({option}) is not a locale of this app: add it in Settings → Internationalization, or change {option} in the plugin’s configuration.',
};

/** A server warning in the admin's language (the server's English text is the fallback). */
export const warningText = (w: SetupWarning, formatMessage: IntlShape['formatMessage']): string =>
  formatMessage(
    { id: getTrad(`warning.${w.code}`), defaultMessage: DEFAULT_MESSAGE[w.code] ?? w.message },
    w.values,
  );

const browserStorage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

/**
 * What the plugin says about its own setup (sealing off or behind, configured
 * locales the app does not have), on top of every tab: the same warnings the
 * server logs at boot, as one line ("2 setup warnings — Show details") with the
 * warnings on demand. Each can be dismissed in this browser until it changes; an
 * error-level one stays counted in the line.
 */
export const SetupWarnings = () => {
  const { formatMessage } = useIntl();
  const { data: warnings = [] } = usePolicyLedgerHealthQuery(undefined, {
    pollingInterval: 60_000,
  });
  const [dismissed, setDismissed] = React.useState(() => readDismissed(browserStorage()));
  const [open, setOpen] = React.useState(false);
  const { shown, count, error } = splitWarnings(warnings, dismissed);
  if (count === 0) return null;
  return (
    <Box
      background={error ? 'danger100' : 'warning100'}
      borderColor={error ? 'danger200' : 'warning200'}
      hasRadius
      paddingLeft={4}
      paddingRight={4}
      paddingTop={2}
      paddingBottom={2}
      data-testid="setup-warnings"
      data-count={count}
      data-codes={warnings.map((w) => w.code).join(' ')}
    >
      <Flex gap={2}>
        <Typography
          fontWeight="semiBold"
          textColor={error ? 'danger700' : 'warning700'}
          data-testid="setup-warnings-summary"
        >
          {formatMessage(
            {
              id: getTrad('warning.summary'),
              defaultMessage: '{count, plural, one {# setup warning} other {# setup warnings}}',
            },
            { count },
          )}
        </Typography>
        {shown.length > 0 ? (
          <TextButton onClick={() => setOpen(!open)} data-testid="setup-warnings-toggle">
            {open
              ? formatMessage({ id: getTrad('warning.hide'), defaultMessage: 'Hide details' })
              : formatMessage({ id: getTrad('warning.show'), defaultMessage: 'Show details' })}
          </TextButton>
        ) : null}
      </Flex>
      {open && shown.length > 0 ? (
        <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
          {shown.map((w, i) => (
            <Alert
              key={`${w.code}-${i}`}
              variant={isErrorWarning(w) ? 'danger' : 'warning'}
              title={formatMessage({
                id: getTrad('warning.title'),
                defaultMessage: 'Policy Ledger setup',
              })}
              closeLabel={formatMessage({
                id: getTrad('warning.dismiss'),
                defaultMessage: 'Dismiss in this browser',
              })}
              onClose={() => setDismissed(dismissWarning(browserStorage(), w))}
              data-testid={`setup-warning-${w.code}`}
            >
              {warningText(w, formatMessage)}
            </Alert>
          ))}
        </Flex>
      ) : null}
    </Box>
  );
};
