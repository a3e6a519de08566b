/** README.md: what each file is for and the next steps, in order, for the chosen method. */
import type { Answers } from '../answers.ts';
import { DEPLOYMENT_METHODS } from '../catalog.ts';
import { proxyUrl } from '../host.ts';
import type { PreflightLine } from '../preflight.ts';
import type { OutputFile, Warning } from './types.ts';
import { headerLine } from './header.ts';

const DESCRIPTIONS: Record<string, string> = {
  'customer.env.proxy': 'the proxy lines to add to your `customer.env`',
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

/** The last step: verify-carto.sh, run where it reaches CARTO's containers. */
const VERIFY_STEP: Record<Answers['deployment']['method'], string> = {
  'docker-compose':
    'Once CARTO is up again, run `sh verify-carto.sh` on the CARTO host, in the installation folder: every line must say `OK`.',
  helm: 'Once the pods have restarted, run `sh verify-carto.sh` where `kubectl` reaches the cluster (add `--release NAME` and `--namespace NAMESPACE` unless they are `carto` and the current namespace): every line must say `OK`.',
  kots: 'Once the new version is deployed, run `sh verify-carto.sh` where `kubectl` reaches the cluster (add `--namespace NAMESPACE` unless it is the current namespace): every line must say `OK`.',
  'single-vm':
    'Once the new version is deployed, run `sudo sh verify-carto.sh` on the VM: every line must say `OK`.',
};

function nextSteps(answers: Answers, names: ReadonlySet<string>): string[] {
  const steps: string[] = [];
  const admin = names.has('egress-rules.md')
    ? 'Send `proxy-allowlist.txt` (or `squid-allowlist.conf`) to your proxy admin, and `egress-rules.md` to whoever manages the firewall.'
    : 'Send `proxy-allowlist.txt` (or `squid-allowlist.conf`) to your proxy admin.';
  steps.push(admin);
  steps.push(
    'Once the proxy allows them, run `sh check-proxy.sh` from where CARTO runs: every domain must say `allowed`.',
  );
  switch (answers.deployment.method) {
    case 'docker-compose':
      if (names.has('certs/proxy-ca.crt')) {
        steps.push(
          'Copy `certs/proxy-ca.crt` into the `certs/` folder of your CARTO installation.',
        );
      }
      steps.push(
        'Add the lines of `customer.env.proxy` to your `customer.env` (replace any proxy lines it already has).',
        'Apply: `bash install.sh && docker-compose down && docker-compose up -d`.',
      );
      break;
    case 'helm':
      steps.push(
        'Put `customizations.proxy.yaml` next to your `customizations.yaml`.',
        'Apply with your usual command, adding the file last: `helm upgrade … -f customizations.yaml -f customizations.proxy.yaml`.',
      );
      break;
    case 'kots':
    case 'single-vm':
      steps.push(
        'Follow `kots-proxy-setup.md`: run the installer with the proxy flags, then enable the proxy in the Admin Console.',
      );
      break;
  }
  steps.push(VERIFY_STEP[answers.deployment.method]);
  return steps;
}

/** One line of text, whatever the check's detail holds (Markdown stays a list item). */
const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

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
          `- Proxy reachable at ${line.host}:${line.port}: ${line.status === 'ok' ? 'yes' : 'NO'}. ${oneLine(line.detail)}`,
        );
        break;
      case 'tls':
        out.push(
          `- TLS to the proxy: ${line.status === 'ok' ? 'ok' : 'FAILED'}${line.verified ? ' (certificate verified)' : ''}. ${oneLine(line.detail)}`,
        );
        break;
      case 'connect':
        out.push(
          `- ${CONNECT_LABELS[line.status] ?? line.status}${line.httpStatus ? ` (${line.httpStatus})` : ''}: \`${line.domain}\`. ${oneLine(line.detail)}`,
        );
        break;
      case 'summary':
        out.push(
          '',
          `Result: ${line.allowed} allowed, ${line.blocked} blocked, ${line.errors} ${line.errors === 1 ? 'error' : 'errors'}.`,
        );
        break;
    }
  }
  out.push('');
  return out;
}

export function renderReadme(
  answers: Answers,
  files: readonly OutputFile[],
  warnings: readonly Warning[],
  preflight?: readonly PreflightLine[],
): string {
  const method = DEPLOYMENT_METHODS.find((m) => m.id === answers.deployment.method);
  const names = new Set(files.map((f) => f.name));
  const lines = [
    `<!-- ${headerLine(answers)} -->`,
    '',
    `# CARTO Self-hosted proxy configuration: ${method?.label ?? answers.deployment.method}`,
    '',
    `Proxy: \`${proxyUrl(answers.proxy)}\`.`,
    '',
    '## Files',
    '',
    ...files.map((f) => `- \`${f.name}\`: ${DESCRIPTIONS[f.name] ?? ''}`),
    '- `README.md`: this file',
    '',
    '## Next steps',
    '',
    ...nextSteps(answers, names).map((step, i) => `${i + 1}. ${step}`),
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
