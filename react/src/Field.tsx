import { useId, type ReactNode } from 'react';
import type { FormFieldDefinition } from '../../client/src';

export interface FieldProps {
  field: FormFieldDefinition;
  value: string | boolean | undefined;
  error?: string;
  requiredMark: string;
  chooseText: string;
  onChange: (value: string | boolean) => void;
}

/** Field types of a collection form (server/src/domain/form.ts) → input types. */
const INPUT: Record<string, { type: string; autoComplete?: string }> = {
  email: { type: 'email', autoComplete: 'email' },
  phone: { type: 'tel', autoComplete: 'tel' },
  date: { type: 'date' },
};

/** One field of a collection form: a labelled control, its error beside it and bound to it. */
export function Field({ field, value, error, requiredMark, chooseText, onChange }: FieldProps) {
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
  const text = typeof value === 'string' ? value : '';
  const maxLength = field.maxLength ?? undefined;
  let control: ReactNode;
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
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">{chooseText}</option>
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
        maxLength={maxLength}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else {
    const input = INPUT[field.type] ?? { type: 'text' };
    control = (
      <input
        {...common}
        type={input.type}
        autoComplete={input.autoComplete}
        maxLength={maxLength}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  const label = (
    <label htmlFor={id} className="pl-label">
      {field.label}
      {field.required && <span className="pl-required"> {requiredMark}</span>}
    </label>
  );
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
