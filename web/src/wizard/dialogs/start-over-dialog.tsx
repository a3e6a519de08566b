/** The confirmation: a native modal dialog (focus kept inside, Escape cancels, focus goes back after). */
import { useEffect, useRef } from 'react';
import { announce } from '../../components/announce.ts';
import { useWizardStore } from '../state/context.ts';
import { forgetImportedFile, getImportedFile } from '../state/imported-file.ts';
import './dialog.css';

export default function StartOverDialog({ onClose }: { onClose: () => void }) {
  const store = useWizardStore();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="start-over-title"
      aria-describedby="start-over-text"
      onClose={onClose}
    >
      <h2 id="start-over-title">Start over?</h2>
      <p id="start-over-text">
        This clears every answer, including the custom CA
        {getImportedFile() ? ', and forgets the file you started from' : ''}, from this browser.
        Links you have already shared keep working.
      </p>
      <form method="dialog" className="dialog__actions">
        <button type="submit" className="button" autoFocus>
          Keep my answers
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            dialog.current?.close();
            forgetImportedFile();
            store.reset();
            announce('All answers cleared. Back to the first step.');
          }}
        >
          Clear all answers
        </button>
      </form>
    </dialog>
  );
}
