import { useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

import { EDITION_PANEL_PERMISSIONS } from '../permissions';
import { EDITION_UID } from '../pluginId';
import { getTrad } from '../utils/getTrad';
import { PluginTimeZone } from './PluginTimeZone';
import { EditionPanelContent } from './edition/EditionPanelContent';

/**
 * Content Manager edit-view side panel for policy editions: shows the
 * edition's release state and offers Release / Cancel.
 *
 * This is a "description component": the Content Manager renders it like a
 * component (hooks are allowed) and displays the `{ title, content }` it
 * returns. Only primitive props go into `content`, because the Content Manager
 * deep-compares descriptions to decide when to re-render the panel.
 */
const EditionPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { allowedActions, isLoading } = useRBAC(EDITION_PANEL_PERMISSIONS);

  // `document` is undefined while creating and on the "duplicate" page
  // (where documentId is the source's): there is nothing to release there.
  if (model !== EDITION_UID || !documentId || !document) return null;
  if (isLoading || !allowedActions.canRead) return null;

  const updatedAt = (document as { updatedAt?: unknown }).updatedAt;

  return {
    title: formatMessage({ id: getTrad('panel.title'), defaultMessage: 'Policy edition' }),
    content: (
      <PluginTimeZone>
        <EditionPanelContent
          model={model}
          documentId={documentId}
          documentUpdatedAt={typeof updatedAt === 'string' ? updatedAt : null}
          canRelease={Boolean(allowedActions.canRelease)}
        />
      </PluginTimeZone>
    ),
  };
};

EditionPanel.displayName = 'PolicyLedgerEditionPanel';

export { EditionPanel };
