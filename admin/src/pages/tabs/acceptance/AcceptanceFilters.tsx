import { Box, Button } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { OverviewPolicy } from '../../../../../shared/contracts';
import { SelectField } from '../../../components/fields';
import { DateRangeFields, FilterBar, FilterItem, PolicyField } from '../../../components/filters';
import { getTrad } from '../../../utils/getTrad';
import { GROUP_BY_LABEL, GROUP_BY_OPTIONS, isGroupByOption } from './groups';
import type { GroupByOption } from './groups';

export interface AcceptanceFilterValues {
  /** The chosen policy key (typed keys count once Enter is pressed). */
  policy: string;
  /** The policy key being typed, without `read`. */
  policyDraft: string;
  groupBy: GroupByOption;
  from: string;
  to: string;
}

interface AcceptanceFiltersProps {
  policies: OverviewPolicy[] | null;
  values: AcceptanceFilterValues;
  onChange: (patch: Partial<AcceptanceFilterValues>) => void;
  /** Refresh: disabled without a valid selection, spinning while loading. */
  canRefresh: boolean;
  isRefreshing: boolean;
  onRefresh: () => void;
}

export const AcceptanceFilters = ({
  policies,
  values,
  onChange,
  canRefresh,
  isRefreshing,
  onRefresh,
}: AcceptanceFiltersProps) => {
  const { formatMessage } = useIntl();

  return (
    <FilterBar>
      <FilterItem col={3} s={12}>
        <PolicyField
          name="acceptance-policy"
          policies={policies}
          value={policies === null ? values.policyDraft : values.policy}
          onChange={(value) =>
            onChange(policies === null ? { policyDraft: value } : { policy: value })
          }
          placeholder={formatMessage({
            id: getTrad('filters.policy.placeholder'),
            defaultMessage: 'Choose a policy',
          })}
          keyHint={formatMessage({
            id: getTrad('filters.policy.key-hint'),
            defaultMessage: 'The policy key; press Enter.',
          })}
          onSubmit={() => onChange({ policy: values.policyDraft.trim() })}
        />
      </FilterItem>
      <FilterItem col={3} s={12}>
        <SelectField
          name="acceptance-groupby"
          testId="acceptance-groupby"
          label={formatMessage({ id: getTrad('acceptance.group-by'), defaultMessage: 'Group by' })}
          value={values.groupBy}
          options={GROUP_BY_OPTIONS.map((option) => ({
            value: option,
            label: formatMessage({
              id: getTrad(`acceptance.group-by.${option.replace(',', '-')}`),
              defaultMessage: GROUP_BY_LABEL[option],
            }),
          }))}
          onChange={(value) => {
            if (isGroupByOption(value)) onChange({ groupBy: value });
          }}
        />
      </FilterItem>
      <DateRangeFields
        name="acceptance"
        from={values.from}
        to={values.to}
        onFromChange={(from) => onChange({ from })}
        onToChange={(to) => onChange({ to })}
      />
      <FilterItem col={2} s={12} justifyContent="flex-end">
        <Box paddingTop={6}>
          <Button
            variant="secondary"
            startIcon={<ArrowClockwise />}
            disabled={!canRefresh || isRefreshing}
            loading={isRefreshing}
            onClick={onRefresh}
          >
            {formatMessage({ id: getTrad('page.refresh'), defaultMessage: 'Refresh' })}
          </Button>
        </Box>
      </FilterItem>
    </FilterBar>
  );
};
