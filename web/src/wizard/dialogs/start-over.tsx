/**
 * "Start over" asks first. The button is part of the first load; the dialog is a small chunk fetched on
 * idle (or on the first click).
 */
import { Suspense, useState } from 'react';
import { StartOverDialog } from '../loading/chunks.ts';

export function StartOver() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--small"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Start over
      </button>
      {open && (
        <Suspense fallback={null}>
          <StartOverDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
