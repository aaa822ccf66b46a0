import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { limitCount, overLimitMessage } from './limitCount';

interface FieldText {
  label: string;
  hint?: string;
  error?: string;
  /**
   * The most characters the box takes (item 5 of issue 9). Never a `maxLength`, which drops pasted text without a
   * word: the box keeps everything, counts from 90% of the limit ("940 of 1,000", told politely to screen readers)
   * and says when it is over. The form refuses to send it until it is shortened.
   */
  limit?: number;
}

/** How long a control's value is, for its counter. */
function lengthOf(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

function describedBy(ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/** The label, hint and error around a control, tied to it for screen readers. */
function FieldFrame({
  label,
  hint,
  error: given,
  limit,
  length = 0,
  className,
  control,
}: FieldText & {
  className?: string;
  length?: number;
  control: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const error = given ?? (limit === undefined ? undefined : (overLimitMessage(length, limit) ?? undefined));
  const count = limit === undefined ? null : limitCount(length, limit);
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
        'aria-describedby': describedBy([
          hint && `${id}-hint`,
          error && `${id}-error`,
          count ? `${id}-count` : undefined,
        ]),
      })}
      {limit !== undefined && (
        // Always in the page, so screen readers hear the count politely as it changes.
        <p className={`field-count${length > limit ? ' over' : ''}`} id={`${id}-count`} aria-live="polite">
          {count}
        </p>
      )}
    </div>
  );
}

/** A labelled text input with an optional hint and error. */
export function TextField({
  label,
  hint,
  error,
  limit,
  className,
  ...input
}: FieldText & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      limit={limit}
      length={lengthOf(input.value)}
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
  limit,
  className,
  ...textarea
}: FieldText & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      limit={limit}
      length={lengthOf(textarea.value)}
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
