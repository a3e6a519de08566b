// Placeholder while the renderers are written; replaced in the next commit.
import type { Answers } from '../answers.ts';
import type { RenderResult } from './types.ts';

export interface RenderOptions {
  /** The moment certificate validity is judged at (warnings only; files never depend on it). */
  now?: Date;
}

export function renderAll(answers: Answers, options: RenderOptions = {}): RenderResult {
  void answers;
  void options;
  return { files: [], noProxy: [], allowlist: [], egress: [], warnings: [] };
}
