import * as React from 'react';

import { useIntl } from 'react-intl';

import { getTrad } from '../utils/getTrad';

/**
 * `formatMessage` for the plugin's own messages, for components that show many of them:
 * `t('panel.state', 'State')` is `formatMessage({ id: getTrad('panel.state'), defaultMessage })`.
 */
export function usePluginMessage() {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (id: string, defaultMessage: string, values?: Record<string, string | number>): string =>
      formatMessage({ id: getTrad(id), defaultMessage }, values),
    [formatMessage],
  );
}
