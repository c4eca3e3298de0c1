import { useId } from 'react';
import type { FormFieldDefinition } from '../../client/src';

export interface FieldProps {
  field: FormFieldDefinition;
  value: string | boolean | undefined;
  error?: string;
  requiredMark: string;
  onChange: (value: string | boolean) => void;
}

const INPUT_TYPE: Record<string, string> = { email: 'email', phone: 'tel', date: 'date' };

/** One field of a collection form: a labelled control, its error announced beside it. */
export function Field({ field, value, error, requiredMark, onChange }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const common = {
    id,
    name: field.name,
    required: field.required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    className: 'pl-input',
  };
  const label = (
    <label htmlFor={id} className="pl-label">
      {field.label}
      {field.required && <span className="pl-required"> {requiredMark}</span>}
    </label>
  );
  let control;
  if (field.type === 'checkbox') {
    control = (
      <input
        {...common}
        type="checkbox"
        checked={value === true}
        onChange={(e) => onChange(e.target.checked)}
      />
    );
  } else if (field.type === 'select') {
    control = (
      <select {...common} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
        <option value="" />
        {(field.options ?? []).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'textarea') {
    control = (
      <textarea
        {...common}
        maxLength={field.maxLength ?? undefined}
        value={String(value ?? '')}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else {
    control = (
      <input
        {...common}
        type={INPUT_TYPE[field.type] ?? 'text'}
        maxLength={field.maxLength ?? undefined}
        value={String(value ?? '')}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={`pl-field pl-field-${field.type}${error ? ' pl-invalid' : ''}`}>
      {field.type === 'checkbox' ? (
        <>
          {control}
          {label}
        </>
      ) : (
        <>
          {label}
          {control}
        </>
      )}
      {error && (
        <p id={errorId} className="pl-field-error">
          {error}
        </p>
      )}
    </div>
  );
}
