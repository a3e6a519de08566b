/**
 * "Start from an existing file": a customer.env or a Helm customizations.yaml, chosen, dropped or
 * pasted, fills the answers with its proxy settings, and a short report says what was read into which
 * answer, what disagreed and what was left out. Its own chunk, and the shared import code (with the
 * diff package) is fetched only when a file is actually read.
 *
 * The file's text stays in memory (wizard/state/imported-file.ts) for the Review step's merged download:
 * never sent, never saved. Only the answers read from it are kept, as any typed answer is.
 */
import type { ImportReport } from '@wizard/shared/import/index';
import { methodOfMergeKind, OWN_FILE_NAME_OF_KIND } from '@wizard/shared/import/merge-targets';
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import type { Catalog } from '../../api/catalog.ts';
import { announce } from '../../components/announce.ts';
import { Callout } from '../../components/callout.tsx';
import { FileDrop, type TextFile } from '../../components/file-drop.tsx';
import { LockIcon, WarningIcon } from '../../components/icons.tsx';
import { useWizardStore } from '../../wizard/state/context.ts';
import { draftsEqual } from '../../wizard/state/draft.ts';
import {
  forgetImportedFile,
  setImportedFile,
  useImportedFile,
  type ImportedFile,
} from '../../wizard/state/imported-file.ts';
import { fieldLabelOf } from '../../wizard/registry/step-values.ts';
import { useWizardState } from '../../wizard/state/store.ts';
import { applyImport } from './apply-import.ts';
import './import.css';

/**
 * Where focus goes once the panel renders again: importing or undoing replaces the draft, which
 * remounts the step, so the button that was clicked is gone. Module state survives the remount.
 */
let pendingFocus: 'report' | 'title' | null = null;

/** The answers an import can fill, in the words of the steps that ask for them. */
const ANSWER_LABELS: Record<string, string> = {
  proxy: 'Proxy',
  'proxy.protocol': 'Proxy protocol',
  'proxy.host': 'Proxy host',
  'proxy.port': 'Proxy port',
  'proxy.verifyCertificate': 'Verify the proxy certificate',
  'proxy.customCa': 'Custom CA',
  excludedDomains: 'Excluded domains',
  'deployment.gkeWorkloadIdentity': 'GKE Workload Identity',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function Report({
  file,
  report,
  catalog,
  headingRef,
}: {
  file: ImportedFile;
  report: ImportReport;
  catalog: Catalog;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const store = useWizardStore();
  const draft = useWizardState(store, (s) => s.draft);
  const id = useId();
  const method = methodOfMergeKind(report.kind);
  const methodLabel = catalog.deploymentMethods.find((m) => m.id === method)?.label ?? method;
  // Undo only while the answers are still what the import made: later edits are never thrown away.
  const undoable =
    file.before !== undefined && file.after !== undefined && draftsEqual(draft, file.after);

  const undo = () => {
    if (!file.before) return;
    pendingFocus = 'title';
    forgetImportedFile();
    store.replaceDraft(file.before);
    announce('Import undone: your earlier answers are back, and the file is forgotten.');
  };

  const forget = () => {
    pendingFocus = 'title';
    forgetImportedFile();
    announce(`${file.name} is forgotten. The answers read from it are kept.`);
  };

  return (
    <section className="import import--done" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="subheading" tabIndex={-1} ref={headingRef}>
        Started from <code>{file.name}</code>
      </h3>
      <p>
        The deployment method is now <strong>{methodLabel}</strong>
        {report.read.length > 0
          ? ', and these answers come from the file. Check them on each step.'
          : '. The file has no proxy settings the wizard could read: answer the next steps as usual.'}
      </p>

      {report.read.length > 0 && (
        <table className="import__read">
          <caption className="visually-hidden">Read from {file.name} into your answers</caption>
          <thead>
            <tr>
              <th scope="col">In the file</th>
              <th scope="col">Answer</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {report.read.map((row) => (
              <tr key={`${row.from}:${row.to}`}>
                <th scope="row">
                  <code>{row.from}</code>
                </th>
                <td>{ANSWER_LABELS[row.to] ?? fieldLabelOf(row.to.split('.'))}</td>
                <td>
                  {row.value === '' ? (
                    <span className="muted">None of your own</span>
                  ) : (
                    <code>{row.value}</code>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {report.inconsistent.length > 0 && (
        <div className="import__group">
          <h4 className="import__group-title">Worth checking ({report.inconsistent.length})</h4>
          <ul className="import__list">
            {report.inconsistent.map((text) => (
              <li key={text} className="import__item import__item--warning">
                <WarningIcon className="inline-icon" />
                <span>{text}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {report.ignored.length > 0 && (
        <div className="import__group">
          <h4 className="import__group-title">Not used ({report.ignored.length})</h4>
          <ul className="import__list">
            {report.ignored.map((row) => (
              <li key={`${row.from}:${row.reason}`} className="import__item">
                <span>
                  <code>{row.from}</code>: {row.reason}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {report.notes.length > 0 && (
        <div className="import__group">
          <h4 className="import__group-title">Left out of the file ({report.notes.length})</h4>
          <ul className="import__list">
            {report.notes.map((text) => (
              <li key={text} className="import__item">
                <span>{text}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <p className="import__untouched">
        {report.otherSettings === 0
          ? 'The file has no other settings.'
          : `${plural(report.otherSettings, 'other setting', 'other settings')} left untouched: the wizard did not read ${report.otherSettings === 1 ? 'it' : 'them'}.`}
      </p>

      <p className="import__privacy">
        <LockIcon className="inline-icon" />
        <span>
          The file stays in this page’s memory: it is never uploaded or saved. On the last step you
          can download it with only its proxy settings changed. A reload forgets it: re-open the
          file then to download it merged.
        </span>
      </p>

      <div className="import__actions">
        {undoable && (
          <button type="button" className="button button--small" onClick={undo}>
            Undo the import
          </button>
        )}
        <button type="button" className="button button--small button--quiet" onClick={forget}>
          Forget the file
        </button>
      </div>
    </section>
  );
}

export default function ImportPanel({ catalog }: { catalog: Catalog }) {
  const store = useWizardStore();
  const file = useImportedFile();
  const id = useId();
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string>();
  const [reading, setReading] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const reportTitle = useRef<HTMLHeadingElement>(null);
  const pasteArea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const target = pendingFocus === 'report' ? reportTitle.current : title.current;
    if (pendingFocus === null || !target) return;
    pendingFocus = null;
    target.focus();
  }, [file]);

  useEffect(() => {
    if (pasting) pasteArea.current?.focus();
  }, [pasting]);

  const read = async ({ name, text }: TextFile, wasPasted: boolean) => {
    setError(undefined);
    setReading(true);
    let module: typeof import('@wizard/shared/import/index');
    try {
      module = await import('@wizard/shared/import/index');
    } catch {
      setReading(false);
      setError(
        'The import could not be loaded: the wizard’s server may have stopped. Your answers are unchanged.',
      );
      return;
    }
    setReading(false);
    // importConfig answers every file it cannot use in words; a throw here would be a bug, and
    // must still leave the page usable (issue 13, item 13).
    let result: ReturnType<typeof module.importConfig>;
    try {
      result = module.importConfig(text);
    } catch {
      result = { ok: false, message: 'This file cannot be read.' };
    }
    if (!result.ok) {
      setError(
        `${wasPasted ? 'The pasted text' : name} could not be used. ${result.message} Your answers are unchanged.`,
      );
      return;
    }
    const before = store.getState().draft;
    const after = applyImport(before, result.answers, result.report);
    setPasting(false);
    setPasted('');
    pendingFocus = 'report';
    setImportedFile({
      name: wasPasted ? OWN_FILE_NAME_OF_KIND[result.report.kind] : name,
      text,
      kind: result.report.kind,
      report: result.report,
      before,
      after,
    });
    store.replaceDraft(after);
  };

  if (file?.report) {
    return <Report file={file} report={file.report} catalog={catalog} headingRef={reportTitle} />;
  }

  return (
    <section className="import" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="subheading" tabIndex={-1} ref={title}>
        Start from an existing file <span className="field__optional">(optional)</span>
      </h3>
      <p className="field__hint">
        Already have a <code>customer.env</code> (Docker Compose) or a{' '}
        <code>customizations.yaml</code> (Helm)? Its proxy settings fill in the answers, and on the
        last step you get the file back with only those settings changed. It is read in this
        browser, never uploaded or saved.
      </p>
      <FileDrop
        label="Choose a file…"
        hint={reading ? 'Reading…' : 'or drop it here.'}
        onFile={(chosen) => void read(chosen, false)}
        onError={(message) => setError(`${message} Your answers are unchanged.`)}
      />
      {pasting ? (
        <div className="field">
          <label htmlFor={`${id}-paste`} className="field__label">
            Text of your customer.env or customizations.yaml
          </label>
          <textarea
            id={`${id}-paste`}
            ref={pasteArea}
            className="textarea"
            rows={8}
            wrap="off"
            // Browsers' enhanced spell checkers can send text to a server: never this one.
            spellCheck={false}
            autoComplete="off"
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
          />
          <div className="import__actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => void read({ name: 'pasted text', text: pasted }, true)}
            >
              Read the pasted text
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => {
                setPasting(false);
                setPasted('');
                setError(undefined);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <p>
          <button type="button" className="link-button" onClick={() => setPasting(true)}>
            Paste the text instead
          </button>
        </p>
      )}
      {error && (
        <Callout tone="danger" role="alert" title="Nothing was imported">
          <p>{error}</p>
        </Callout>
      )}
    </section>
  );
}
