/**
 * Everything loaded after the first paint, in one place: each step (with the form library), the preview
 * (with the schema and renderers), the share panel and the start-over dialog.
 */
import { lazyWithPreload } from './lazy.ts';
import type { StepId } from './steps.ts';

export const STEP_CHUNKS = {
  deployment: lazyWithPreload(() => import('../steps/deployment/deployment-step.tsx')),
  proxy: lazyWithPreload(() => import('../steps/proxy/proxy-step.tsx')),
  tls: lazyWithPreload(() => import('../steps/tls/tls-step.tsx')),
  'excluded-domains': lazyWithPreload(
    () => import('../steps/excluded-domains/excluded-domains-step.tsx'),
  ),
  warehouses: lazyWithPreload(() => import('../steps/warehouses/warehouses-step.tsx')),
  services: lazyWithPreload(() => import('../steps/services/services-step.tsx')),
  review: lazyWithPreload(() => import('../steps/review/review-step.tsx')),
} satisfies Record<StepId, unknown>;

export const PreviewPane = lazyWithPreload(() => import('../preview/preview-pane.tsx'));
export const SharePanel = lazyWithPreload(() => import('./share-panel.tsx'));
export const StartOverDialog = lazyWithPreload(() => import('./start-over-dialog.tsx'));

/** The current step's chunk, requested as early as possible (alongside the catalog). */
export function preloadStep(step: StepId): void {
  void STEP_CHUNKS[step].preload().catch(() => undefined);
}

/** The rest, when the browser is idle: moving on is then instant, even if the server goes away. */
export function preloadRest(): void {
  for (const chunk of [...Object.values(STEP_CHUNKS), PreviewPane, SharePanel, StartOverDialog]) {
    void chunk.preload().catch(() => undefined);
  }
}
