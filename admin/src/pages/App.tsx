import * as React from 'react';

import { Box, Flex, Tabs, Typography } from '@strapi/design-system';
import { Layouts, Page, useAuth, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

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

const TABS = [
  'policies',
  'acceptance',
  'ledger',
  'people',
  'requests',
  'verify',
  'audit',
  'diff',
] as const;
type TabId = (typeof TABS)[number];

const TAB_LABEL: Record<TabId, string> = {
  policies: 'Policies',
  acceptance: 'Acceptance',
  ledger: 'Ledger',
  people: 'People',
  requests: 'Requests',
  verify: 'Verify',
  audit: 'Audit trail',
  diff: 'Diff',
};

/**
 * The Policy Ledger page (main menu -> Policy Ledger, /admin/plugins/policy-ledger).
 * Each tab is shown only to admins holding its permission:
 * Policies and Diff need `read`, Acceptance, Ledger and People `read-consents`
 * (exporting the ledger also `export`; a person's export and erasure `erase`),
 * Requests `requests` (acting on one also `erase`), Verify and Audit trail need `verify`
 * (exporting the trail also `export`).
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

  const [selected, setSelected] = React.useState<TabId | null>(null);
  const current: TabId | undefined =
    selected && available.includes(selected) ? selected : available[0];
  /** Tabs opened once stay mounted (hidden): their filters and results survive switching tabs. */
  const [visited, setVisited] = React.useState<ReadonlySet<TabId>>(() => new Set());

  const title = formatMessage({ id: getTrad('plugin.name'), defaultMessage: 'Policy Ledger' });

  if (permissionsLoading) {
    return <Page.Loading />;
  }
  if (!current) {
    return <Page.NoPermissions />;
  }

  /** null: the admin cannot read policies, the tabs then ask for a policy key instead. */
  const policies = canRead ? (overview.data?.policies ?? []) : null;

  const renderTab = (tab: TabId) => {
    switch (tab) {
      case 'policies':
        return <PoliciesTab />;
      case 'acceptance':
        return <AcceptanceTab policies={policies} />;
      case 'ledger':
        return <LedgerTab policies={policies} canExport={canExport} />;
      case 'people':
        return <PeopleTab canErase={canErase} />;
      case 'requests':
        return <RequestsTab canAct={canErase} />;
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
          <Tabs.Root
            variant="simple"
            value={current}
            onValueChange={(value: string) => {
              const next = TABS.find((tab) => tab === value);
              if (!next) return;
              setVisited((prev) => new Set(prev).add(current).add(next));
              setSelected(next);
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
              tab === current || visited.has(tab) ? (
                <Tabs.Content key={tab} value={tab} forceMount hidden={tab !== current}>
                  <Box paddingTop={6}>{renderTab(tab)}</Box>
                </Tabs.Content>
              ) : null,
            )}
          </Tabs.Root>
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
