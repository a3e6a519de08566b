/**
 * Labelled native form controls. Each gets an id from useId, its hint and error tied with
 * aria-describedby, and aria-invalid while it has an error.
 */
import { createContext, useContext, useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy } from './described-by.ts';
import { AlertIcon } from './icons.tsx';
import './forms.css';

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field__error">
      <AlertIcon />
      <span>{message}</span>
    </p>
  );
}

export interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  /** Extra content under the control (a consequence, a tool). */
  after?: ReactNode;
}

/** What a control inside a FieldShell needs to be labelled and described. */
export interface ControlWiring {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Label, hint, error and what comes after, around one control: the wiring every field shares. */
export function FieldShell({
  label,
  hint,
  error,
  optional,
  after,
  children,
}: FieldFrame & { children: (wiring: ControlWiring) => ReactNode }) {
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
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`),
      })}
      <FieldError id={`${id}-error`} message={error} />
      {after}
    </div>
  );
}

type TextFieldProps = FieldFrame &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { registration: UseFormRegisterReturn };

export function TextField({
  label,
  hint,
  error,
  optional,
  after,
  registration,
  className = '',
  ...input
}: TextFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} optional={optional} after={after}>
      {(wiring) => (
        <input
          type="text"
          className={`input ${className}`}
          {...wiring}
          {...input}
          {...registration}
        />
      )}
    </FieldShell>
  );
}

interface GroupContext {
  type: 'radio' | 'checkbox';
  registration: UseFormRegisterReturn;
  describedBy?: string;
  invalid: boolean;
}

const ChoiceGroupContext = createContext<GroupContext | null>(null);

export interface ChoiceGroupProps {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  type: 'radio' | 'checkbox';
  registration: UseFormRegisterReturn;
  columns?: boolean;
  children: ReactNode;
}

/** A fieldset of radios or checkboxes sharing one name; the legend names the question. */
export function ChoiceGroup({
  legend,
  hint,
  error,
  type,
  registration,
  columns,
  children,
}: ChoiceGroupProps) {
  const id = useId();
  const ids = describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`);
  return (
    <fieldset className="choices" aria-describedby={ids}>
      <legend>{legend}</legend>
      {hint && (
        <div id={`${id}-hint`} className="choices__hint">
          {hint}
        </div>
      )}
      <FieldError id={`${id}-error`} message={error} />
      <div className={`choices__list${columns ? ' choices__list--columns' : ''}`}>
        <ChoiceGroupContext
          value={{
            type,
            registration,
            describedBy: error ? `${id}-error` : undefined,
            invalid: !!error,
          }}
        >
          {children}
        </ChoiceGroupContext>
      </div>
    </fieldset>
  );
}

export interface ChoiceProps {
  value: string;
  label: ReactNode;
  description?: ReactNode;
  /** Shown under the description; for what choosing this implies. */
  consequence?: ReactNode;
}

/** One option of a ChoiceGroup: the whole card is clickable, the label stays short for screen readers. */
export function Choice({ value, label, description, consequence }: ChoiceProps) {
  const group = useContext(ChoiceGroupContext);
  if (!group) throw new Error('<Choice> must be inside <ChoiceGroup>');
  const id = useId();
  return (
    <div className="choice">
      <input
        id={id}
        type={group.type}
        value={value}
        aria-invalid={group.invalid || undefined}
        aria-describedby={describedBy(
          description !== undefined && `${id}-description`,
          consequence !== undefined && `${id}-consequence`,
          group.describedBy,
        )}
        {...group.registration}
      />
      <label htmlFor={id} className="choice__label">
        {label}
      </label>
      {description !== undefined && (
        <div id={`${id}-description`} className="choice__description">
          {description}
        </div>
      )}
      {consequence !== undefined && (
        <div id={`${id}-consequence`} className="choice__consequence">
          {consequence}
        </div>
      )}
    </div>
  );
}

export interface CheckboxFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type'
> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  registration: UseFormRegisterReturn;
}

/** A single yes/no question as a checkbox. */
export function CheckboxField({ label, hint, error, registration, ...input }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <div className="checkbox-row">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
          {...input}
          {...registration}
        />
        <div>
          <label htmlFor={id}>{label}</label>
          {hint && (
            <div id={`${id}-hint`} className="field__hint">
              {hint}
            </div>
          )}
        </div>
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
