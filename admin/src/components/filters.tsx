/**
 * The filter bars of the tabs: the card and its grid, the policy field and the From/To pair.
 */
import type { ReactNode } from 'react';

import { Grid } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { OverviewPolicy } from '../../../shared/contracts';
import { getTrad } from '../utils/getTrad';
import type { DateRangeError } from '../utils/time';
import { checkDateRange } from '../utils/time';
import { Card } from './Card';
import { SelectField, TextField } from './fields';
import type { SelectOption } from './fields';

interface FilterBarProps {
  children: ReactNode;
  /** Makes the bar a form: Enter in a field or a submit button calls it. */
  onSubmit?: () => void;
}

/** A card holding a tab's filters on a 12-column grid of FilterItems. */
export const FilterBar = ({ children, onSubmit }: FilterBarProps) => {
  const grid = <Grid.Root gap={4}>{children}</Grid.Root>;
  return (
    <Card>
      {onSubmit ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {grid}
        </form>
      ) : (
        grid
      )}
    </Card>
  );
};

interface FilterItemProps {
  children: ReactNode;
  /** Columns out of 12 on wide screens. */
  col: number;
  /** Columns out of 12 on small screens. */
  s: number;
  justifyContent?: 'flex-end';
}

export const FilterItem = ({ children, col, s, justifyContent }: FilterItemProps) => (
  <Grid.Item
    col={col}
    s={s}
    direction="column"
    alignItems="stretch"
    justifyContent={justifyContent}
  >
    {children}
  </Grid.Item>
);

/** "Name (key)" for each policy, as the policy selects list them. */
export const policyOptions = (policies: OverviewPolicy[]): SelectOption[] =>
  policies.map((p) => ({ value: p.key, label: `${p.name} (${p.key})` }));

interface PolicyFieldProps {
  /** Field name and test id. */
  name: string;
  /** null: the admin may not read policies, so the key is typed instead of chosen. */
  policies: OverviewPolicy[] | null;
  value: string;
  onChange: (value: string) => void;
  /** Label of a first option meaning "any policy" (value ""). */
  anyLabel?: string;
  /** Placeholder of the select. */
  placeholder?: string;
  /** Placeholder and hint of the text field that replaces the select. */
  keyPlaceholder?: string;
  keyHint?: string;
  /** Enter in the text field. */
  onSubmit?: () => void;
}

/** The Policy filter: a select of the policies, or a policy key field without `read`. */
export const PolicyField = ({ name, policies, value, onChange, ...props }: PolicyFieldProps) => {
  const { formatMessage } = useIntl();
  const label = formatMessage({ id: getTrad('filters.policy'), defaultMessage: 'Policy' });
  return policies === null ? (
    <TextField
      name={name}
      testId={name}
      label={label}
      placeholder={props.keyPlaceholder}
      hint={props.keyHint}
      value={value}
      onChange={onChange}
      onSubmit={props.onSubmit}
    />
  ) : (
    <SelectField
      name={name}
      testId={name}
      label={label}
      anyLabel={props.anyLabel}
      placeholder={props.placeholder}
      value={value}
      options={policyOptions(policies)}
      onChange={onChange}
    />
  );
};

interface DateRangeFieldsProps {
  /** Prefix of the field names and test ids: `${name}-from`, `${name}-to`. */
  name: string;
  from: string;
  to: string;
  onFromChange: (value: string) => void;
  onToChange: (value: string) => void;
}

/** From and To (calendar dates, both optional) as two FilterItems, with checkDateRange's errors. */
export const DateRangeFields = ({
  name,
  from,
  to,
  onFromChange,
  onToChange,
}: DateRangeFieldsProps) => {
  const { formatMessage } = useIntl();
  const range = checkDateRange(from, to);
  const errorText = (error: DateRangeError | null): string | undefined => {
    if (error === 'invalid') {
      return formatMessage({
        id: getTrad('filters.date-invalid'),
        defaultMessage: 'Use the format YYYY-MM-DD.',
      });
    }
    if (error === 'before-start') {
      return formatMessage({
        id: getTrad('filters.range-error'),
        defaultMessage: 'The end date is before the start date.',
      });
    }
    return undefined;
  };

  return (
    <>
      <FilterItem col={2} s={6}>
        <TextField
          name={`${name}-from`}
          testId={`${name}-from`}
          type="date"
          label={formatMessage({ id: getTrad('filters.from'), defaultMessage: 'From' })}
          placeholder="YYYY-MM-DD"
          value={from}
          error={errorText(range.from)}
          onChange={onFromChange}
        />
      </FilterItem>
      <FilterItem col={2} s={6}>
        <TextField
          name={`${name}-to`}
          testId={`${name}-to`}
          type="date"
          label={formatMessage({ id: getTrad('filters.to'), defaultMessage: 'To' })}
          placeholder="YYYY-MM-DD"
          value={to}
          error={errorText(range.to)}
          onChange={onToChange}
        />
      </FilterItem>
    </>
  );
};
