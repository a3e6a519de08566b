/**
 * "Your customer.env, updated": the file the user started from (or opens here) merged with the current
 * answers by the shared mergeFile, in this browser, with the lines that change. Copy and
 * download come from memory too (a Blob), so the file never goes to the server; a reload forgets it.
 *
 * A customer.env merges for Docker Compose and Helm values for Helm; any other pairing is explained
 * rather than guessed at.
 */
import type { Answers, DeploymentMethodId } from '@wizard/shared';
import {
  changedLines,
  HandEditNeeded,
  importConfig,
  MERGE_KIND_FOR_METHOD,
  mergeFile,
  type HandEdit,
} from '@wizard/shared/import/index';
import { OWN_FILE_NAME_OF_KIND } from '@wizard/shared/import/merge-targets';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Catalog } from '../../api/catalog.ts';
import { saveFile } from '../../api/download.ts';
import { announce } from '../../components/announce.ts';
import { Callout } from '../../components/callout.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { FileDrop, type TextFile } from '../../components/file-drop.tsx';
import { DownloadIcon, LockIcon } from '../../components/icons.tsx';
import {
  forgetImportedFile,
  setImportedFile,
  useImportedFile,
  type ImportedFile,
  type ImportedKind,
} from '../../wizard/state/imported-file.ts';
import '../../preview/preview.css';
import './merged-file.css';

/**
 * Opening or forgetting a file moves this panel (under the status when there is a file, last
 * otherwise), so the control that was used is gone: its heading takes the focus at the new place.
 */
let focusTitle = false;

const FILE_WORDS: Record<ImportedKind, { usual: string; what: string; method: string }> = {
  'customer.env': {
    usual: OWN_FILE_NAME_OF_KIND['customer.env'],
    what: 'an env file',
    method: 'Docker Compose',
  },
  helm: {
    usual: OWN_FILE_NAME_OF_KIND.helm,
    what: 'a Helm values file',
    method: 'Kubernetes with Helm',
  },
};

/** Opens a file here only to merge it: the answers stay as they are. */
function OpenFile({ kind, label }: { kind: ImportedKind; label: string }) {
  const [error, setError] = useState<string>();
  const open = ({ name, text }: TextFile) => {
    // As the import panel: a throw must still leave the page usable (issue 13, item 13).
    let read: ReturnType<typeof importConfig>;
    try {
      read = importConfig(text);
    } catch {
      read = { ok: false, message: 'This file cannot be read.' };
    }
    if (!read.ok) {
      setError(`${name} could not be used. ${read.message}`);
      return;
    }
    setError(undefined);
    focusTitle = true;
    setImportedFile({ name, text, kind: read.report.kind });
    announce(`${name} opened. It is shown below with the proxy settings replaced.`);
  };
  return (
    <>
      <FileDrop
        label={label}
        hint={`or drop your ${FILE_WORDS[kind].usual} here. Read in this browser, never uploaded.`}
        onFile={open}
        onError={setError}
      />
      {error && (
        <Callout tone="danger" role="alert" title="The file could not be opened">
          <p>{error}</p>
        </Callout>
      )}
    </>
  );
}

function ForgetButton({ file }: { file: ImportedFile }) {
  return (
    <button
      type="button"
      className="button button--small button--quiet"
      onClick={() => {
        focusTitle = true;
        forgetImportedFile();
        announce(`${file.name} is forgotten.`);
      }}
    >
      Forget the file
    </button>
  );
}

function ChangedLines({ before, after, name }: { before: string; after: string; name: string }) {
  const lines = useMemo(() => changedLines(before, after), [before, after]);
  const id = useId();
  const removed = lines.filter((line) => line.kind === 'removed').length;
  const added = lines.length - removed;
  return (
    <div className="merged__changes">
      <h4 id={id} className="merged__subtitle">
        {lines.length === 0
          ? 'Nothing changes: the file already has these proxy settings.'
          : `What changes: ${removed} ${removed === 1 ? 'line' : 'lines'} removed, ${added} added`}
      </h4>
      {lines.length > 0 && (
        // Focusable so a long diff can be scrolled with the keyboard.
        <ol className="diff" aria-labelledby={id} tabIndex={0} data-file={name}>
          {lines.map((line, index) => (
            <li key={index} className={`diff__line diff__line--${line.kind}`}>
              <span className="diff__sign" aria-hidden>
                {line.kind === 'removed' ? '−' : '+'}
              </span>
              <span className="visually-hidden">
                {line.kind === 'removed' ? 'Removed: ' : 'Added: '}
              </span>
              <code className="diff__text">{line.text === '' ? ' ' : line.text}</code>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The lines to change by hand and the exact text for each (issue 20, item 3). */
function HandEdits({ edits, name }: { edits: readonly HandEdit[]; name: string }) {
  return (
    <ol className="merged__hand-edits">
      {edits.map((edit) => {
        const where =
          edit.first === edit.last ? `line ${edit.first}` : `lines ${edit.first}–${edit.last}`;
        return (
          <li key={edit.first}>
            <p>
              In {name}, replace {where} with:
            </p>
            <pre className="code" tabIndex={0} aria-label={`Text for ${where}`}>
              <code>{edit.text}</code>
            </pre>
            <CopyButton text={edit.text} what={`the text for ${where}`} label="Copy" />
          </li>
        );
      })}
    </ol>
  );
}

function Merged({ file, answers }: { file: ImportedFile; answers: Answers }) {
  const merged = useMemo(() => {
    try {
      return { ok: true as const, ...mergeFile(file.kind, file.text, answers) };
    } catch (error) {
      return {
        ok: false as const,
        message: error instanceof Error ? error.message : 'The file could not be merged.',
        edits: error instanceof HandEditNeeded ? error.edits : [],
      };
    }
  }, [file, answers]);

  if (!merged.ok) {
    return (
      <>
        <Callout tone="danger" title={`${file.name} could not be updated`}>
          <p>{merged.message}</p>
          {merged.edits.length > 0 && <HandEdits edits={merged.edits} name={file.name} />}
        </Callout>
        <div className="merged__actions">
          <ForgetButton file={file} />
        </div>
      </>
    );
  }

  return (
    <>
      <p>
        {file.kind === 'customer.env'
          ? 'Every proxy variable is replaced where it was (both cases), the ones no longer needed are removed and missing ones are added at the end; every other line is exactly as it was.'
          : 'externalProxy (and the CA key) is replaced; comments, key order and every other section are exactly as they were.'}{' '}
        “Download all (.zip)” holds it too, and its next steps back up your file, then replace it.
      </p>
      <div className="merged__actions">
        <CopyButton text={merged.text} what={`${file.name}, updated`} label="Copy" />
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            saveFile({
              blob: new Blob([merged.text], { type: 'text/plain;charset=utf-8' }),
              filename: file.name,
            });
            announce(`${file.name} downloaded, updated.`);
          }}
        >
          <DownloadIcon />
          Download {file.name}
        </button>
        <ForgetButton file={file} />
      </div>
      {merged.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      <ChangedLines before={file.text} after={merged.text} name={file.name} />
      <details className="merged__whole">
        <summary>Show the whole updated file</summary>
        <pre className="code" tabIndex={0} aria-label={`${file.name}, updated`}>
          <code>{merged.text}</code>
        </pre>
      </details>
    </>
  );
}

export default function MergedFile({
  method,
  answers,
  catalog,
}: {
  method: DeploymentMethodId | '';
  /** The validated answers; undefined while some still need attention. */
  answers: Answers | undefined;
  catalog: Catalog;
}) {
  const file = useImportedFile();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusTitle || !heading.current) return;
    focusTitle = false;
    heading.current.focus();
  }, [file]);
  const wanted = method === '' ? undefined : MERGE_KIND_FOR_METHOD[method];
  if (!wanted && !file) return null;
  const methodLabel = catalog.deploymentMethods.find((m) => m.id === method)?.label ?? method;

  let title: string;
  let body;
  if (!file) {
    const words = FILE_WORDS[wanted ?? 'customer.env'];
    title = `Update your own ${words.usual}`;
    body = (
      <>
        <p>
          Open your existing <code>{words.usual}</code> to get it back with only the proxy settings
          changed, every other setting and comment as it was. It stays in this page’s memory: never
          uploaded or saved, and a reload forgets it (re-open the file to download it merged).
        </p>
        <OpenFile kind={wanted ?? 'customer.env'} label={`Open your ${words.usual}…`} />
      </>
    );
  } else if (!wanted) {
    title = `Your ${file.name}`;
    body = (
      <>
        <p>
          {methodLabel} has no file like this to update: its proxy settings go in the Admin Console,
          and <code>kots-proxy-setup.md</code> says where.{' '}
          {`${file.name} is ${FILE_WORDS[file.kind].what}: it can be updated for ${FILE_WORDS[file.kind].method} only.`}
        </p>
        <div className="merged__actions">
          <ForgetButton file={file} />
        </div>
      </>
    );
  } else if (file.kind !== wanted) {
    title = `Your ${file.name}`;
    body = (
      <>
        <p>
          {file.name} is {FILE_WORDS[file.kind].what}: it can be updated for{' '}
          {FILE_WORDS[file.kind].method} only, and you chose {methodLabel}. Open your{' '}
          <code>{FILE_WORDS[wanted].usual}</code> instead, or change the method on the Deployment
          step.
        </p>
        <OpenFile kind={wanted} label={`Open your ${FILE_WORDS[wanted].usual}…`} />
        <div className="merged__actions">
          <ForgetButton file={file} />
        </div>
      </>
    );
  } else if (!answers) {
    title = `Your ${file.name}, updated`;
    body = (
      <p className="muted">
        Once every answer above is valid, {file.name} appears here with its proxy settings replaced.
      </p>
    );
  } else {
    title = `Your ${file.name}, updated`;
    body = <Merged file={file} answers={answers} />;
  }

  return (
    <section className="merged" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="merged__title" tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {body}
      {file && (
        <p className="merged__privacy">
          <LockIcon className="inline-icon" />
          <span>
            Built in this browser from the file in memory: it never goes to the server. A reload
            forgets it: re-open the file to download it merged.
          </span>
        </p>
      )}
    </section>
  );
}
