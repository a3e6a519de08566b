/**
 * renderAll: every output file and the facts behind them, from validated answers. Pure and deterministic:
 * the browser preview, the API and the CLI all call this, so they give the same bytes.
 */
import type { Answers } from '../answers.ts';
import { FACTS_SOURCE } from '../catalog.ts';
import { planFor } from '../plan.ts';
import { answerWarnings, certificateWarnings, noProxyWarnings } from '../rules/warnings.ts';
import { renderAllowlistText, renderSquidAllowlist } from './allowlist-files.ts';
import { renderCheckProxy } from './check-proxy.ts';
import { renderEgressRules } from './egress-md.ts';
import { renderDockerDaemonProxy } from './docker-daemon.ts';
import { renderEnvFile } from './env-file.ts';
import { renderHelmValues } from './helm-values.ts';
import { renderKotsSetup } from './kots-setup.ts';
import { nextSteps, OWN_FILE_NAME } from './next-steps.ts';
import { renderReadme } from './readme.ts';
import { renderVerifyCarto } from './verify-carto.ts';
import { verifyExpectations } from './verify-expectations.ts';
import type { PreflightLine } from '../preflight.ts';
import type { OutputFile, RenderResult } from './types.ts';

export interface RenderOptions {
  /** The moment certificate validity is judged at (warnings only; files never depend on it). */
  now?: Date;
  /** A finished "Test my proxy" run, recorded in README.md. */
  preflight?: readonly PreflightLine[];
  /**
   * The download also holds the user's own customer.env or customizations.yaml, updated (the browser
   * merges it and adds it: the file never leaves the browser). README.md lists it and its steps then
   * say "back up, then replace" instead of "append" (issue 21, item 2).
   */
  ownFile?: boolean;
}

const TEXT = 'text/plain; charset=utf-8';
const MARKDOWN = 'text/markdown; charset=utf-8';

export function renderAll(answers: Answers, options: RenderOptions = {}): RenderResult {
  const plan = planFor(answers);
  // The README lists only warnings that do not depend on the clock, so files stay the same bytes.
  const stableWarnings = [...answerWarnings(plan), ...noProxyWarnings(plan)];
  const warnings = [...stableWarnings, ...certificateWarnings(plan, options.now ?? new Date())];

  const files: OutputFile[] = [];
  // The method's own file, under the name the catalog gives it (methodFacts' mainFile).
  const mainFile = plan.facts.mainFile;
  switch (plan.method) {
    case 'docker-compose':
      files.push({ name: mainFile, mediaType: TEXT, content: renderEnvFile(plan) });
      break;
    case 'helm':
      files.push({
        name: mainFile,
        mediaType: 'application/yaml; charset=utf-8',
        content: renderHelmValues(plan),
      });
      break;
    case 'kots':
    case 'single-vm':
      files.push({ name: mainFile, mediaType: MARKDOWN, content: renderKotsSetup(plan) });
      break;
  }
  if (plan.ca !== undefined) {
    files.push({ name: plan.ca.file, mediaType: 'application/x-pem-file', content: plan.ca.pem });
  }
  if (plan.dockerDaemonProxy) {
    files.push({
      name: 'docker-daemon-proxy.conf',
      mediaType: TEXT,
      content: renderDockerDaemonProxy(plan),
    });
  }
  files.push(
    {
      name: 'proxy-allowlist.txt',
      mediaType: TEXT,
      content: renderAllowlistText(answers, plan.allowlist),
    },
    {
      name: 'squid-allowlist.conf',
      mediaType: TEXT,
      content: renderSquidAllowlist(answers, plan.allowlist),
    },
  );
  if (plan.egress.length > 0) {
    files.push({
      name: 'egress-rules.md',
      mediaType: MARKDOWN,
      content: renderEgressRules(answers, plan.egress),
    });
  }
  files.push({
    name: 'check-proxy.sh',
    mediaType: 'text/x-shellscript; charset=utf-8',
    content: renderCheckProxy(plan),
  });
  files.push({
    name: 'verify-carto.sh',
    mediaType: 'text/x-shellscript; charset=utf-8',
    content: renderVerifyCarto(answers, verifyExpectations(plan)),
  });
  // After every file is in the list: a step is written only for a file the download holds (issue 21).
  const own = options.ownFile === true ? OWN_FILE_NAME[plan.method] : undefined;
  const steps = nextSteps(plan, new Set([...files.map((f) => f.name), 'README.md']), own);
  files.push({
    name: 'README.md',
    mediaType: MARKDOWN,
    content: renderReadme(plan, files, stableWarnings, steps, options.preflight, own),
  });

  return {
    files,
    noProxy: plan.noProxy,
    allowlist: plan.allowlist,
    egress: plan.egress,
    warnings,
    nextSteps: steps,
    release: {
      given: plan.facts.givenRelease ?? null,
      everyReleaseFrom: plan.facts.releaseAssumed ? plan.facts.proxySupport.since : null,
      rulesReadFrom: [FACTS_SOURCE.helm, FACTS_SOURCE.compose].map((s) => ({
        repo: s.repo,
        tag: s.newestTag,
        commit: s.newestCommit,
      })),
    },
    ...(own !== undefined && { ownFile: own }),
  };
}
