/**
 * kots-proxy-setup.md (kots, single-vm): the installer flags, then the Admin Console steps.
 * Facts: carto-proxy-facts.md §1(c) and §1(d). Values are single-quoted in shell commands; the schema
 * guarantees they contain no quote.
 */
import type { Answers } from '../answers.ts';
import { RELEASE_RULES } from '../catalog.ts';
import { proxyUrl } from '../host.ts';
import { noProxyValue } from '../rules/no-proxy.ts';
import { customCaOf, effectiveRelease, hasTrustedCaCerts } from '../rules/release.ts';
import { headerLine } from './header.ts';

/** The ConfigMap older kots releases read a private CA from (key ca_0.crt, chart PR #737). */
export const KOTS_CA_CONFIGMAP = 'carto-proxy-ca';

export function installerCommand(answers: Answers): string {
  const url = proxyUrl(answers.proxy);
  const flags = [
    `--http-proxy='${url}'`,
    `--https-proxy='${url}'`,
    `--no-proxy='${noProxyValue(answers)}'`,
  ];
  if (answers.deployment.method === 'single-vm') {
    return ['sudo ./carto install --license license.yaml', ...flags].join(' \\\n  ');
  }
  if (customCaOf(answers) !== undefined && !hasTrustedCaCerts(answers)) {
    flags.push(`--private-ca-configmap=${KOTS_CA_CONFIGMAP}`);
  }
  return ['kubectl kots install <app-slug> --namespace <namespace>', ...flags].join(' \\\n  ');
}

export function renderKotsSetup(answers: Answers): string {
  const { deployment, proxy } = answers;
  const singleVm = deployment.method === 'single-vm';
  const ca = customCaOf(answers);
  const release = effectiveRelease(answers);
  const lines: string[] = [
    `<!-- ${headerLine(answers)} -->`,
    '',
    `# CARTO Self-hosted behind a proxy: ${singleVm ? 'Single VM' : 'Kubernetes with the Admin Console'}`,
    '',
    `Proxy: \`${proxyUrl(proxy)}\`. Release: ${release}.`,
    '',
    '## 1. Run the installer with the proxy flags',
    '',
    singleVm
      ? 'On the VM, in the folder where you downloaded the installer:'
      : 'Install the application with the KOTS CLI (use the app slug and namespace from your CARTO installation instructions):',
    '',
  ];

  if (ca !== undefined && !hasTrustedCaCerts(answers)) {
    if (singleVm) {
      lines.push(
        `Release ${release} is older than ${RELEASE_RULES.trustedCaCertsSince}, so the proxy's CA must already be trusted by the VM. Add \`proxy-ca.crt\` to the system CA store first (on Debian and Ubuntu:`,
        '`sudo cp proxy-ca.crt /usr/local/share/ca-certificates/ && sudo update-ca-certificates`).',
        '',
      );
    } else {
      lines.push(
        `Release ${release} is older than ${RELEASE_RULES.trustedCaCertsSince}, so the proxy's CA is passed as a ConfigMap. Create it first:`,
        '',
        '```sh',
        `kubectl create configmap ${KOTS_CA_CONFIGMAP} --namespace <namespace> --from-file=ca_0.crt=proxy-ca.crt`,
        '```',
        '',
      );
    }
  }

  lines.push('```sh', installerCommand(answers), '```', '');
  lines.push(
    'Both `--http-proxy` and `--https-proxy` take the same proxy URL. `--no-proxy` is the comma-separated list of excluded domains; these values cannot be changed later in the Admin Console.',
    '',
    '## 2. Enable the proxy in the Admin Console',
    '',
    '1. Open the Admin Console and go to **Config**, group **Proxy**.',
    '2. Tick **External proxy**.',
    `3. Set **External proxy type** to **${proxy.protocol}**.`,
  );
  let step = 4;
  if (proxy.protocol === 'https') {
    lines.push(
      proxy.verifyCertificate
        ? `${step++}. Tick **SSL certificate checks** (it is off by default: leaving it off accepts any certificate).`
        : `${step++}. Leave **SSL certificate checks** unticked (you chose not to verify the proxy certificate).`,
    );
  }
  if (ca !== undefined && hasTrustedCaCerts(answers)) {
    lines.push(
      `${step++}. Paste the content of \`proxy-ca.crt\` into **Trusted CA certificate(s)**.`,
    );
  }
  lines.push(`${step}. **Save config**, then **Deploy** the new version.`, '');
  lines.push(
    '## 3. Check the proxy',
    '',
    'Give `proxy-allowlist.txt` (or `squid-allowlist.conf`) to your proxy admin, then run `sh check-proxy.sh` from where CARTO runs: every domain must say `allowed`.',
    '',
  );
  return lines.join('\n');
}
