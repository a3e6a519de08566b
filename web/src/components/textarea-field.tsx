/** A labelled textarea (the custom CA); its own module so it loads with the step that uses it. */
import type { TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldShell, type FieldFrame } from './field.tsx';

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
  return (
    <FieldShell label={label} hint={hint} error={error} optional={optional} after={after}>
      {(wiring) => <textarea className="textarea" {...wiring} {...textarea} {...registration} />}
    </FieldShell>
  );
}
