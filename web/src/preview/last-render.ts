/**
 * The files an invalid edit leaves on screen, out of date: the last good render of this draft, forgotten
 * when the draft is replaced from outside (start over, a link, a file). The preview shows them greyed;
 * the narrow-screen status strip says "Out of date". Both ask here, so they never disagree.
 */
import type { RenderResult } from '@wizard/shared';
import { useState } from 'react';
import type { DraftAnalysis } from '../wizard/analysis/analysis.ts';
import { useWizardStore } from '../wizard/state/context.ts';
import { useWizardState } from '../wizard/state/store.ts';

/** The last good render while the current answers give none; undefined otherwise. */
export function useStaleRender(analysis: DraftAnalysis | undefined): RenderResult | undefined {
  const store = useWizardStore();
  const epoch = useWizardState(store, (s) => s.epoch);
  const [lastGood, setLastGood] = useState<{ epoch: number; render: RenderResult } | null>(null);
  if (analysis?.render && (lastGood?.render !== analysis.render || lastGood.epoch !== epoch)) {
    setLastGood({ epoch, render: analysis.render });
  }
  return analysis && !analysis.render && lastGood?.epoch === epoch ? lastGood.render : undefined;
}
