import { useId, type ReactNode } from 'react';

export interface CheckboxProps {
  name: string;
  checked: boolean;
  required: boolean;
  error?: string;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}

/** A labelled checkbox (a purpose), its error beside it and bound to it. */
export function Checkbox({ name, checked, required, error, onChange, children }: CheckboxProps) {
  const id = useId();
  return (
    <div className={`pl-field pl-checkbox${error ? ' pl-invalid' : ''}`}>
      <input
        id={id}
        name={name}
        type="checkbox"
        className="pl-input"
        checked={checked}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id} className="pl-label">
        {children}
      </label>
      {error && (
        <p id={`${id}-error`} className="pl-field-error">
          {error}
        </p>
      )}
    </div>
  );
}
