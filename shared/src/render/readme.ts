/** README.md: what each file is for and the next steps, in order, for the chosen method. */
import { DEPLOYMENT_METHODS, FACTS_SOURCE } from '../catalog.ts';
import type { Plan } from '../plan.ts';
import type { PreflightLine } from '../preflight.ts';
import { nextStepsMarkdown } from './next-steps.ts';
import type { Warning } from '../domain-types.ts';
import type { NextStep, OutputFile } from './types.ts';
import { headerLine } from './header.ts';

const DESCRIPTIONS: Record<string, string> = {
  'customer.env.proxy': 'the proxy lines to add to your `customer.env`',
  'docker-daemon-proxy.conf':
    'the Docker daemon’s own proxy settings (a systemd drop-in), so it can pull CARTO’s images',
  'customizations.proxy.yaml':
    'Helm values with the proxy settings, to pass after your `customizations.yaml`',
  'kots-proxy-setup.md': 'the installer command and the Admin Console steps',
  'certs/proxy-ca.crt':
    'the proxy’s CA certificate, to copy into the installation’s `certs/` folder',
  'proxy-ca.crt': 'the proxy’s CA certificate',
  'proxy-allowlist.txt': 'for the proxy admin: the domains the proxy must allow',
  'squid-allowlist.conf': 'for the proxy admin: the same allowlist as a Squid ACL',
  'egress-rules.md':
    'for the network admin: traffic that bypasses the proxy and must be allowed directly',
  'check-proxy.sh': 'run it where CARTO runs to check that the proxy allows every domain',
  'verify-carto.sh':
    'run it once CARTO runs with the new settings: checks that its containers have them and get out through the proxy',
};

/** With the user's own file updated in the download, the proxy-only file is for reference. */
const OWN_FILE_DESCRIPTIONS: Record<string, string> = {
  'customer.env.proxy':
    'the proxy lines alone, already in the updated `customer.env`: do not append them too',
  'customizations.proxy.yaml':
    'the proxy values alone, already in the updated `customizations.yaml`: not needed with it',
};

/** One line of text, whatever the check's detail holds (Markdown stays a list item). */
const oneLine = (text: string) =>
  // eslint-disable-next-line no-control-regex -- every control character, not only line breaks
  text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();

/**
 * Text from a preflight line as inert Markdown (issue 13, item 2): the run is sent back by the
 * client, so its strings are the client's. Each character that can start an inline construct in the
 * middle of a line is backslash-escaped (CommonMark allows it for any ASCII punctuation): emphasis
 * and code (`* _ ~ \``), links and images (`[ ]`), raw HTML and autolinks (`<`), entities (`&`),
 * GFM's bare autolinks (the `:` of `http://`, `@` of an address, the dot of `www.`) and table pipes.
 * Plain prose keeps its look; what a reader sees is the text as it was.
 *
 * @see {@link https://spec.commonmark.org/0.31.2/#backslash-escapes}
 * @see {@link https://github.github.com/gfm/#autolinks-extension-}
 */
export function inertText(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_~[\]<>&|@]|:(?=\/)/g, '\\$&')
    .replace(/(www)\./gi, '$1\\.');
}

/**
 * Text as a code span, which Markdown never interprets: fenced by one more backtick than the
 * longest run inside, padded with a space when it starts or ends with a backtick.
 *
 * @see {@link https://spec.commonmark.org/0.31.2/#code-spans}
 */
export function codeSpan(text: string): string {
  const line = oneLine(text);
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') || line === '' ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

const CONNECT_LABELS: Record<string, string> = {
  allowed: 'allowed',
  blocked: 'BLOCKED',
  'auth-required': 'AUTH REQUIRED',
  error: 'ERROR',
  skipped: 'skipped',
};

/** The "Test my proxy" run the user made before downloading, when there was one. */
function preflightSection(lines: readonly PreflightLine[]): string[] {
  const out = ['## Proxy check', ''];
  for (const line of lines) {
    switch (line.check) {
      case 'reach':
        out.push(
          `- Proxy reachable at ${codeSpan(`${line.host}:${line.port}`)}: ${line.status === 'ok' ? 'yes' : 'NO'}. ${inertText(line.detail)}`,
        );
        break;
      case 'tls':
        out.push(
          `- TLS to the proxy: ${line.status === 'ok' ? 'ok' : 'FAILED'}${line.verified ? ' (certificate verified)' : ''}. ${inertText(line.detail)}`,
        );
        break;
      case 'connect':
        out.push(
          `- ${CONNECT_LABELS[line.status] ?? line.status}${line.httpStatus ? ` (${line.httpStatus})` : ''}: ${codeSpan(line.domain)}. ${inertText(line.detail)}`,
        );
        break;
      case 'summary':
        out.push(
          '',
          `Result: ${line.allowed} allowed, ${line.blocked} blocked, ${line.errors} ${line.errors === 1 ? 'error' : 'errors'}.`,
          '',
          // Where the proxy answered is not necessarily where CARTO runs (issue 21, item 6).
          `${line.from === undefined ? 'Checked from the wizard’s server' : `Checked from ${codeSpan(line.from)} (the wizard’s server)`}, not necessarily where CARTO runs: the proof that counts is \`sh check-proxy.sh\` run where CARTO runs.`,
        );
        break;
    }
  }
  out.push('');
  return out;
}

export function renderReadme(
  plan: Plan,
  files: readonly OutputFile[],
  warnings: readonly Warning[],
  steps: readonly NextStep[],
  preflight?: readonly PreflightLine[],
  /** The user's own file the download holds, updated (issue 21, item 2). */
  ownFile?: string,
): string {
  const method = DEPLOYMENT_METHODS.find((m) => m.id === plan.method);
  const lines = [
    `<!-- ${headerLine(plan.answers)} -->`,
    '',
    `# CARTO Self-hosted proxy configuration: ${method?.label ?? plan.method}`,
    '',
    `Proxy: \`${plan.proxyUrl}\`. Release: ${plan.facts.releaseAssumed ? `not given: written to work on every release of this method from ${plan.facts.proxySupport.since} on` : plan.release}.`,
    '',
    // Which CARTO commits the release rules were read from (carto-facts.json, npm run facts:sync).
    `Release rules read from ${FACTS_SOURCE.helm.repo} ${FACTS_SOURCE.helm.newestTag} (${(FACTS_SOURCE.helm.newestCommit ?? '').slice(0, 8)}, release ${FACTS_SOURCE.helm.newestRelease}) and ${FACTS_SOURCE.compose.repo} ${FACTS_SOURCE.compose.newestTag} (${(FACTS_SOURCE.compose.newestCommit ?? '').slice(0, 8)}).`,
    '',
    '## Files',
    '',
    ...(ownFile !== undefined
      ? [
          `- \`${ownFile}\`: your own \`${ownFile}\`, updated: only its proxy settings changed (back yours up, then replace it)`,
        ]
      : []),
    ...files.map(
      (f) =>
        `- \`${f.name}\`: ${(ownFile !== undefined && OWN_FILE_DESCRIPTIONS[f.name]) || DESCRIPTIONS[f.name] || ''}`,
    ),
    '- `README.md`: this file',
    '',
    '## Next steps',
    '',
    ...nextStepsMarkdown(steps),
    '',
  ];
  const important = warnings.filter((w) => w.severity !== 'info');
  if (important.length > 0) {
    lines.push('## Warnings', '', ...important.map((w) => `- ${w.message}`), '');
  }
  if (preflight && preflight.length > 0) lines.push(...preflightSection(preflight));
  if (method) lines.push(`Documentation: ${method.source.url}`, '');
  return lines.join('\n');
}
