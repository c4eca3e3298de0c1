import * as React from 'react';

import { Button, Flex } from '@strapi/design-system';
import { Search } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { ConsentAction, LedgerFilters, OverviewPolicy } from '../../../../../shared/contracts';
import { usePluginMessage } from '../../../hooks/usePluginMessage';
import { SelectField, TextField } from '../../../components/fields';
import { DateRangeFields, FilterBar, FilterItem, PolicyField } from '../../../components/filters';
import { actionLabel, CONSENT_ACTIONS } from '../../../components/labels';
import { versionLabel } from '../../../utils/versionLabel';
import { checkDateRange } from '../../../utils/time';

/** The filter fields as typed ("" = any). */
export interface LedgerFilterValues {
  policy: string;
  version: string;
  locale: string;
  form: string;
  action: string;
  from: string;
  to: string;
  subject: string;
}

export const EMPTY_FILTERS: LedgerFilterValues = {
  policy: '',
  version: '',
  locale: '',
  form: '',
  action: '',
  from: '',
  to: '',
  subject: '',
};

const isVersion = (value: string) => /^\d+$/.test(value.trim());
const isConsentAction = (value: string): value is ConsentAction =>
  (CONSENT_ACTIONS as string[]).includes(value);

/** Whether the filters can be sent: dates and range, and a whole version number. */
export const filtersValid = (values: LedgerFilterValues): boolean =>
  checkDateRange(values.from, values.to).valid && (!values.version || isVersion(values.version));

/** The filters of the ledger and export routes (the person goes as typed: the server hashes it). */
export const toLedgerFilters = (values: LedgerFilterValues): LedgerFilters => ({
  policy: values.policy || undefined,
  version: values.version.trim() ? Number(values.version) : undefined,
  locale: values.locale || undefined,
  form: values.form || undefined,
  action: isConsentAction(values.action) ? values.action : undefined,
  from: values.from || undefined,
  to: values.to || undefined,
  subject: values.subject || undefined,
});

interface LedgerFilterBarProps {
  policies: OverviewPolicy[] | null;
  values: LedgerFilterValues;
  onChange: (patch: Partial<LedgerFilterValues>) => void;
  onSearch: () => void;
  onReset: () => void;
  isSearching: boolean;
  /** Why the last search was refused, per field, in words (shown next to the field). */
  errors?: Partial<Record<keyof LedgerFilterValues, string>>;
}

export const LedgerFilterBar = (props: LedgerFilterBarProps) => {
  const { policies, values, onChange, onSearch, onReset, isSearching, errors } = props;
  const { formatMessage } = useIntl();
  const text = usePluginMessage();
  const field = (key: keyof LedgerFilterValues) => ({
    name: `ledger-${key}`,
    testId: `ledger-${key}`,
    value: values[key],
    error: errors?.[key],
    onChange: (value: string) => onChange({ [key]: value }),
  });

  const knownLocales = React.useMemo(() => {
    const set = new Set<string>();
    for (const policy of policies ?? []) {
      for (const edition of policy.editions) for (const l of edition.locales ?? []) set.add(l);
    }
    return [...set].sort();
  }, [policies]);
  const knownVersions = React.useMemo(() => {
    const chosen = (policies ?? []).find((p) => p.key === values.policy);
    const versions =
      chosen?.editions.map((e) => e.version).filter((v): v is number => typeof v === 'number') ??
      [];
    return [...new Set(versions)].sort((a, b) => b - a);
  }, [policies, values.policy]);

  const versionError =
    values.version && !isVersion(values.version)
      ? text('ledger.version.invalid', 'A version is a whole number.')
      : undefined;

  return (
    <FilterBar onSubmit={onSearch}>
      <FilterItem col={6} s={12}>
        <TextField
          {...field('subject')}
          type="search"
          label={text('ledger.subject', 'Person')}
          placeholder={text('ledger.subject.placeholder', 'E-mail, phone number or id')}
          hint={text(
            'ledger.subject.hint',
            'Looked up by its keyed hash; the ledger never stores it in clear.',
          )}
          onSubmit={onSearch}
        />
      </FilterItem>
      <FilterItem col={3} s={12}>
        <PolicyField
          name="ledger-policy"
          policies={policies}
          value={values.policy}
          // Versions belong to a policy: another policy clears the version.
          onChange={(policy) => onChange(policies === null ? { policy } : { policy, version: '' })}
          anyLabel={text('filters.any-policy', 'All policies')}
          keyPlaceholder={text('filters.policy.key', 'Policy key')}
          onSubmit={onSearch}
        />
      </FilterItem>
      <FilterItem col={3} s={12}>
        <SelectField
          {...field('action')}
          label={text('ledger.action', 'Action')}
          anyLabel={text('filters.any-action', 'All actions')}
          options={CONSENT_ACTIONS.map((action) => ({
            value: action,
            label: actionLabel(action, formatMessage),
          }))}
        />
      </FilterItem>
      <FilterItem col={2} s={6}>
        {knownVersions.length > 0 ? (
          <SelectField
            {...field('version')}
            label={text('panel.version', 'Version')}
            anyLabel={text('filters.any-version', 'All versions')}
            options={knownVersions.map((v) => ({
              value: String(v),
              label: versionLabel(v, formatMessage),
            }))}
          />
        ) : (
          <TextField
            {...field('version')}
            type="number"
            label={text('panel.version', 'Version')}
            error={versionError ?? errors?.version}
            onSubmit={onSearch}
          />
        )}
      </FilterItem>
      <FilterItem col={2} s={6}>
        {knownLocales.length > 0 ? (
          <SelectField
            {...field('locale')}
            label={text('filters.locale', 'Locale')}
            anyLabel={text('filters.any-locale', 'All locales')}
            options={knownLocales.map((l) => ({ value: l, label: l }))}
          />
        ) : (
          <TextField
            {...field('locale')}
            label={text('filters.locale', 'Locale')}
            onSubmit={onSearch}
          />
        )}
      </FilterItem>
      <FilterItem col={2} s={12}>
        <TextField
          {...field('form')}
          label={text('ledger.form', 'Form')}
          placeholder={text('ledger.form.placeholder', 'Form key')}
          onSubmit={onSearch}
        />
      </FilterItem>
      <DateRangeFields
        name="ledger"
        from={values.from}
        to={values.to}
        onFromChange={(from) => onChange({ from })}
        onToChange={(to) => onChange({ to })}
      />
      <FilterItem col={2} s={12}>
        <Flex gap={2} paddingTop={6} wrap="wrap">
          <Button
            type="submit"
            startIcon={<Search />}
            loading={isSearching}
            disabled={!filtersValid(values) || isSearching}
            data-testid="ledger-search"
          >
            {text('ledger.search', 'Search')}
          </Button>
          <Button type="button" variant="tertiary" disabled={isSearching} onClick={onReset}>
            {text('ledger.reset', 'Reset')}
          </Button>
        </Flex>
      </FilterItem>
    </FilterBar>
  );
};
