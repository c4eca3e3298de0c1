import * as React from 'react';

import { useAPIErrorHandler, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { getTrad } from '../utils/getTrad';

type ErrorHandler = ReturnType<typeof useAPIErrorHandler>;

/**
 * What RTK Query reports as `error` for the admin baseQuery: the server's `{ name, message,
 * details }`, or a serialised client-side error.
 */
export type QueryError = Parameters<ErrorHandler['_unstableFormatAPIError']>[0];

/**
 * The text of a failed request, from Strapi's `useAPIErrorHandler` (its formatter for RTK Query
 * errors, as the Content Manager and i18n use it). When the error carries no message: `fallback`,
 * or the plugin's generic message.
 */
export function useFormatApiError(): (error: QueryError, fallback?: string) => string {
  const { formatMessage } = useIntl();
  const { _unstableFormatAPIError: formatAPIError } = useAPIErrorHandler();
  return React.useCallback(
    (error: QueryError, fallback?: string) => {
      if (error.message) return formatAPIError(error);
      return (
        fallback ??
        formatMessage({ id: getTrad('error.generic'), defaultMessage: 'Something went wrong.' })
      );
    },
    [formatAPIError, formatMessage],
  );
}

/** Shows a failed request as a danger notification (Strapi's `useNotification`). */
export function useNotifyApiError(): (error: QueryError) => void {
  const { toggleNotification } = useNotification();
  const format = useFormatApiError();
  return React.useCallback(
    (error: QueryError) => toggleNotification({ type: 'danger', message: format(error) }),
    [format, toggleNotification],
  );
}

/**
 * Notifies each failure of a query once. RTK Query keeps the error object until the next
 * request settles, so a new object means a new failure.
 */
export function useQueryErrorNotification(error: QueryError | undefined): void {
  const notify = useNotifyApiError();
  const notified = React.useRef<QueryError | undefined>(undefined);
  React.useEffect(() => {
    if (!error || error === notified.current) return;
    notified.current = error;
    notify(error);
  }, [error, notify]);
}
