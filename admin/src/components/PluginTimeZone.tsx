import type { ReactNode } from 'react';

import { IntlProvider, useIntl } from 'react-intl';

import { usePolicyLedgerSettingsQuery } from '../services/ledgerApi';

/**
 * Every instant below is formatted in the plugin's time zone (the `timeZone`
 * option), whatever the browser's: react-intl's `formatDate` takes the
 * provider's zone unless a call names its own (calendar dates do: UTC).
 * Until the setting arrives, the browser's zone is used.
 */
export const PluginTimeZone = ({ children }: { children: ReactNode }) => {
  const intl = useIntl();
  const { data } = usePolicyLedgerSettingsQuery();
  if (!data?.timeZone) return <>{children}</>;
  return (
    <IntlProvider
      locale={intl.locale}
      messages={intl.messages}
      defaultLocale={intl.defaultLocale}
      timeZone={data.timeZone}
      onError={intl.onError}
    >
      {children}
    </IntlProvider>
  );
};

/** The zone instants are shown in, to name it on screen. */
export const usePluginTimeZoneName = (): string | undefined => useIntl().timeZone;
