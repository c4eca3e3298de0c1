import * as React from 'react';

import { Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Download, ListSearch } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { RequestsQuery, SubjectRequestEntry } from '../../../../shared/contracts';
import { SelectField } from '../../components/fields';
import { PageLoader } from '../../components/Loading';
import { useNotifyApiError, useQueryErrorNotification } from '../../hooks/useApiError';
import {
  usePolicyLedgerRequestsExportMutation,
  usePolicyLedgerRequestsQuery,
} from '../../services/officerApi';
import { getTrad } from '../../utils/getTrad';
import { NewRequestForm } from './requests/NewRequestForm';
import { RequestPanel } from './requests/RequestPanel';
import { RequestsTable } from './requests/RequestsTable';

interface RequestsTabProps {
  canAct: boolean;
  /** The request whose panel is open (from the address `requests/<id>`); null for none. */
  selected: string | null;
  /** Opens a request's panel: the address names it. */
  onSelect: (id: string) => void;
}

/** The register of data-subject requests: receive, check, answer, close — on time. */
export const RequestsTab = ({ canAct, selected, onSelect }: RequestsTabProps) => {
  const { formatMessage } = useIntl();
  const notifyError = useNotifyApiError();
  const [status, setStatus] = React.useState<RequestsQuery['status']>('open');
  const register = usePolicyLedgerRequestsQuery({ status });
  useQueryErrorNotification(register.error);
  const [download, exporting] = usePolicyLedgerRequestsExportMutation();
  const text = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTrad(id), defaultMessage }, values);
  const page = register.data;
  // The request as a change from its panel left it: it stays open, in its new state, even when
  // the filter no longer lists it (done or refused, among the open requests).
  const [changed, setChanged] = React.useState<SubjectRequestEntry | null>(null);
  const open = latest(
    page?.requests.find((r) => r.id === selected) ?? null,
    changed?.id === selected ? changed : null,
  );

  // A request opened from the address (a link, a reload) that the filter hides, e.g. a closed
  // one among the open requests, is shown: the filter goes to all requests. Once per request
  // opened, so a request closed meanwhile leaves the open list as before.
  const shown = React.useRef<string | null>(null);
  const listed = register.currentData;
  React.useEffect(() => {
    if (!selected || shown.current === selected || !listed || register.isFetching) return;
    if (status !== undefined && !listed.requests.some((r) => r.id === selected)) {
      setStatus(undefined);
    } else {
      shown.current = selected;
    }
  }, [selected, listed, register.isFetching, status]);
  const missing = Boolean(selected && listed && status === undefined && !open);

  const saveCsv = async () => {
    const outcome = await download({
      ...(status ? { status } : {}),
      filename: `requests-${status ?? 'all'}-${page?.today ?? 'today'}.csv`,
    });
    if ('error' in outcome) notifyError(outcome.error);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <NewRequestForm today={page?.today ?? null} />
      <Flex justifyContent="space-between" alignItems="flex-end" gap={4} wrap="wrap">
        <Flex gap={4} alignItems="flex-end">
          <SelectField
            name="requests-status"
            testId="requests-status"
            label={text('requests.filter', 'Show')}
            value={status ?? ''}
            anyLabel={text('requests.filter.all', 'All requests')}
            options={[{ value: 'open', label: text('requests.filter.open', 'Open requests') }]}
            onChange={(v) => setStatus((v || undefined) as RequestsQuery['status'])}
          />
          {page ? (
            <Typography variant="pi" textColor="neutral600" data-testid="requests-zone">
              {text('requests.zone', 'Dates in {zone}; today is {today}.', {
                zone: page.timeZone,
                today: page.today,
              })}
            </Typography>
          ) : null}
        </Flex>
        <Button
          variant="secondary"
          startIcon={<Download />}
          loading={exporting.isLoading}
          data-testid="requests-export"
          onClick={() => void saveCsv()}
        >
          {text('requests.export', 'Export (CSV)')}
        </Button>
      </Flex>
      {!page ? (
        <PageLoader />
      ) : page.requests.length === 0 ? (
        <EmptyStateLayout
          icon={<ListSearch width="6.4rem" height="6.4rem" />}
          content={text('requests.empty', 'No requests here.')}
        />
      ) : (
        <RequestsTable requests={page.requests} selected={selected} onSelect={onSelect} />
      )}
      {open ? (
        <RequestPanel key={open.id} request={open} canAct={canAct} onChanged={setChanged} />
      ) : null}
      {missing ? (
        <Typography variant="omega" textColor="danger600" data-testid="request-missing">
          {text('requests.missing', 'There is no request {id} in the register.', {
            id: selected ?? '',
          })}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** The later of two states of one request (the list may not have refetched after a change yet). */
const latest = (
  listed: SubjectRequestEntry | null,
  changed: SubjectRequestEntry | null,
): SubjectRequestEntry | null => {
  if (!listed || !changed) return listed ?? changed;
  const steps = (r: SubjectRequestEntry) => r.changes.length + r.actions.length;
  return steps(changed) > steps(listed) ? changed : listed;
};
