import { Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { usePluginMessage } from '../../hooks/usePluginMessage';
import { formatInstant } from '../../utils/time';
import { Stat } from '../Stat';
import { TimesInZone } from './TimesInZone';

/** The loaded document's field, if it holds an instant. */
const instantOf = (document: Record<string, unknown>, field: string): string | null =>
  typeof document[field] === 'string' ? (document[field] as string) : null;

/**
 * A released edition's instants for an admin who may not read the plugin's status: from the
 * document the Content Manager loaded (the edit view hides their date pickers), in the plugin's
 * time zone, which is named.
 */
export const DocumentInstants = ({ document }: { document: Record<string, unknown> }) => {
  const { formatDate } = useIntl();
  const label = usePluginMessage();
  const effectiveAt = formatInstant(formatDate, instantOf(document, 'effectiveAt'));
  const cancelledAt = formatInstant(formatDate, instantOf(document, 'cancelledAt'));
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {effectiveAt ? (
        <Stat
          variant="omega"
          label={label('panel.effective-at', 'Takes effect')}
          testId="edition-effective-at"
        >
          {effectiveAt}
        </Stat>
      ) : null}
      {cancelledAt ? (
        <Stat
          variant="omega"
          label={label('panel.cancelled-at', 'Cancelled')}
          testId="edition-cancelled-at"
        >
          {cancelledAt}
        </Stat>
      ) : null}
      <TimesInZone />
    </Flex>
  );
};
