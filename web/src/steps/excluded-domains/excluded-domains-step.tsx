/**
 * Step 4: what bypasses the proxy (NO_PROXY). The entries the rules require are listed first, locked,
 * each with its reason and source; the user's own entries follow as an editable list.
 */
import type { NoProxyEntry } from '@wizard/shared';
import { useId, type ClipboardEvent } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useCatalog, type Catalog } from '../../api/catalog.ts';
import { announce } from '../../components/announce.ts';
import { DocLink } from '../../components/doc-link.tsx';
import { FieldError } from '../../components/field.tsx';
import { LockIcon, WarningIcon } from '../../components/icons.tsx';
import { CatalogStatus } from '../../wizard/catalog-status.tsx';
import { useAnalysis } from '../../wizard/context.ts';
import { StepFrame } from '../../wizard/step-frame.tsx';
import { useStepForm } from '../../wizard/use-step-form.ts';
import '../steps.css';

function RequiredEntries({ entries }: { entries: NoProxyEntry[] | undefined }) {
  if (!entries) {
    return (
      <p className="field__hint">
        The entries the wizard adds appear here once the Deployment and Proxy steps are answered.
      </p>
    );
  }
  return (
    <ul className="locked-list" aria-describedby="required-entries-hint">
      {entries.map((entry) => (
        <li key={entry.entry} className="locked-list__item">
          <LockIcon className="locked-list__icon" />
          <div>
            <code className="locked-list__entry">{entry.entry}</code>
            <p className="locked-list__reason">
              {entry.reason}
              {entry.source && (
                <>
                  {' '}
                  <DocLink source={entry.source}>Source</DocLink>
                </>
              )}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

function ExcludedDomainsForm({ catalog }: { catalog: Catalog }) {
  const form = useStepForm('excluded-domains');
  const { register, control, formState } = form;
  const { fields, append, remove, insert, update } = useFieldArray({
    control,
    name: 'excludedDomains',
  });
  const rows = useWatch({ control, name: 'excludedDomains' });
  const { analysis } = useAnalysis();
  const listId = useId();
  const required = analysis?.requiredNoProxy;
  const requiredKeys = new Set(required?.map((e) => e.entry.toLowerCase()));
  const errors = formState.errors.excludedDomains;

  /** A pasted list ("a.corp, b.corp" or one per line) becomes one row per entry. */
  const onPaste = (index: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const entries = event.clipboardData
      .getData('text')
      .split(/[\s,;]+/)
      .filter((entry) => entry !== '');
    if (entries.length < 2) return;
    event.preventDefault();
    const [first = '', ...rest] = entries;
    update(index, { value: first });
    insert(
      index + 1,
      rest.map((value) => ({ value })),
      { shouldFocus: false },
    );
    announce(`Added ${entries.length} entries, one per line.`);
  };

  const warningsFor = (index: number) =>
    analysis?.warnings.filter((w) => w.path[0] === 'excludedDomains' && w.path[1] === index) ?? [];

  return (
    <StepFrame
      step="excluded-domains"
      form={form as never}
      intro="Hosts CARTO reaches directly, without the proxy (NO_PROXY). The wizard adds what your setup needs; add your own internal hosts below."
      source={catalog.sources.proxyDocsHelm}
    >
      <section aria-labelledby="required-entries-title" className="field">
        <h3 id="required-entries-title" className="subheading">
          Added by the wizard
        </h3>
        <p id="required-entries-hint" className="field__hint">
          Required for your answers, so they cannot be removed here. They follow your other answers
          (for example, Snowflake with an HTTPS proxy adds <code>.snowflakecomputing.com</code>).
        </p>
        <RequiredEntries entries={required} />
      </section>

      <section aria-labelledby={`${listId}-title`} className="field">
        <h3 id={`${listId}-title`} className="subheading">
          Your own entries
        </h3>
        <p id={`${listId}-hint`} className="field__hint">
          One per line: a host (<code>git.corp.example</code>), a domain with a leading dot for
          every host under it (<code>.corp.example</code>), an IP address or a CIDR range (
          <code>10.0.0.0/8</code>). No scheme, path or port. Pasting a comma-separated list splits
          it.
        </p>
        {fields.length === 0 ? (
          <p className="empty-note">None yet.</p>
        ) : (
          <ol className="entry-list">
            {fields.map((field, index) => {
              const error = errors?.[index]?.value?.message;
              const value = rows?.[index]?.value ?? '';
              const duplicate = value.trim() !== '' && requiredKeys.has(value.trim().toLowerCase());
              const warnings = warningsFor(index);
              const inputId = `${listId}-${field.id}`;
              const describedBy =
                [
                  `${listId}-hint`,
                  error && `${inputId}-error`,
                  duplicate && `${inputId}-duplicate`,
                  warnings.length > 0 && `${inputId}-warnings`,
                ]
                  .filter(Boolean)
                  .join(' ') || undefined;
              return (
                <li key={field.id} className="entry">
                  <div className="entry__row">
                    <label htmlFor={inputId} className="visually-hidden">
                      Excluded domain {index + 1}
                    </label>
                    <input
                      id={inputId}
                      className="input"
                      autoComplete="off"
                      autoCapitalize="none"
                      spellCheck={false}
                      placeholder=".corp.example"
                      aria-invalid={error ? true : undefined}
                      aria-describedby={describedBy}
                      onPaste={onPaste(index)}
                      {...register(`excludedDomains.${index}.value`)}
                    />
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      aria-label={`Remove excluded domain ${index + 1}${value.trim() ? ` (${value.trim()})` : ''}`}
                      onClick={() => {
                        remove(index);
                        announce(`Removed excluded domain ${index + 1}.`);
                      }}
                    >
                      Remove
                    </button>
                  </div>
                  <FieldError id={`${inputId}-error`} message={error} />
                  {duplicate && (
                    <p id={`${inputId}-duplicate`} className="field__hint">
                      Already added by the wizard above; this line changes nothing.
                    </p>
                  )}
                  {warnings.length > 0 && (
                    <ul id={`${inputId}-warnings`} className="entry__warnings">
                      {warnings.map((w) => (
                        <li key={w.code + w.message}>
                          <WarningIcon className="inline-icon" /> {w.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {errors?.root?.message && (
          <FieldError id={`${listId}-root-error`} message={errors.root.message} />
        )}
        <div>
          <button
            type="button"
            className="button button--small"
            onClick={() => append({ value: '' })}
          >
            Add a domain
          </button>
        </div>
      </section>
    </StepFrame>
  );
}

export default function ExcludedDomainsStep() {
  const catalog = useCatalog();
  if (!catalog.data) return <CatalogStatus step="excluded-domains" query={catalog} />;
  return <ExcludedDomainsForm catalog={catalog.data} />;
}
