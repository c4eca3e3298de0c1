import * as React from 'react';

import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { errorMessage, isAbortError } from '../utils/errors';
import { getTrad } from '../utils/getTrad';

/**
 * Shows a failed request as a danger notification with the server's message
 * (`error.response.data.error.message`). Aborted requests (the page went away)
 * are ignored. Returns the message shown, or null.
 *
 * The returned function keeps its identity for the component's lifetime, so
 * it can sit in the dependencies of effects and callbacks without re-running them.
 */
export function useErrorNotification(): (error: unknown) => string | null {
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const latest = React.useRef({ toggleNotification, formatMessage });
  latest.current = { toggleNotification, formatMessage };

  return React.useCallback((error: unknown) => {
    if (isAbortError(error)) return null;
    const { toggleNotification: notify, formatMessage: format } = latest.current;
    const message =
      errorMessage(error) ??
      format({ id: getTrad('error.generic'), defaultMessage: 'Something went wrong.' });
    notify({ type: 'danger', message });
    return message;
  }, []);
}
