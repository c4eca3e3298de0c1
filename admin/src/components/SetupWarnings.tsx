import { Alert, Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { usePolicyLedgerHealthQuery } from '../services/ledgerApi';
import { getTrad } from '../utils/getTrad';
import { warningText } from './setupWarnings';

/**
 * What the plugin says about its own setup (sealing off or behind, configured
 * locales the app does not have), on top of every tab: the same warnings the
 * server logs at boot.
 */
export const SetupWarnings = () => {
  const { formatMessage } = useIntl();
  const { data: warnings = [] } = usePolicyLedgerHealthQuery(undefined, {
    pollingInterval: 60_000,
  });
  if (warnings.length === 0) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="setup-warnings">
      {warnings.map((w, i) => (
        <Alert
          key={`${w.code}-${i}`}
          variant={w.code === 'sealing-behind' ? 'danger' : 'warning'}
          title={formatMessage({
            id: getTrad('warning.title'),
            defaultMessage: 'Policy Ledger setup',
          })}
          closeLabel={formatMessage({ id: getTrad('warning.close'), defaultMessage: 'Close' })}
          data-testid={`setup-warning-${w.code}`}
        >
          {warningText(w, formatMessage)}
        </Alert>
      ))}
    </Flex>
  );
};
