import type { IntlShape } from 'react-intl';

import { getTrad } from './getTrad';

type FormatMessage = IntlShape['formatMessage'];

/**
 * "v3"; for an edition without a version number "Draft", or the message given as `none`
 * (e.g. the panel's "not released").
 */
export const versionLabel = (
  version: number | null | undefined,
  formatMessage: FormatMessage,
  none: { id: string; defaultMessage: string } = {
    id: getTrad('page.version.none'),
    defaultMessage: 'Draft',
  },
): string =>
  version === null || version === undefined
    ? formatMessage(none)
    : formatMessage(
        { id: getTrad('panel.version.value'), defaultMessage: 'v{version}' },
        { version },
      );

/** "In force: v3", or "Nothing in force". */
export const currentVersionLabel = (
  version: number | null | undefined,
  formatMessage: FormatMessage,
): string =>
  version === null || version === undefined
    ? formatMessage({ id: getTrad('policies.current.none'), defaultMessage: 'Nothing in force' })
    : formatMessage(
        { id: getTrad('policies.current'), defaultMessage: 'In force: v{version}' },
        { version },
      );
