import { useEffect, useState } from 'react';
import { announce } from './announce.ts';
import { copyText } from './clipboard.ts';
import { CheckIcon, CopyIcon } from './icons.tsx';

/** Copies `text`; says "Copied" for a moment (and to screen readers), or how to copy by hand. */
export function CopyButton({
  text,
  label = 'Copy',
  what,
  className = 'button button--small',
}: {
  text: string;
  label?: string;
  /** What is copied, for the announcement ("customer.env.proxy"). */
  what?: string;
  className?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className={className}
      onClick={() => {
        void copyText(text).then((ok) => {
          setState(ok ? 'copied' : 'failed');
          announce(
            ok
              ? `Copied${what ? ` ${what}` : ''} to the clipboard.`
              : 'Copying is blocked in this browser: select the text and press Ctrl+C.',
          );
        });
      }}
    >
      {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : label}
    </button>
  );
}
