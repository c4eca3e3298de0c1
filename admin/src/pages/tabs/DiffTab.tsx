import * as React from 'react';

import { EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { ArrowsHorizontal } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { OverviewEdition } from '../../../../shared/contracts';
import { usePluginMessage } from '../../hooks/usePluginMessage';
import { SelectField } from '../../components/fields';
import { FilterBar, FilterItem, PolicyField } from '../../components/filters';
import { stateLabel } from '../../components/labels';
import { versionLabel } from '../../utils/versionLabel';
import { PageLoader } from '../../components/Loading';
import { useQueryErrorNotification } from '../../hooks/useApiError';
import { usePolicyLedgerDiffQuery, usePolicyLedgerOverviewQuery } from '../../services/ledgerApi';
import { sortEditions } from '../../utils/editions';
import { DiffResult } from './diff/DiffResult';
import { defaultDiffLocale, editionOptionLabel } from './diff/diffDefaults';

const Empty = ({ children }: { children: string }) => (
  <EmptyStateLayout icon={<ArrowsHorizontal width="6.4rem" height="6.4rem" />} content={children} />
);

/** Line by line differences between two editions of a policy in one locale. */
export const DiffTab = () => {
  const { formatMessage, locale: intlLocale } = useIntl();
  const text = usePluginMessage();
  const overview = usePolicyLedgerOverviewQuery();
  const policies = overview.data?.policies ?? [];

  const [policyKey, setPolicyKey] = React.useState('');
  const [baseId, setBaseId] = React.useState('');
  const [compareId, setCompareId] = React.useState('');
  const [locale, setLocale] = React.useState('');

  const policy = policies.find((p) => p.key === policyKey) ?? policies[0] ?? null;
  const editions = React.useMemo(() => (policy ? sortEditions(policy.editions) : []), [policy]);
  const findEdition = (id: string) => editions.find((e) => e.documentId === id) ?? null;

  // Defaults: compare = the newest edition, base = the one before it.
  const compare = findEdition(compareId) ?? editions[0] ?? null;
  const base =
    findEdition(baseId) ??
    editions.find((e) => compare && e.documentId !== compare.documentId) ??
    null;

  // Only the locales both editions have: another would have nothing to compare.
  const locales = React.useMemo(() => {
    const inBase = new Set(base?.locales ?? []);
    return (compare?.locales ?? []).filter((l) => inBase.has(l)).sort();
  }, [base, compare]);
  const preferred = defaultDiffLocale(locales, intlLocale, policy?.defaultLocale ?? null);
  const effectiveLocale = locales.includes(locale) ? locale : preferred;

  const sameEdition = Boolean(base && compare && base.documentId === compare.documentId);
  const canDiff = Boolean(base && compare && effectiveLocale && !sameEdition);
  const { data, error, isError, isFetching } = usePolicyLedgerDiffQuery(
    {
      documentId: compare?.documentId ?? '',
      against: base?.documentId ?? '',
      locale: effectiveLocale,
    },
    { skip: !canDiff, refetchOnMountOrArgChange: true },
  );
  useQueryErrorNotification(error);
  const diff = canDiff && !isError ? data : undefined;

  const editionOptions = editions.map((edition: OverviewEdition) => ({
    value: edition.documentId,
    label: editionOptionLabel(
      edition,
      versionLabel(edition.version, formatMessage),
      stateLabel(edition.state, formatMessage),
    ),
  }));

  if (policies.length === 0) {
    return overview.isFetching ? (
      <PageLoader />
    ) : (
      <Empty>{text('policies.empty', 'No policies yet. Create one in the Content Manager.')}</Empty>
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <FilterBar>
        <FilterItem col={3} s={12}>
          <PolicyField
            name="diff-policy"
            policies={policies}
            value={policy?.key ?? ''}
            onChange={(value) => {
              setPolicyKey(value);
              setBaseId('');
              setCompareId('');
            }}
          />
        </FilterItem>
        <FilterItem col={3} s={12}>
          <SelectField
            name="diff-base"
            testId="diff-base"
            label={text('diff.base', 'Base edition')}
            placeholder={text('diff.pick-edition', 'Choose an edition')}
            value={base?.documentId ?? ''}
            options={editionOptions}
            onChange={setBaseId}
          />
        </FilterItem>
        <FilterItem col={3} s={12}>
          <SelectField
            name="diff-compare"
            testId="diff-compare"
            label={text('diff.compare', 'Compared edition')}
            placeholder={text('diff.pick-edition', 'Choose an edition')}
            value={compare?.documentId ?? ''}
            options={editionOptions}
            onChange={setCompareId}
          />
        </FilterItem>
        <FilterItem col={3} s={12}>
          <SelectField
            name="diff-locale"
            testId="diff-locale"
            label={text('filters.locale', 'Locale')}
            placeholder={text('diff.pick-locale', 'Choose a locale')}
            value={effectiveLocale}
            options={locales.map((l) => ({ value: l, label: l }))}
            onChange={setLocale}
          />
        </FilterItem>
      </FilterBar>

      {editions.length < 2 ? (
        <Empty>
          {text('diff.need-two', 'This policy needs at least two editions to compare.')}
        </Empty>
      ) : sameEdition ? (
        <Typography variant="omega" textColor="neutral600">
          {text('diff.same', 'Choose two different editions.')}
        </Typography>
      ) : diff ? (
        <DiffResult
          diff={diff}
          isRefreshing={isFetching}
          compareEffectiveAt={compare?.effectiveAt ?? null}
        />
      ) : isFetching ? (
        <PageLoader />
      ) : null}
    </Flex>
  );
};
