import { type InputHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';

interface FieldText {
  label: string;
  hint?: string;
  error?: string;
}

function describedBy(ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/** A labelled text input with an optional hint and error, tied to it for screen readers. */
export function TextField({
  label,
  hint,
  error,
  className,
  ...input
}: FieldText & InputHTMLAttributes<HTMLInputElement>) {
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
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([hint && `${id}-hint`, error && `${id}-error`])}
        {...input}
      />
    </div>
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
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([hint && `${id}-hint`, error && `${id}-error`])}
        {...textarea}
      />
    </div>
  );
}
