import * as React from 'react';

import { Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { ListSearch } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { OverviewPolicy } from '../../../../shared/contracts';
import { PageLoader } from '../../components/Loading';
import { useFormatApiError } from '../../hooks/useApiError';
import { fieldErrors } from '../../utils/fieldErrors';
import { getTrad } from '../../utils/getTrad';
import { LedgerExport } from './ledger/LedgerExport';
import {
  EMPTY_FILTERS,
  filtersValid,
  LedgerFilterBar,
  toLedgerFilters,
} from './ledger/LedgerFilters';
import { LedgerTable } from './ledger/LedgerTable';
import { useLedgerSearch } from './ledger/useLedgerSearch';

interface LedgerTabProps {
  /** null: the admin may not read policies (the policy key is typed). */
  policies: OverviewPolicy[] | null;
  /** The admin may export (plugin::policy-ledger.export). */
  canExport: boolean;
}

/** The consent ledger: filter it, page through it, export it. */
export const LedgerTab = ({ policies, canExport }: LedgerTabProps) => {
  const { formatMessage } = useIntl();
  const [filters, setFilters] = React.useState(EMPTY_FILTERS);
  const ledger = useLedgerSearch();
  const formatError = useFormatApiError();
  const valid = filtersValid(filters);
  const text = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTrad(id), defaultMessage }, values);
  // Rows are shown only under the person they were searched for: once the Person field names
  // someone else (or no one), they wait for Search.
  const samePerson = filters.subject.trim() === ledger.subject.trim();
  const failed = ledger.error
    ? fieldErrors(ledger.error, {
        subject: `“${ledger.subject.trim()}”`,
        version: text('panel.version', 'Version'),
        locale: text('filters.locale', 'Locale'),
        form: text('ledger.form', 'Form'),
        policy: text('filters.policy', 'Policy'),
      })
    : null;
  const events = samePerson ? ledger.events : [];

  const search = () => {
    if (valid) ledger.search(toLedgerFilters(filters));
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <LedgerFilterBar
        policies={policies}
        values={filters}
        onChange={(patch) => setFilters((prev) => ({ ...prev, ...patch }))}
        onSearch={search}
        onReset={() => {
          setFilters(EMPTY_FILTERS);
          ledger.search(toLedgerFilters(EMPTY_FILTERS));
        }}
        isSearching={ledger.isSearching}
        errors={samePerson ? failed?.byField : undefined}
      />
      {ledger.error && !failed?.placed ? (
        <Typography variant="omega" textColor="danger600" data-testid="ledger-error">
          {text('ledger.failed', 'The search failed: {reason}', {
            reason: formatError(ledger.error),
          })}
        </Typography>
      ) : null}

      <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
        <Typography variant="omega" textColor="neutral600" data-testid="ledger-count">
          {ledger.loaded && samePerson
            ? formatMessage(
                {
                  id: getTrad('ledger.count'),
                  defaultMessage:
                    '{count, plural, =0 {No events} one {# event} other {# events}}{more, select, true { (more available)} other {}}',
                },
                { count: events.length, more: ledger.hasMore ? 'true' : 'false' },
              )
            : ''}
        </Typography>
        {canExport ? <LedgerExport filters={toLedgerFilters(filters)} disabled={!valid} /> : null}
      </Flex>

      {!samePerson ? (
        <Typography variant="omega" textColor="neutral600" data-testid="ledger-not-searched">
          {filters.subject.trim()
            ? text('ledger.person-changed', 'Search to see the events of {person}.', {
                person: filters.subject.trim(),
              })
            : text('ledger.person-cleared', 'Search to see the events of everyone.')}
        </Typography>
      ) : !ledger.loaded && ledger.isSearching ? (
        <PageLoader />
      ) : ledger.loaded && events.length === 0 ? (
        <EmptyStateLayout
          icon={<ListSearch width="6.4rem" height="6.4rem" />}
          content={formatMessage({
            id: getTrad('ledger.empty'),
            defaultMessage: 'No consent events match these filters.',
          })}
        />
      ) : events.length > 0 ? (
        <>
          <LedgerTable events={events} />
          {ledger.hasMore ? (
            <Flex justifyContent="center">
              <Button
                variant="tertiary"
                loading={ledger.isLoadingMore}
                disabled={ledger.isLoadingMore || ledger.isSearching}
                data-testid="ledger-more"
                onClick={ledger.loadMore}
              >
                {formatMessage({ id: getTrad('ledger.more'), defaultMessage: 'Load more' })}
              </Button>
            </Flex>
          ) : null}
        </>
      ) : null}
    </Flex>
  );
};
