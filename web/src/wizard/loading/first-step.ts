/**
 * The moment the first step's questions are on the page and can be answered. Everything that is not
 * needed for them (the preview and its schema and renderers, the other steps, the share panel)
 * waits for it, so on a slow link nothing competes with the first question (issue 10: the
 * critical path is the first question only).
 */
import { useEffect, useState } from 'react';

let markReady: () => void = () => undefined;
let ready = false;

export const firstStepInteractive = new Promise<void>((resolve) => {
  markReady = () => {
    ready = true;
    resolve();
  };
});

/** Called by StepFrame once a step's questions are mounted (any step: the one the visitor sees). */
export function markFirstStepInteractive(): void {
  markReady();
}

/** Whether the first step is interactive yet; turns true once, then stays. */
export function useFirstStepInteractive(): boolean {
  const [isReady, setReady] = useState(ready);
  useEffect(() => {
    if (isReady) return;
    let live = true;
    void firstStepInteractive.then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [isReady]);
  return isReady;
}

/** Runs `run` when the browser is idle (or after 300 ms where requestIdleCallback is missing). */
export function whenIdle(run: () => void, timeout = 2000): () => void {
  if ('requestIdleCallback' in window) {
    const handle = window.requestIdleCallback(run, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 300);
  return () => clearTimeout(handle);
}
