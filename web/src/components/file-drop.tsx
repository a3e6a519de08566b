/**
 * Choose a text file, or drop one on the area: read in this browser, never uploaded.
 * The button is a label for a visually hidden file input, so the keyboard and screen readers get the
 * native control; dropping is a shortcut for pointer users on top of it.
 */
import { useId, useState, type DragEvent, type ReactNode } from 'react';
import './forms.css';

export interface TextFile {
  name: string;
  text: string;
}

/** Config files are a few KB; a bigger file is not the one the user meant. */
const MAX_BYTES = 1024 * 1024;

async function readTextFile(file: File): Promise<TextFile> {
  if (file.size > MAX_BYTES) {
    throw new Error(`${file.name} is larger than 1 MiB: choose the configuration file itself.`);
  }
  // File.text() would drop a leading byte-order mark without a word: decoded here with it, so the
  // shared import and merge drop it and say so, as the CLI does (issue 20, item 1).
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer());
  if (text.includes('\u0000')) {
    throw new Error(`${file.name} is not a text file.`);
  }
  return { name: file.name, text };
}

export function FileDrop({
  label,
  hint,
  accept,
  onFile,
  onError,
}: {
  /** The button's text, which names the input too ("Choose a file…"). */
  label: string;
  /** Next to the button: what to choose, and that it stays in the browser. */
  hint: ReactNode;
  accept?: string;
  onFile: (file: TextFile) => void;
  onError: (message: string) => void;
}) {
  const id = useId();
  const [over, setOver] = useState(false);

  const take = (file: File | undefined) => {
    if (!file) return;
    readTextFile(file).then(onFile, (error: unknown) =>
      onError(error instanceof Error ? error.message : `${file.name} could not be read.`),
    );
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    // Without preventDefault the browser opens the dropped file instead of handing it to the page.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };

  return (
    <div
      className={over ? 'file-drop file-drop--over' : 'file-drop'}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setOver(false);
        take(event.dataTransfer.files[0]);
      }}
    >
      <label htmlFor={id} className="button button--small">
        {label}
      </label>
      <input
        id={id}
        type="file"
        className="visually-hidden"
        accept={accept}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          // Choosing the same file again must read it again.
          input.value = '';
          take(file);
        }}
      />
      <span id={`${id}-hint`} className="file-drop__hint">
        {hint}
      </span>
    </div>
  );
}
