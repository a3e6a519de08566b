/**
 * Step 4: what bypasses the proxy (NO_PROXY). The entries the rules require are listed first, locked,
 * each with its reason and source; the user's own entries follow as an editable list.
 */
import {
  EXCLUDED_DOMAIN_EXAMPLES,
  excludedDomainProblem,
  lintInList,
  type NoProxyEntry,
} from '@wizard/shared';
import { useEffect, useId, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useCatalog, type Catalog } from '../../api/catalog.ts';
import { announce } from '../../components/announce.ts';
import { DocLink } from '../../components/doc-link.tsx';
import { FieldError } from '../../components/field.tsx';
import { InfoIcon, LockIcon, WarningIcon } from '../../components/icons.tsx';
import { Why } from '../../components/why.tsx';
import { CatalogStatus } from '../../wizard/frame/catalog-status.tsx';
import { useAnalysis } from '../../wizard/state/context.ts';
import { useMethodGuide } from '../../wizard/frame/method-guide.ts';
import { StepFrame } from '../../wizard/frame/step-frame.tsx';
import { useStepForm } from '../../wizard/frame/use-step-form.ts';
import { ClusterFacts } from './cluster-facts.tsx';
import { RouteTester } from './route-tester.tsx';
import '../steps.css';

/** The host of a URL typed as an entry (https://git.corp.example/x → git.corp.example), if it is one. */
function hostOfUrl(value: string): string | undefined {
  const text = value.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.includes('@')) return undefined;
  try {
    const host = new URL(text).hostname;
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}

/** Entries that share a rule (GKE's three metadata hosts) are listed together, with the reason once. */
function byRule(
  entries: NoProxyEntry[],
): { entries: string[]; reason: string; source: NoProxyEntry['source'] }[] {
  const groups: { entries: string[]; reason: string; source: NoProxyEntry['source'] }[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last && last.reason === entry.reason && last.source?.url === entry.source?.url) {
      last.entries.push(entry.entry);
    } else {
      groups.push({ entries: [entry.entry], reason: entry.reason, source: entry.source });
    }
  }
  return groups;
}

function RequiredEntries({ entries }: { entries: NoProxyEntry[] | undefined }) {
  if (!entries) {
    return (
      <p className="field__hint">
        The entries the wizard adds appear here once the Deployment and Proxy steps (and your
        cluster, above) are answered.
      </p>
    );
  }
  return (
    <ul className="locked-list" aria-describedby="required-entries-hint">
      {byRule(entries).map((group) => (
        <li key={group.entries.join(',')} className="locked-list__item">
          <LockIcon className="locked-list__icon" />
          <div>
            <p className="locked-list__entries">
              {group.entries.map((entry) => (
                <code key={entry} className="locked-list__entry">
                  {entry}
                </code>
              ))}
            </p>
            <p className="locked-list__reason">
              {group.reason}
              {group.source && (
                <>
                  {' '}
                  <DocLink source={group.source}>Source</DocLink>
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
  const { register, control, formState, setFocus, getValues } = form;
  const { fields, append, remove, insert, update } = useFieldArray({
    control,
    name: 'excludedDomains',
  });
  const rows = useWatch({ control, name: 'excludedDomains' });
  const { analysis } = useAnalysis();
  const listId = useId();
  const guide = useMethodGuide(catalog);
  const required = analysis?.requiredNoProxy;
  const requiredKeys = new Set(required?.map((e) => e.entry.toLowerCase()));
  const errors = formState.errors.excludedDomains;

  /**
   * Where the focus goes once a Remove or a one-click fix has re-rendered the list: the row now at that
   * place (the next one), else the last row, else the list's heading; never the page body (item 7).
   */
  const focusAfter = useRef<number | null>(null);
  const setFocusAfter = ({ index }: { index: number }) => {
    focusAfter.current = index;
  };
  const listHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusAfter.current === null) return;
    const index = Math.min(focusAfter.current, fields.length - 1);
    focusAfter.current = null;
    if (index >= 0) setFocus(`excludedDomains.${index}.value`);
    else listHeading.current?.focus();
  }, [fields, setFocus]);

  const removeRow = (index: number) => {
    remove(index);
    setFocusAfter({ index });
    announce(`Removed excluded domain ${index + 1}.`);
  };

  /** Enter commits the entry and opens a row below it; it never submits the step (item 5). */
  const onEnter = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    // The form's live values, not the last render's: a key pressed right after typing must see the text.
    const live = getValues('excludedDomains');
    if ((live[index]?.value ?? '').trim() === '') return;
    const next = live[index + 1];
    if (next && next.value.trim() === '') setFocus(`excludedDomains.${index + 1}.value`);
    else insert(index + 1, { value: '' });
  };

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

  const present = new Set([
    ...requiredKeys,
    ...(rows ?? []).map((row) => row.value.trim().toLowerCase()).filter((e) => e !== ''),
  ]);
  const fullList = [
    ...(required?.map((e) => e.entry) ?? []),
    ...(rows ?? []).map((row) => row.value.trim()).filter((entry) => entry !== ''),
  ];

  /**
   * How clients will read this entry (the shared NO_PROXY linter, in the context of the whole list, as
   * the render warnings read it); errors are the schema's job.
   */
  const findingsFor = (value: string) =>
    value.trim() === '' || excludedDomainProblem(value.trim()) ? [] : lintInList(value, fullList);

  /** Puts a finding's fix in place of the row (entries already listed are not repeated). */
  const applyFix = (index: number, fix: string[]) => {
    if (fix.length === 0) {
      removeRow(index);
      return;
    }
    const current = (rows?.[index]?.value ?? '').trim().toLowerCase();
    const others = new Set([...present].filter((e) => e !== current));
    const [first, ...rest] = fix.filter((e) => !others.has(e));
    setFocusAfter({ index });
    if (first === undefined) {
      remove(index);
    } else {
      update(index, { value: first });
      if (rest.length > 0)
        insert(
          index + 1,
          rest.map((value) => ({ value })),
          { shouldFocus: false },
        );
    }
    announce(`Excluded domain ${index + 1} replaced with ${fix.join(' and ')}.`);
  };

  return (
    <StepFrame
      step="excluded-domains"
      form={form}
      intro={
        <>
          Hosts CARTO reaches directly, without the proxy: the excluded domains, written as{' '}
          <code>NO_PROXY</code> in the files. The wizard adds what your setup needs; add your own
          internal hosts below.
        </>
      }
      source={guide}
    >
      <ClusterFacts catalog={catalog} form={form} />

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
        <h3 id={`${listId}-title`} className="subheading" tabIndex={-1} ref={listHeading}>
          Your own entries
        </h3>
        <p id={`${listId}-hint`} className="field__hint">
          One per line: a host (<code>{EXCLUDED_DOMAIN_EXAMPLES.host}</code>); a domain and every
          host under it, as two lines (<code>{EXCLUDED_DOMAIN_EXAMPLES.domain[0]}</code> and{' '}
          <code>{EXCLUDED_DOMAIN_EXAMPLES.domain[1]}</code>); an IP address (
          <code>{EXCLUDED_DOMAIN_EXAMPLES.ip}</code>). No scheme, path or port. Pasting a
          comma-separated list splits it.
        </p>
        {fields.length === 0 ? (
          <p className="empty-note">None yet.</p>
        ) : (
          <ol className="entry-list">
            {fields.map((field, index) => {
              const error = errors?.[index]?.value?.message;
              const value = rows?.[index]?.value ?? '';
              const duplicate = value.trim() !== '' && requiredKeys.has(value.trim().toLowerCase());
              const warnings = findingsFor(value);
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
                      placeholder={EXCLUDED_DOMAIN_EXAMPLES.host}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={describedBy}
                      onPaste={onPaste(index)}
                      onKeyDown={onEnter(index)}
                      {...register(`excludedDomains.${index}.value`)}
                    />
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      aria-label={`Remove excluded domain ${index + 1}${value.trim() ? ` (${value.trim()})` : ''}`}
                      onClick={() => removeRow(index)}
                    >
                      Remove
                    </button>
                  </div>
                  <FieldError id={`${inputId}-error`} message={error} />
                  {error && hostOfUrl(value) && (
                    <p className="entry__fix">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => applyFix(index, [hostOfUrl(value) ?? ''])}
                      >
                        Use {hostOfUrl(value)}
                      </button>
                    </p>
                  )}
                  {duplicate && (
                    <p id={`${inputId}-duplicate`} className="field__hint">
                      Already added by the wizard above; this line changes nothing.
                    </p>
                  )}
                  {warnings.length > 0 && (
                    <ul id={`${inputId}-warnings`} className="entry__warnings">
                      {warnings.map((w) => (
                        <li
                          key={w.code}
                          className={
                            w.severity === 'info'
                              ? 'entry__finding entry__finding--info'
                              : 'entry__finding'
                          }
                        >
                          {w.severity === 'info' ? (
                            <InfoIcon className="inline-icon" />
                          ) : (
                            <WarningIcon className="inline-icon" />
                          )}
                          <span>
                            {w.message}{' '}
                            {w.fix && (
                              <button
                                type="button"
                                className="link-button"
                                onClick={() => applyFix(index, w.fix ?? [])}
                              >
                                {w.fix.length === 0
                                  ? 'Remove this entry'
                                  : `Use ${w.fix.join(' and ')}`}
                              </button>
                            )}
                            {w.why && <Why>{w.why}</Why>}
                          </span>
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

      <RouteTester entries={fullList} />
    </StepFrame>
  );
}

export default function ExcludedDomainsStep() {
  const catalog = useCatalog();
  if (!catalog.data) return <CatalogStatus step="excluded-domains" query={catalog} />;
  return <ExcludedDomainsForm catalog={catalog.data} />;
}
