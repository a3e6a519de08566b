/**
 * One tab per output file (WAI-ARIA tabs: arrow keys move between tabs), with the file's exact text,
 * and Copy / Download for that file.
 */
import type { AnswersInput, OutputFile } from '@wizard/shared';
import type { PreflightLine } from '@wizard/shared/preflight';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { CopyButton } from '../components/copy-button.tsx';
import { hasPlaceholders, withPlaceholders } from '../components/placeholders.tsx';
import { DownloadButton } from './download-button.tsx';

const formatBytes = (text: string) => {
  const bytes = new TextEncoder().encode(text).length;
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
};

export function FileTabs({
  files,
  answers,
  preflight,
  preferred,
  stale = false,
  draft = false,
}: {
  files: OutputFile[];
  answers: AnswersInput;
  preflight?: readonly PreflightLine[];
  /** The file to show first (the deployment method's main output). */
  preferred?: string;
  /** The last good render, kept while the answers are invalid: shown, never copied or downloaded. */
  stale?: boolean;
  /** Before the Review step: a download is a draft, and says so (issue 21, item 8). */
  draft?: boolean;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<string | undefined>();
  // Markdown is prose: wrapped unless the user unwraps it; other files keep their lines (issue 21, item 8).
  const [wrapChoice, setWrap] = useState<Record<string, boolean>>({});
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const selected =
    files.find((f) => f.name === chosen) ?? files.find((f) => f.name === preferred) ?? files[0];
  if (!selected) return null;
  const selectedIndex = files.indexOf(selected);
  const wrap = wrapChoice[selected.name] ?? selected.name.endsWith('.md');
  const placeholders = hasPlaceholders(selected.content);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = files.length - 1;
    const target =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? selectedIndex === last
          ? 0
          : selectedIndex + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? selectedIndex === 0
            ? last
            : selectedIndex - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    const file = files[target];
    if (!file) return;
    setChosen(file.name);
    tabs.current[target]?.focus();
  };

  const tabId = (index: number) => `${id}-tab-${index}`;
  const panelId = `${id}-panel`;

  return (
    <div className="files">
      <div role="tablist" aria-label="Output files" className="files__tabs" onKeyDown={onKeyDown}>
        {files.map((file, index) => {
          const isSelected = file === selected;
          return (
            <button
              key={file.name}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={tabId(index)}
              aria-selected={isSelected}
              aria-controls={isSelected ? panelId : undefined}
              tabIndex={isSelected ? 0 : -1}
              className="files__tab"
              onClick={() => setChosen(file.name)}
            >
              {file.name}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={panelId}
        aria-labelledby={tabId(selectedIndex)}
        className="files__panel"
      >
        <div className="files__toolbar">
          <span className="files__meta">
            <code>{selected.name}</code> · {formatBytes(selected.content)}
          </span>
          <span className="files__actions">
            <label className="files__wrap">
              <input
                type="checkbox"
                checked={wrap}
                onChange={(event) =>
                  setWrap((choice) => ({ ...choice, [selected.name]: event.target.checked }))
                }
              />
              Wrap lines
            </label>
            {!stale && (
              <>
                <CopyButton text={selected.content} what={selected.name} label="Copy" />
                <DownloadButton
                  answers={answers}
                  preflight={preflight}
                  file={selected.name}
                  label={draft ? 'Download draft' : 'Download'}
                  accessibleLabel={`Download ${draft ? 'a draft of ' : ''}${selected.name}`}
                  small
                />
              </>
            )}
          </span>
        </div>
        {placeholders && (
          <p className="files__note">
            Replace the highlighted <mark className="placeholder">&lt;values&gt;</mark> with yours.
          </p>
        )}
        <pre
          className={['code', stale && 'code--stale', wrap && 'code--wrap']
            .filter(Boolean)
            .join(' ')}
          tabIndex={0}
          aria-label={`Content of ${selected.name}`}
          data-file={selected.name}
        >
          <code>{placeholders ? withPlaceholders(selected.content) : selected.content}</code>
        </pre>
      </div>
    </div>
  );
}
