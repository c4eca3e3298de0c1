import * as React from 'react';

import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Grid,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Download, ListSearch, Search } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';

import { SelectField, TextField } from '../../components/fields';
import { actionLabel, CONSENT_ACTIONS, ConsentActionBadge } from '../../components/labels';
import { useErrorNotification } from '../../hooks/useErrorNotification';
import type {
  ApiResponse,
  LedgerEvent,
  LedgerPage,
  OverviewPolicy,
} from '../../../../shared/contracts';
import { API, isCalendarDate, shortHash } from '../../utils/api';
import { downloadFile } from '../../utils/download';
import { isAbortError } from '../../utils/errors';
import { getTrad } from '../../utils/getTrad';

type FormatMessage = IntlShape['formatMessage'];

const PAGE_SIZE = 50;
/** Value of the "any" option of the selects (an option's value cannot be empty). */
const ANY = '*';

export interface LedgerFilters {
  policy: string;
  version: string;
  locale: string;
  form: string;
  action: string;
  from: string;
  to: string;
  subject: string;
}

const EMPTY_FILTERS: LedgerFilters = {
  policy: '',
  version: '',
  locale: '',
  form: '',
  action: '',
  from: '',
  to: '',
  subject: '',
};

const EXPORT_FORMATS = [
  { format: 'csv', filename: 'policy-ledger.csv', label: 'CSV' },
  { format: 'ndjson', filename: 'policy-ledger.ndjson', label: 'NDJSON' },
  { format: 'iso27560', filename: 'policy-ledger.json', label: 'ISO 27560 JSON' },
] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number]['format'];

/** The query parameters of the ledger and export routes for `filters`. */
const filterParams = (filters: LedgerFilters) => ({
  policy: filters.policy,
  version: filters.version,
  locale: filters.locale,
  form: filters.form,
  action: filters.action,
  from: filters.from,
  to: filters.to,
  // Sent as typed: the server normalises and hashes it.
  subject: filters.subject,
});

const DATE_TIME_SECONDS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};

export const LedgerTab = ({
  policies,
  canExport,
}: {
  policies: OverviewPolicy[] | null;
  canExport: boolean;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const notifyError = useErrorNotification();

  const [filters, setFilters] = React.useState<LedgerFilters>(EMPTY_FILTERS);
  /** The filters of the rows shown (Load more continues with these). */
  const [applied, setApplied] = React.useState<LedgerFilters>(EMPTY_FILTERS);
  const [events, setEvents] = React.useState<LedgerEvent[]>([]);
  const [nextCursor, setNextCursor] = React.useState<string | null>(null);
  const [loaded, setLoaded] = React.useState(false);
  const [isLoading, setIsLoading] = React.useState(false);
  const [isLoadingMore, setIsLoadingMore] = React.useState(false);
  const [exporting, setExporting] = React.useState<ExportFormat | null>(null);
  const requestSeq = React.useRef(0);

  const setFilter = (key: keyof LedgerFilters) => (value: string) =>
    setFilters((prev) => ({ ...prev, [key]: value === ANY ? '' : value }));

  const fromError =
    filters.from && !isCalendarDate(filters.from) ? invalidDate(formatMessage) : undefined;
  const toError =
    filters.to && !isCalendarDate(filters.to)
      ? invalidDate(formatMessage)
      : filters.from && filters.to && !fromError && filters.from > filters.to
        ? formatMessage({
            id: getTrad('filters.range-error'),
            defaultMessage: 'The end date is before the start date.',
          })
        : undefined;
  const versionError =
    filters.version && !/^\d+$/.test(filters.version.trim())
      ? formatMessage({
          id: getTrad('ledger.version.invalid'),
          defaultMessage: 'A version is a whole number.',
        })
      : undefined;
  const filtersValid = !fromError && !toError && !versionError;

  const load = React.useCallback(
    async (next: LedgerFilters, cursor: string | null) => {
      const seq = ++requestSeq.current;
      if (cursor) setIsLoadingMore(true);
      else setIsLoading(true);
      try {
        const { data } = await get<ApiResponse<LedgerPage>>(
          API.ledger({ ...filterParams(next), cursor, limit: PAGE_SIZE }),
        );
        if (seq !== requestSeq.current) return;
        const page = data?.data;
        const received = Array.isArray(page?.events) ? page.events : [];
        setEvents((prev) => (cursor ? [...prev, ...received] : received));
        setNextCursor(page?.nextCursor ?? null);
        setApplied(next);
        setLoaded(true);
      } catch (error) {
        if (seq !== requestSeq.current || isAbortError(error)) return;
        notifyError(error);
      } finally {
        if (seq === requestSeq.current) {
          setIsLoading(false);
          setIsLoadingMore(false);
        }
      }
    },
    [get, notifyError],
  );

  // The latest events, unfiltered, when the tab opens.
  React.useEffect(() => {
    void load(EMPTY_FILTERS, null);
  }, [load]);

  const search = () => {
    if (!filtersValid) return;
    void load(filters, null);
  };

  const runExport = async (format: ExportFormat, filename: string) => {
    if (!filtersValid) return;
    setExporting(format);
    try {
      await downloadFile(get, API.ledgerExport({ format, ...filterParams(filters) }), filename);
      toggleNotification({
        type: 'success',
        message: formatMessage(
          { id: getTrad('ledger.export.done'), defaultMessage: 'Export {filename} downloaded.' },
          { filename },
        ),
      });
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(null);
    }
  };

  const policyOptions = [
    {
      value: ANY,
      label: formatMessage({ id: getTrad('filters.any-policy'), defaultMessage: 'All policies' }),
    },
    ...(policies ?? []).map((p) => ({ value: p.key, label: `${p.name} (${p.key})` })),
  ];
  const knownLocales = React.useMemo(() => {
    const set = new Set<string>();
    for (const policy of policies ?? [])
      for (const edition of policy.editions) for (const l of edition.locales ?? []) set.add(l);
    return [...set].sort();
  }, [policies]);
  const knownVersions = React.useMemo(() => {
    const chosen = (policies ?? []).find((p) => p.key === filters.policy);
    const versions =
      chosen?.editions.map((e) => e.version).filter((v): v is number => typeof v === 'number') ??
      [];
    return [...new Set(versions)].sort((a, b) => b - a);
  }, [policies, filters.policy]);

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box background="neutral0" shadow="tableShadow" hasRadius padding={6}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            search();
          }}
        >
          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <TextField
                name="ledger-subject"
                testId="ledger-subject"
                type="search"
                label={formatMessage({ id: getTrad('ledger.subject'), defaultMessage: 'Person' })}
                placeholder={formatMessage({
                  id: getTrad('ledger.subject.placeholder'),
                  defaultMessage: 'E-mail, phone number or id',
                })}
                hint={formatMessage({
                  id: getTrad('ledger.subject.hint'),
                  defaultMessage:
                    'Looked up by its keyed hash; the ledger never stores it in clear.',
                })}
                value={filters.subject}
                onChange={setFilter('subject')}
                onSubmit={search}
              />
            </Grid.Item>
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              {policies === null ? (
                <TextField
                  name="ledger-policy"
                  testId="ledger-policy"
                  label={formatMessage({ id: getTrad('filters.policy'), defaultMessage: 'Policy' })}
                  placeholder={formatMessage({
                    id: getTrad('filters.policy.key'),
                    defaultMessage: 'Policy key',
                  })}
                  value={filters.policy}
                  onChange={setFilter('policy')}
                  onSubmit={search}
                />
              ) : (
                <SelectField
                  name="ledger-policy"
                  testId="ledger-policy"
                  label={formatMessage({ id: getTrad('filters.policy'), defaultMessage: 'Policy' })}
                  value={filters.policy || ANY}
                  options={policyOptions}
                  onChange={(value) =>
                    setFilters((prev) => ({
                      ...prev,
                      policy: value === ANY ? '' : value,
                      version: '',
                    }))
                  }
                />
              )}
            </Grid.Item>
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <SelectField
                name="ledger-action"
                testId="ledger-action"
                label={formatMessage({ id: getTrad('ledger.action'), defaultMessage: 'Action' })}
                value={filters.action || ANY}
                options={[
                  {
                    value: ANY,
                    label: formatMessage({
                      id: getTrad('filters.any-action'),
                      defaultMessage: 'All actions',
                    }),
                  },
                  ...CONSENT_ACTIONS.map((action) => ({
                    value: action,
                    label: actionLabel(action, formatMessage),
                  })),
                ]}
                onChange={setFilter('action')}
              />
            </Grid.Item>
            <Grid.Item col={2} s={6} direction="column" alignItems="stretch">
              {knownVersions.length > 0 ? (
                <SelectField
                  name="ledger-version"
                  testId="ledger-version"
                  label={formatMessage({ id: getTrad('panel.version'), defaultMessage: 'Version' })}
                  value={filters.version || ANY}
                  options={[
                    {
                      value: ANY,
                      label: formatMessage({
                        id: getTrad('filters.any-version'),
                        defaultMessage: 'All versions',
                      }),
                    },
                    ...knownVersions.map((v) => ({
                      value: String(v),
                      label: formatMessage(
                        { id: getTrad('panel.version.value'), defaultMessage: 'v{version}' },
                        { version: v },
                      ),
                    })),
                  ]}
                  onChange={setFilter('version')}
                />
              ) : (
                <TextField
                  name="ledger-version"
                  testId="ledger-version"
                  type="number"
                  label={formatMessage({ id: getTrad('panel.version'), defaultMessage: 'Version' })}
                  value={filters.version}
                  error={versionError}
                  onChange={setFilter('version')}
                  onSubmit={search}
                />
              )}
            </Grid.Item>
            <Grid.Item col={2} s={6} direction="column" alignItems="stretch">
              {knownLocales.length > 0 ? (
                <SelectField
                  name="ledger-locale"
                  testId="ledger-locale"
                  label={formatMessage({ id: getTrad('filters.locale'), defaultMessage: 'Locale' })}
                  value={filters.locale || ANY}
                  options={[
                    {
                      value: ANY,
                      label: formatMessage({
                        id: getTrad('filters.any-locale'),
                        defaultMessage: 'All locales',
                      }),
                    },
                    ...knownLocales.map((l) => ({ value: l, label: l })),
                  ]}
                  onChange={setFilter('locale')}
                />
              ) : (
                <TextField
                  name="ledger-locale"
                  testId="ledger-locale"
                  label={formatMessage({ id: getTrad('filters.locale'), defaultMessage: 'Locale' })}
                  value={filters.locale}
                  onChange={setFilter('locale')}
                  onSubmit={search}
                />
              )}
            </Grid.Item>
            <Grid.Item col={2} s={12} direction="column" alignItems="stretch">
              <TextField
                name="ledger-form"
                testId="ledger-form"
                label={formatMessage({ id: getTrad('ledger.form'), defaultMessage: 'Form' })}
                placeholder={formatMessage({
                  id: getTrad('ledger.form.placeholder'),
                  defaultMessage: 'Form key',
                })}
                value={filters.form}
                onChange={setFilter('form')}
                onSubmit={search}
              />
            </Grid.Item>
            <Grid.Item col={2} s={6} direction="column" alignItems="stretch">
              <TextField
                name="ledger-from"
                testId="ledger-from"
                type="date"
                label={formatMessage({ id: getTrad('filters.from'), defaultMessage: 'From' })}
                placeholder="YYYY-MM-DD"
                value={filters.from}
                error={fromError}
                onChange={setFilter('from')}
              />
            </Grid.Item>
            <Grid.Item col={2} s={6} direction="column" alignItems="stretch">
              <TextField
                name="ledger-to"
                testId="ledger-to"
                type="date"
                label={formatMessage({ id: getTrad('filters.to'), defaultMessage: 'To' })}
                placeholder="YYYY-MM-DD"
                value={filters.to}
                error={toError}
                onChange={setFilter('to')}
              />
            </Grid.Item>
            <Grid.Item col={2} s={12} direction="column" alignItems="stretch">
              <Flex gap={2} paddingTop={6} wrap="wrap">
                <Button
                  type="submit"
                  startIcon={<Search />}
                  loading={isLoading}
                  disabled={!filtersValid || isLoading}
                  data-testid="ledger-search"
                >
                  {formatMessage({ id: getTrad('ledger.search'), defaultMessage: 'Search' })}
                </Button>
                <Button
                  type="button"
                  variant="tertiary"
                  disabled={isLoading}
                  onClick={() => {
                    setFilters(EMPTY_FILTERS);
                    void load(EMPTY_FILTERS, null);
                  }}
                >
                  {formatMessage({ id: getTrad('ledger.reset'), defaultMessage: 'Reset' })}
                </Button>
              </Flex>
            </Grid.Item>
          </Grid.Root>
        </form>
      </Box>

      <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
        <Typography variant="omega" textColor="neutral600" data-testid="ledger-count">
          {loaded
            ? formatMessage(
                {
                  id: getTrad('ledger.count'),
                  defaultMessage:
                    '{count, plural, =0 {No events} one {# event} other {# events}}{more, select, true { (more available)} other {}}',
                },
                { count: events.length, more: nextCursor ? 'true' : 'false' },
              )
            : ''}
        </Typography>
        {canExport ? (
          <Flex gap={2} wrap="wrap">
            <Typography variant="pi" textColor="neutral600">
              {formatMessage({
                id: getTrad('ledger.export'),
                defaultMessage: 'Export the filtered ledger:',
              })}
            </Typography>
            {EXPORT_FORMATS.map(({ format, filename, label }) => (
              <Button
                key={format}
                type="button"
                variant="secondary"
                size="S"
                startIcon={<Download />}
                loading={exporting === format}
                disabled={exporting !== null || !filtersValid}
                data-testid={`export-${format}`}
                onClick={() => void runExport(format, filename)}
              >
                {label}
              </Button>
            ))}
          </Flex>
        ) : null}
      </Flex>

      {!loaded && isLoading ? (
        <Flex justifyContent="center" padding={8}>
          <Loader>
            {formatMessage({ id: getTrad('page.loading'), defaultMessage: 'Loading…' })}
          </Loader>
        </Flex>
      ) : loaded && events.length === 0 ? (
        <EmptyStateLayout
          icon={<ListSearch width="6.4rem" height="6.4rem" />}
          content={formatMessage({
            id: getTrad('ledger.empty'),
            defaultMessage: 'No consent events match these filters.',
          })}
        />
      ) : events.length > 0 ? (
        <>
          <Table colCount={11} rowCount={events.length + 1} data-testid="ledger-table">
            <Thead>
              <Tr>
                {[
                  formatMessage({ id: getTrad('ledger.column.seq'), defaultMessage: '#' }),
                  formatMessage({
                    id: getTrad('ledger.column.occurred-at'),
                    defaultMessage: 'Recorded',
                  }),
                  formatMessage({
                    id: getTrad('ledger.column.subject'),
                    defaultMessage: 'Person (hash)',
                  }),
                  formatMessage({ id: getTrad('ledger.action'), defaultMessage: 'Action' }),
                  formatMessage({ id: getTrad('filters.policy'), defaultMessage: 'Policy' }),
                  formatMessage({ id: getTrad('filters.locale'), defaultMessage: 'Locale' }),
                  formatMessage({ id: getTrad('ledger.form'), defaultMessage: 'Form' }),
                  formatMessage({
                    id: getTrad('ledger.column.purposes'),
                    defaultMessage: 'Purposes',
                  }),
                  formatMessage({ id: getTrad('ledger.column.method'), defaultMessage: 'Method' }),
                  formatMessage({
                    id: getTrad('ledger.column.content-hash'),
                    defaultMessage: 'Text hash',
                  }),
                  formatMessage({
                    id: getTrad('ledger.column.hash'),
                    defaultMessage: 'Event hash',
                  }),
                ].map((label) => (
                  <Th key={label}>
                    <Typography variant="sigma" textColor="neutral600">
                      {label}
                    </Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {events.map((event) => (
                <Tr
                  key={`${event.seq}-${event.id}`}
                  data-testid="ledger-row"
                  data-action={event.action}
                  data-version={
                    event.version === null || event.version === undefined
                      ? ''
                      : String(event.version)
                  }
                  data-seq={event.seq}
                >
                  <Td>
                    <Typography textColor="neutral600">{event.seq}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800" title={event.occurredAt}>
                      {event.occurredAt
                        ? formatDate(new Date(event.occurredAt), DATE_TIME_SECONDS)
                        : ''}
                    </Typography>
                  </Td>
                  <Td>
                    <Mono title={event.subject}>{shortHash(event.subject)}</Mono>
                  </Td>
                  <Td>
                    <ConsentActionBadge action={event.action} />
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">
                      {event.policy}
                      {event.version !== null && event.version !== undefined
                        ? ` ${formatMessage({ id: getTrad('panel.version.value'), defaultMessage: 'v{version}' }, { version: event.version })}`
                        : ''}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">{event.locale ?? '—'}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">
                      {formLabel(event, formatMessage)}
                    </Typography>
                  </Td>
                  <Td>
                    <Purposes purposes={event.purposes} />
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">{event.method ?? '—'}</Typography>
                  </Td>
                  <Td>
                    <Mono title={event.contentHash ?? undefined}>
                      {shortHash(event.contentHash) || '—'}
                    </Mono>
                  </Td>
                  <Td>
                    <Mono title={event.hash}>{shortHash(event.hash)}</Mono>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>

          {nextCursor ? (
            <Flex justifyContent="center">
              <Button
                variant="tertiary"
                loading={isLoadingMore}
                disabled={isLoadingMore || isLoading}
                data-testid="ledger-more"
                onClick={() => void load(applied, nextCursor)}
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

const invalidDate = (formatMessage: FormatMessage) =>
  formatMessage({
    id: getTrad('filters.date-invalid'),
    defaultMessage: 'Use the format YYYY-MM-DD.',
  });

const formLabel = (event: LedgerEvent, formatMessage: FormatMessage): string => {
  if (!event.form)
    return formatMessage({ id: getTrad('acceptance.form.api'), defaultMessage: 'via API' });
  return event.formRevision !== null
    ? formatMessage(
        { id: getTrad('ledger.form.revision'), defaultMessage: '{form} (rev. {revision})' },
        { form: event.form, revision: String(event.formRevision) },
      )
    : event.form;
};

const Mono = ({ children, title }: { children: React.ReactNode; title?: string }) => (
  <Typography textColor="neutral800" title={title} style={{ fontFamily: 'monospace' }}>
    {children}
  </Typography>
);

const Purposes = ({ purposes }: { purposes: Record<string, boolean> | null }) => {
  const entries = Object.entries(purposes ?? {});
  if (entries.length === 0) return <Typography textColor="neutral600">—</Typography>;
  return (
    <Flex gap={1} wrap="wrap">
      {entries.map(([purpose, given]) => (
        <Badge
          key={purpose}
          size="S"
          variant={given ? 'success' : 'neutral'}
          title={`${purpose}: ${given ? '✓' : '✗'}`}
        >
          {`${given ? '✓' : '✗'} ${purpose}`}
        </Badge>
      ))}
    </Flex>
  );
};
