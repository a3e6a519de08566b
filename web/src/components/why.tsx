/**
 * "Why?": the detail behind a plain sentence (which clients read it that way, how the proxy is asked),
 * one click or Enter away (issue 21, item 7). A native <details>, so it works with the keyboard and
 * screen readers as it is.
 */
import type { ReactNode } from 'react';

export function Why({ children, label = 'Why?' }: { children: ReactNode; label?: string }) {
  return (
    <details className="why">
      <summary>{label}</summary>
      <div className="why__body">{children}</div>
    </details>
  );
}
