import * as React from 'react';

import { Box, Tabs } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Navigate, useNavigate, useParams } from 'react-router-dom';

import { getTrad } from '../utils/getTrad';
import { TAB_LABEL, isTabId, tabItem, tabPath, type TabId } from './tabRoutes';

/** Opens an item of the tab (a person, a request), or the tab alone with null. */
export type OpenItem = (item: string | null) => void;

interface PluginTabsProps {
  /** The tabs the admin may see, in order; at least one. */
  available: TabId[];
  /** A tab's content, showing `item` (from the address) and opening others with `open`. */
  renderTab: (tab: TabId, item: string | null, open: OpenItem) => React.ReactNode;
}

/**
 * The tabs, on the route `<tab>/*` of the page: the address names the tab shown and the item in
 * it. A tab the admin may not see (or no tab at all) goes to the first one they may.
 *
 * Tabs opened once stay mounted (hidden): their filters and results survive switching tabs, and
 * each keeps the item it showed last, which its address gets again when it is chosen.
 */
export const PluginTabs = ({ available, renderTab }: PluginTabsProps) => {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const params = useParams();
  const current = isTabId(params.tab) && available.includes(params.tab) ? params.tab : null;
  const item = current ? tabItem(current, params['*']) : null;

  /** The tabs opened so far, each with the item it showed last. */
  const [opened, setOpened] = React.useState<ReadonlyMap<TabId, string | null>>(() => new Map());
  React.useEffect(() => {
    if (!current) return;
    setOpened((prev) =>
      prev.has(current) && prev.get(current) === item ? prev : new Map(prev).set(current, item),
    );
  }, [current, item]);

  if (!current) {
    return <Navigate to={tabPath(available[0])} replace />;
  }
  const itemOf = (tab: TabId) => (tab === current ? item : (opened.get(tab) ?? null));

  return (
    <Tabs.Root
      variant="simple"
      value={current}
      onValueChange={(value: string) => {
        if (isTabId(value) && value !== current) navigate(tabPath(value, itemOf(value)));
      }}
    >
      <Tabs.List
        aria-label={formatMessage({
          id: getTrad('page.tabs'),
          defaultMessage: 'Policy Ledger sections',
        })}
      >
        {available.map((tab) => (
          <Tabs.Trigger key={tab} value={tab} data-testid={`tab-${tab}`}>
            {formatMessage({ id: getTrad(`tab.${tab}`), defaultMessage: TAB_LABEL[tab] })}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {available.map((tab) =>
        tab === current || opened.has(tab) ? (
          <Tabs.Content key={tab} value={tab} forceMount hidden={tab !== current}>
            <Box paddingTop={6}>
              {renderTab(tab, itemOf(tab), (next) => navigate(tabPath(tab, next)))}
            </Box>
          </Tabs.Content>
        ) : null,
      )}
    </Tabs.Root>
  );
};
