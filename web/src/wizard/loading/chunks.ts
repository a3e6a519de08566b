/**
 * Everything loaded after the first paint, in one place: each step (with the form library), the preview
 * (with the schema and renderers), the share panel and the start-over dialog.
 */
import { whenIdle } from './first-step.ts';
import { lazyWithPreload } from './lazy.ts';
import { loadAnalysis } from './load-analysis.ts';
import type { StepId } from '../registry/steps.ts';

export const STEP_CHUNKS = {
  deployment: lazyWithPreload(() => import('../../steps/deployment/deployment-step.tsx')),
  proxy: lazyWithPreload(() => import('../../steps/proxy/proxy-step.tsx')),
  tls: lazyWithPreload(() => import('../../steps/tls/tls-step.tsx')),
  'excluded-domains': lazyWithPreload(
    () => import('../../steps/excluded-domains/excluded-domains-step.tsx'),
  ),
  warehouses: lazyWithPreload(() => import('../../steps/warehouses/warehouses-step.tsx')),
  services: lazyWithPreload(() => import('../../steps/services/services-step.tsx')),
  review: lazyWithPreload(() => import('../../steps/review/review-step.tsx')),
} satisfies Record<StepId, unknown>;

export const PreviewPane = lazyWithPreload(() => import('../../preview/preview-pane.tsx'));
export const SharePanel = lazyWithPreload(() => import('../sharing/share-panel.tsx'));
export const StartOverDialog = lazyWithPreload(() => import('../dialogs/start-over-dialog.tsx'));

/** The current step's chunk, requested as early as possible (alongside the catalog). */
export function preloadStep(step: StepId): void {
  void STEP_CHUNKS[step].preload().catch(() => undefined);
}

/**
 * The rest, once the first step is interactive (app.tsx waits for it): one chunk at a time, each
 * when the browser is idle, so they never take the link or the main thread from what the visitor
 * is doing, and moving on is then instant, even if the server goes away. The preview and its
 * analysis come first. Returns a function that stops the queue.
 */
export function preloadRest(): () => void {
  const queue: (() => Promise<unknown>)[] = [
    PreviewPane.preload,
    loadAnalysis,
    ...Object.values(STEP_CHUNKS).map((chunk) => chunk.preload),
    SharePanel.preload,
    StartOverDialog.preload,
  ];
  let cancel: (() => void) | undefined;
  let stopped = false;
  const next = () => {
    const load = queue.shift();
    if (!load || stopped) return;
    cancel = whenIdle(() => {
      void load()
        .catch(() => undefined)
        .then(next);
    });
  };
  next();
  return () => {
    stopped = true;
    cancel?.();
  };
}
