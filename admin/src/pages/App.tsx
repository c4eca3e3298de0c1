import * as React from 'react';

import { Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useAuth, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Navigate, Route, Routes } from 'react-router-dom';

import { InterfaceLanguage } from '../components/InterfaceLanguage';
import { PluginTimeZone, usePluginTimeZoneName } from '../components/PluginTimeZone';
import { SetupWarnings } from '../components/SetupWarnings';
import { useQueryErrorNotification } from '../hooks/useApiError';
import { PAGE_PERMISSIONS } from '../permissions';
import { usePolicyLedgerOverviewQuery } from '../services/ledgerApi';
import { getTrad } from '../utils/getTrad';
import { AcceptanceTab } from './tabs/AcceptanceTab';
import { AuditTab } from './tabs/AuditTab';
import { DiffTab } from './tabs/DiffTab';
import { LedgerTab } from './tabs/LedgerTab';
import { PeopleTab } from './tabs/PeopleTab';
import { RequestsTab } from './tabs/RequestsTab';
import { PoliciesTab } from './tabs/PoliciesTab';
import { VerifyTab } from './tabs/VerifyTab';
import { PluginTabs, type OpenItem } from './PluginTabs';
import { TABS, type TabId } from './tabRoutes';

/**
 * The Policy Ledger page (main menu -> Policy Ledger, /admin/plugins/policy-ledger).
 * Each tab is shown only to admins holding its permission:
 * Policies and Diff need `read`, Acceptance, Ledger and People `read-consents`
 * (exporting the ledger also `export`; a person's export and erasure `erase`),
 * Requests `requests` (acting on one also `erase`), Verify and Audit trail need `verify`
 * (exporting the trail also `export`).
 *
 * Its addresses (pages/tabRoutes.ts): the page goes to the first tab the admin may see; below it,
 * `<tab>`, `people/<identifier>` and `requests/<id>` (routes nested in the plugin's `/*` route).
 */
const PluginPage = () => {
  const { formatMessage } = useIntl();
  const zone = usePluginTimeZoneName();
  const { allowedActions, isLoading: permissionsLoading } = useRBAC(PAGE_PERMISSIONS);
  const canRead = Boolean(allowedActions.canRead);
  const canReadConsents = Boolean(allowedActions.canReadConsents);
  const canExport = Boolean(allowedActions.canExport);
  const canVerify = Boolean(allowedActions.canVerify);
  const canErase = Boolean(allowedActions.canErase);
  const canRequests = Boolean(allowedActions.canRequests);

  // The policies and their editions: loaded on opening the page; the tabs read them from the
  // store (a failure is notified here, once).
  const overview = usePolicyLedgerOverviewQuery(undefined, {
    skip: permissionsLoading || !canRead,
    refetchOnMountOrArgChange: true,
  });
  useQueryErrorNotification(overview.error);

  const allowed: Record<TabId, boolean> = {
    policies: canRead,
    acceptance: canReadConsents,
    ledger: canReadConsents,
    people: canReadConsents,
    requests: canRequests,
    verify: canVerify,
    audit: canVerify,
    diff: canRead,
  };
  const available = TABS.filter((tab) => allowed[tab]);

  const title = formatMessage({ id: getTrad('plugin.name'), defaultMessage: 'Policy Ledger' });

  if (permissionsLoading) {
    return <Page.Loading />;
  }
  if (available.length === 0) {
    return <Page.NoPermissions />;
  }

  /** null: the admin cannot read policies, the tabs then ask for a policy key instead. */
  const policies = canRead ? (overview.data?.policies ?? []) : null;

  const renderTab = (tab: TabId, item: string | null, open: OpenItem) => {
    switch (tab) {
      case 'policies':
        return <PoliciesTab />;
      case 'acceptance':
        return <AcceptanceTab policies={policies} />;
      case 'ledger':
        return <LedgerTab policies={policies} canExport={canExport} />;
      case 'people':
        return (
          <PeopleTab canErase={canErase} canExport={canExport} identifier={item} onLookUp={open} />
        );
      case 'requests':
        return <RequestsTab canAct={canErase} selected={item} onSelect={open} />;
      case 'verify':
        return <VerifyTab />;
      case 'audit':
        return <AuditTab canExport={canExport} />;
      case 'diff':
        return <DiffTab />;
      default:
        return null;
    }
  };

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTrad('page.subtitle'),
          defaultMessage:
            'Policy editions, who accepted what, and the tamper-evident consent ledger.',
        })}
        primaryAction={<InterfaceLanguage />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {canRead ? <SetupWarnings /> : null}
          {zone ? (
            <Typography variant="pi" textColor="neutral600" data-testid="plugin-time-zone">
              {formatMessage(
                {
                  id: getTrad('page.time-zone'),
                  defaultMessage:
                    'Times are shown in {zone}. Day groups and From/To dates are days in {zone}; exports carry ISO 8601 instants in UTC.',
                },
                { zone },
              )}
            </Typography>
          ) : null}
          <Routes>
            <Route index element={<Navigate to={available[0]} replace />} />
            <Route
              path=":tab/*"
              element={<PluginTabs available={available} renderTab={renderTab} />}
            />
          </Routes>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/**
 * Strapi's useRBAC checks a permission list once, with the user's permissions
 * as they are at that moment. Opened straight after logging in (a fresh page
 * load), the page can mount before the admin has fetched them, and would say
 * "no permissions" for good. Remounting when they arrive makes it check again.
 */
const App = () => {
  const loaded = useAuth('PolicyLedger', (state) => state.permissions.length);
  return (
    <PluginTimeZone>
      <PluginPage key={loaded} />
    </PluginTimeZone>
  );
};

export { App };
export default App;
