/** A labelled textarea (the custom CA); its own module so it loads with the step that uses it. */
import { useId, type TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy } from './described-by.ts';
import { FieldError, type FieldFrame } from './field.tsx';

type TextareaFieldProps = FieldFrame &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
    registration: UseFormRegisterReturn;
  };

export function TextareaField({
  label,
  hint,
  error,
  optional,
  after,
  registration,
  ...textarea
}: TextareaFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      )}
      <textarea
        id={id}
        className="textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
        {...textarea}
        {...registration}
      />
      <FieldError id={`${id}-error`} message={error} />
      {after}
    </div>
  );
}
