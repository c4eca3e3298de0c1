import * as React from 'react';

import { Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Download, ListSearch } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import type { AuditQuery } from '../../../../shared/contracts';
import { DateRangeFields, FilterBar, FilterItem } from '../../components/filters';
import { SelectField } from '../../components/fields';
import { PageLoader } from '../../components/Loading';
import { useNotifyApiError, useQueryErrorNotification } from '../../hooks/useApiError';
import {
  usePolicyLedgerAuditExportMutation,
  usePolicyLedgerAuditQuery,
} from '../../services/auditApi';
import { getTrad } from '../../utils/getTrad';
import { checkDateRange } from '../../utils/time';
import { AuditTable } from './audit/AuditTable';
import { AUDIT_ACTION_LABELS, auditActionLabel } from './audit/auditLabels';

const PAGE_SIZE = 50;
const EMPTY = { action: '', from: '', to: '' };

/**
 * The audit trail: who released, cancelled, exported, erased, verified,
 * sealed by hand or changed a form, newest first; filter, page, export CSV.
 * Days are the plugin's time zone's (named in the page header).
 */
export const AuditTab = ({ canExport }: { canExport: boolean }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyApiError();
  const [form, setForm] = React.useState(EMPTY);
  const [query, setQuery] = React.useState<AuditQuery>({ limit: PAGE_SIZE });
  const { data, error, isFetching, refetch } = usePolicyLedgerAuditQuery(query, {
    refetchOnMountOrArgChange: true,
  });
  useQueryErrorNotification(error);
  const [exportTrail, exporting] = usePolicyLedgerAuditExportMutation();
  const range = checkDateRange(form.from, form.to);
  const valid = !range.from && !range.to;
  const filters = {
    action: form.action || undefined,
    from: form.from || undefined,
    to: form.to || undefined,
  };

  const search = () => {
    if (!valid) return;
    const next: AuditQuery = { ...filters, limit: PAGE_SIZE };
    if (JSON.stringify(next) === JSON.stringify(query)) void refetch();
    else setQuery(next);
  };

  const download = async () => {
    const result = await exportTrail({
      ...filters,
      bom: true,
      filename: 'policy-ledger-audit.csv',
    });
    if ('error' in result) {
      notifyError(result.error);
      return;
    }
    toggleNotification({
      type: 'success',
      message: formatMessage(
        { id: getTrad('ledger.export.done'), defaultMessage: 'Export {filename} downloaded.' },
        { filename: result.data },
      ),
    });
  };

  const entries = data?.entries ?? [];
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <FilterBar onSubmit={search}>
        <FilterItem col={4} s={12}>
          <SelectField
            name="audit-action"
            testId="audit-action"
            label={formatMessage({ id: getTrad('audit.column.action'), defaultMessage: 'What' })}
            anyLabel={formatMessage({ id: getTrad('audit.any'), defaultMessage: 'Any action' })}
            value={form.action}
            options={Object.keys(AUDIT_ACTION_LABELS).map((action) => ({
              value: action,
              label: auditActionLabel(action, formatMessage),
            }))}
            onChange={(action) => setForm((prev) => ({ ...prev, action }))}
          />
        </FilterItem>
        <DateRangeFields
          name="audit"
          from={form.from}
          to={form.to}
          onFromChange={(from) => setForm((prev) => ({ ...prev, from }))}
          onToChange={(to) => setForm((prev) => ({ ...prev, to }))}
        />
        <FilterItem col={4} s={12} justifyContent="flex-end">
          <Flex gap={2} paddingTop={6}>
            <Button type="submit" disabled={!valid} loading={isFetching} data-testid="audit-search">
              {formatMessage({ id: getTrad('ledger.search'), defaultMessage: 'Search' })}
            </Button>
            {canExport ? (
              <Button
                type="button"
                variant="secondary"
                startIcon={<Download />}
                disabled={!valid || exporting.isLoading}
                loading={exporting.isLoading}
                data-testid="audit-export"
                onClick={() => void download()}
              >
                CSV
              </Button>
            ) : null}
          </Flex>
        </FilterItem>
      </FilterBar>

      <Typography variant="omega" textColor="neutral600" data-testid="audit-count">
        {data
          ? formatMessage(
              {
                id: getTrad('audit.count'),
                defaultMessage:
                  '{count, plural, =0 {No entries} one {# entry} other {# entries}}{more, select, true { (more available)} other {}}. Each entry is hashed and sealed into the next checkpoint with the consent events.',
              },
              { count: entries.length, more: data.nextCursor ? 'true' : 'false' },
            )
          : ''}
      </Typography>

      {!data && isFetching ? (
        <PageLoader />
      ) : data && entries.length === 0 ? (
        <EmptyStateLayout
          icon={<ListSearch width="6.4rem" height="6.4rem" />}
          content={formatMessage({
            id: getTrad('audit.empty'),
            defaultMessage: 'Nothing recorded matches these filters.',
          })}
        />
      ) : entries.length > 0 ? (
        <>
          <AuditTable entries={entries} />
          {data?.nextCursor ? (
            <Flex justifyContent="center">
              <Button
                variant="tertiary"
                loading={isFetching && query.cursor !== undefined}
                data-testid="audit-more"
                onClick={() => setQuery({ ...query, cursor: Number(data.nextCursor) })}
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
