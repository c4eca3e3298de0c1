import * as React from 'react';

import { Field, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';

export interface SelectOption {
  value: string;
  label: string;
}

/** Value of the "any" option (an option's value cannot be empty). */
const ANY = '*';

interface SelectFieldProps {
  /** Field name; also the base of the generated ids. */
  name: string;
  label: string;
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
  /** Put on the combobox trigger (the element a user or a test clicks). */
  testId?: string;
  /**
   * Label of a first option meaning "no filter" ("All policies"): it stands for the value "",
   * which is what `onChange` receives when it is chosen.
   */
  anyLabel?: string;
  placeholder?: string;
  hint?: string;
  error?: string;
  disabled?: boolean;
}

/**
 * A labelled design-system SingleSelect. SingleSelect passes unknown props to
 * the (DOM-less) Radix root, not to the trigger, but it forwards its ref to the
 * trigger element: the data-testid is set there through the ref.
 */
export const SelectField = ({
  name,
  label,
  value,
  options,
  onChange,
  testId,
  anyLabel,
  placeholder,
  hint,
  error,
  disabled,
}: SelectFieldProps) => {
  const triggerRef = React.useCallback(
    (node: HTMLDivElement | null) => {
      if (!node) return;
      if (testId) node.setAttribute('data-testid', testId);
      else node.removeAttribute('data-testid');
    },
    [testId],
  );

  const shown = anyLabel === undefined ? options : [{ value: ANY, label: anyLabel }, ...options];

  return (
    <Field.Root name={name} id={`policy-ledger-${name}`} hint={hint} error={error}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect
        ref={triggerRef}
        value={anyLabel !== undefined && !value ? ANY : value}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(next: string | number) => onChange(String(next) === ANY ? '' : String(next))}
      >
        {shown.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  type?: 'text' | 'date' | 'number' | 'search';
  placeholder?: string;
  hint?: string;
  error?: string;
  disabled?: boolean;
  /** Called on Enter. */
  onSubmit?: () => void;
}

/** A labelled design-system TextInput (the data-testid lands on the `<input>`). */
export const TextField = ({
  name,
  label,
  value,
  onChange,
  testId,
  type = 'text',
  placeholder,
  hint,
  error,
  disabled,
  onSubmit,
}: TextFieldProps) => (
  <Field.Root name={name} id={`policy-ledger-${name}`} hint={hint} error={error}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      type={type}
      value={value}
      placeholder={placeholder}
      disabled={disabled}
      data-testid={testId}
      autoComplete="off"
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      onKeyDown={(event: React.KeyboardEvent<HTMLInputElement>) => {
        if (event.key === 'Enter' && onSubmit) {
          event.preventDefault();
          onSubmit();
        }
      }}
    />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
