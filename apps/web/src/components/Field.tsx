import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface FieldText {
  label: string;
  hint?: string;
  error?: string;
}

function describedBy(ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/** The label, hint and error around a control, tied to it for screen readers. */
function FieldFrame({
  label,
  hint,
  error,
  className,
  control,
}: FieldText & {
  className?: string;
  control: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {control({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy([hint && `${id}-hint`, error && `${id}-error`]),
      })}
    </div>
  );
}

/** A labelled text input with an optional hint and error. */
export function TextField({
  label,
  hint,
  error,
  className,
  ...input
}: FieldText & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      className={className}
      control={(a11y) => <input {...a11y} {...input} />}
    />
  );
}

/** A labelled textarea, as used for card text. */
export function TextArea({
  label,
  hint,
  error,
  className,
  ...textarea
}: FieldText & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      className={className}
      control={(a11y) => <textarea {...a11y} {...textarea} />}
    />
  );
}

/** A labelled select with an optional hint and error. */
export function SelectField({
  label,
  hint,
  error,
  className,
  children,
  ...select
}: FieldText & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      className={className}
      control={(a11y) => (
        <select {...a11y} {...select}>
          {children}
        </select>
      )}
    />
  );
}
