import { Flex } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

import { useFrozenEditionSync } from '../content-manager/useFrozenEditionSync';
import { EDITION_PANEL_PERMISSIONS } from '../permissions';
import { EDITION_UID } from '../pluginId';
import { getTrad } from '../utils/getTrad';
import { PluginTimeZone } from './PluginTimeZone';
import { DocumentInstants } from './edition/DocumentInstants';
import { EditionPanelContent } from './edition/EditionPanelContent';
import { FrozenNotice } from './edition/FrozenNotice';

/**
 * Content Manager edit-view side panel for policy editions: shows the
 * edition's release state and offers Release / Cancel. It also tells the layout hook whether
 * the locale shown is frozen (its fields then read-only), for every admin; one who may not read
 * the plugin's status sees only why.
 *
 * This is a "description component": the Content Manager renders it like a
 * component (hooks are allowed) and displays the `{ title, content }` it
 * returns. Only primitive props go into `content`, because the Content Manager
 * deep-compares descriptions to decide when to re-render the panel.
 */
const EditionPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { allowedActions, isLoading } = useRBAC(EDITION_PANEL_PERMISSIONS);
  const isEdition = model === EDITION_UID;
  useFrozenEditionSync(model, isEdition ? document : undefined);

  // `document` is undefined while creating, on the "duplicate" page (where documentId is the
  // source's) and for a locale the edition does not have yet: nothing is released or frozen there.
  if (!isEdition || !documentId || !document) return null;
  if (isLoading) return null;

  const title = formatMessage({ id: getTrad('panel.title'), defaultMessage: 'Policy edition' });
  if (!allowedActions.canRead) {
    const releasedAt = typeof document.releasedAt === 'string' ? document.releasedAt : null;
    return releasedAt
      ? {
          title,
          content: (
            <PluginTimeZone>
              <Flex direction="column" alignItems="stretch" gap={3} width="100%">
                <FrozenNotice releasedAt={releasedAt} />
                <DocumentInstants document={document} />
              </Flex>
            </PluginTimeZone>
          ),
        }
      : null;
  }

  const updatedAt = (document as { updatedAt?: unknown }).updatedAt;

  return {
    title,
    content: (
      <PluginTimeZone>
        <EditionPanelContent
          model={model}
          documentId={documentId}
          documentUpdatedAt={typeof updatedAt === 'string' ? updatedAt : null}
          locale={typeof document.locale === 'string' ? document.locale : null}
          canRelease={Boolean(allowedActions.canRelease)}
        />
      </PluginTimeZone>
    ),
  };
};

EditionPanel.displayName = 'PolicyLedgerEditionPanel';

export { EditionPanel };
