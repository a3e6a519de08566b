/**
 * Everything the wizard derives from the draft with the shared schema and renderers. Loaded lazily
 * (zod, the X.509 parser, YAML and the renderers are most of the page's weight): the first step paints
 * without it, and it is fetched once what the first Next needs is there (step-validation.ts, the
 * Proxy step; analysis-provider.tsx).
 */
import {
  planFor,
  renderAll,
  validateAnswers,
  type Answers,
  type AnswersInput,
  type NoProxyEntry,
  type RenderResult,
  type Warning,
} from '@wizard/shared';
import type { PreflightLine } from '@wizard/shared/preflight';
import { toAnswersInput } from '../state/answers-input.ts';
import type { Draft } from '../state/draft.ts';
import { applicableSteps, stepForPath, type StepId } from '../registry/steps.ts';
import { stepProblems, toDraftPath, type Problem } from '../validation/step-validation.ts';

export type { Problem } from '../validation/step-validation.ts';
export { resolveStep } from '../validation/step-validation.ts';

export interface DraftAnalysis {
  /** What is missing or wrong, per applicable step, in step order. */
  problems: Problem[];
  /** The answers document the draft stands for (what the preview renders and the download sends). */
  input: AnswersInput;
  /** Set when the whole document is valid. */
  answers?: Answers;
  render?: RenderResult;
  /** The finished proxy check run README.md records; a download sends it so the zip says the same. */
  preflight?: readonly PreflightLine[];
  /**
   * The user's own file merged with the answers, by its name in the zip: the download adds it in this
   * browser (it never goes to the server) and README.md's steps replace the file (issue 21, item 2).
   */
  ownFile?: { name: string; text: string };
  /** Warnings, with paths in the draft. */
  warnings: (Warning & { step: StepId })[];
  /**
   * NO_PROXY entries the rules add for the current answers (undefined until the deployment and proxy
   * steps are valid, since the rules depend on them).
   */
  requiredNoProxy?: NoProxyEntry[];
}

/**
 * The user's own file merged with valid answers, or undefined when it does not fit the method or does
 * not merge (own-file.ts, loaded only once there is a file: its bytes stay off every other visit).
 */
export type OwnFileMerge = (answers: Answers) => string | undefined;

export function analyzeDraft(
  draft: Draft,
  now: Date = new Date(),
  preflight?: readonly PreflightLine[] | null,
  mergeOwnFile?: OwnFileMerge | null,
): DraftAnalysis {
  const steps = applicableSteps(draft).filter((step) => step !== 'review');
  const problems = steps.flatMap((step) => stepProblems(step, draft));
  const input = toAnswersInput(draft);
  const validated = validateAnswers(input);
  if (!validated.ok && problems.length === 0) {
    // Should not happen (every rule belongs to a step), but never show a stale preview if it does.
    for (const issue of validated.issues) {
      const path = toDraftPath(issue.path, draft);
      problems.push({ step: stepForPath(path), path, message: issue.message });
    }
  }
  const analysis: DraftAnalysis = { problems, input, warnings: [] };
  if (validated.ok) {
    analysis.answers = validated.answers;
    const merged = mergeOwnFile ? mergeOwnFile(validated.answers) : undefined;
    analysis.render = renderAll(validated.answers, {
      now,
      ...(preflight && { preflight }),
      ...(merged !== undefined && { ownFile: true }),
    });
    if (preflight) analysis.preflight = preflight;
    if (merged !== undefined && analysis.render.ownFile !== undefined) {
      analysis.ownFile = { name: analysis.render.ownFile, text: merged };
    }
    analysis.warnings = analysis.render.warnings.map((warning) => {
      const path = toDraftPath(warning.path, draft);
      return { ...warning, path: [...path], step: stepForPath(path) };
    });
  }
  analysis.requiredNoProxy = requiredNoProxy(draft, problems);
  return analysis;
}

/**
 * The rules' NO_PROXY entries, from the deployment and proxy answers alone (the user's own entries
 * aside): the plan's list (plan.ts), without rendering any file.
 */
function requiredNoProxy(draft: Draft, problems: Problem[]): NoProxyEntry[] | undefined {
  if (problems.some((p) => p.step === 'deployment' || p.step === 'proxy')) return undefined;
  const input = toAnswersInput(draft) as unknown as {
    deployment: unknown;
    proxy: Record<string, unknown>;
  };
  const { protocol, host, port } = input.proxy;
  const validated = validateAnswers({
    deployment: input.deployment,
    proxy: { protocol, host, port },
    excludedDomains: [],
    warehouses: draft.warehouses,
    services: [],
  });
  if (!validated.ok) return undefined;
  return planFor(validated.answers).noProxy.filter((entry) => entry.source !== null);
}
