/**
 * The numbered next steps for the chosen method, as data: README.md writes them, and the Review step shows
 * the same text with copy buttons. Commands use `<placeholders>` for what only the user knows.
 */
import type { Plan } from '../plan.ts';
import {
  DOCKER_DAEMON_COMMANDS,
  DOCKER_DAEMON_DROP_IN,
  dockerDaemonJson,
} from './docker-daemon.ts';
import { ENV_APPEND_COMMAND } from './env-file.ts';
import { HELM_UPGRADE_COMMAND } from './helm-values.ts';
import { ZIP_FOLDER, type CodeBlock, type NextStep } from './types.ts';

const HELM_UPGRADE_OWN_FILE_COMMAND =
  'helm upgrade <release> <chart> --namespace <namespace> -f customizations.yaml';
import { HOST_TRUST_STORE_COMMANDS } from './kots-setup.ts';
import { ownFileNameFor } from '../import/merge-targets.ts';

/** How the download's check-proxy.sh is run (also what the single-file wizard offers instead of Test my proxy). */
export const CHECK_PROXY_COMMAND = 'sh check-proxy.sh';

const step = (text: string, ...blocks: CodeBlock[]): NextStep => ({ text, blocks });
const sh = (text: string, intro?: string): CodeBlock =>
  intro === undefined ? { language: 'sh', text } : { language: 'sh', text, intro };

/** Adding the CA to the host's trust store: the commands for both families of distributions. */
function trustStoreBlocks(file: string): CodeBlock[] {
  const withFile = (commands: readonly string[]) =>
    commands.map((c) => c.replace('proxy-ca.crt', file)).join('\n');
  return [
    sh(withFile(HOST_TRUST_STORE_COMMANDS.debian), 'On Debian or Ubuntu:'),
    sh(withFile(HOST_TRUST_STORE_COMMANDS.rhel), 'On RHEL, Rocky Linux or AlmaLinux:'),
  ];
}

/** The Docker daemon verifies an HTTPS proxy with the host's trust store (it is a Go program). */
function daemonTrustBlocks(file: string): CodeBlock[] {
  const [debian, rhel] = trustStoreBlocks(file);
  if (debian === undefined || rhel === undefined) return [];
  return [
    {
      ...debian,
      intro:
        'The daemon verifies the proxy with the host’s trust store: add the CA to it first. On Debian or Ubuntu:',
    },
    rhel,
  ];
}

/**
 * The user's own file, updated by the merge, by the name it has in the download: the name the steps
 * use (issue 21, item 2). Only Docker Compose and Helm have such a file.
 */
export const OWN_FILE_NAME: Record<Plan['method'], string | undefined> = {
  'docker-compose': ownFileNameFor('docker-compose'),
  helm: ownFileNameFor('helm'),
  kots: ownFileNameFor('kots'),
  'single-vm': ownFileNameFor('single-vm'),
};

/** Back up the user's file, then replace it with the updated one from the unpacked download. */
function replaceOwnFile(name: string): CodeBlock {
  return sh(`cp ${name} ${name}.bak\ncp ${ZIP_FOLDER}/${name} ${name}`);
}

/**
 * @param ownFile The user's own file, when the download holds it updated: the steps replace it (after a
 * backup) instead of appending the proxy lines, so the two ways never add the same lines twice.
 */
export function nextSteps(
  plan: Plan,
  fileNames: ReadonlySet<string>,
  ownFile?: string,
): NextStep[] {
  const steps: NextStep[] = [
    step(
      fileNames.has('egress-rules.md')
        ? 'Send `proxy-allowlist.txt` (or `squid-allowlist.conf`) to your proxy admin, and `egress-rules.md` to your network team.'
        : 'Send `proxy-allowlist.txt` (or `squid-allowlist.conf`) to your proxy admin.',
    ),
    step(
      'Once the proxy allows them, run the check from where CARTO runs: every domain must say `allowed`.',
      sh(CHECK_PROXY_COMMAND),
    ),
  ];
  switch (plan.method) {
    case 'docker-compose':
      if (plan.ca !== undefined) {
        steps.push(
          step(
            `Copy \`${plan.ca.file}\` into the \`certs/\` folder of your CARTO installation (mounted at \`/usr/src/certs\` in the containers).`,
          ),
        );
      }
      steps.push(
        ownFile !== undefined
          ? step(
              `In the installation folder, with the download unpacked there, back up your \`${ownFile}\`, then replace it with the updated one (only its proxy lines changed; do not append \`customer.env.proxy\` too):`,
              replaceOwnFile(ownFile),
            )
          : step(
              'In the installation folder, remove any proxy lines your `customer.env` already has, then append the new ones (safe even when its last line has no newline):',
              sh(ENV_APPEND_COMMAND),
            ),
        step(
          'Give the Docker daemon the proxy too, so it can pull CARTO’s images:',
          ...(plan.ca !== undefined ? daemonTrustBlocks(plan.ca.file) : []),
          sh(
            DOCKER_DAEMON_COMMANDS.join('\n'),
            `Install \`docker-daemon-proxy.conf\` as the systemd drop-in \`${DOCKER_DAEMON_DROP_IN}\`:`,
          ),
          {
            language: 'json',
            text: dockerDaemonJson(plan),
            intro:
              'Or, with Docker Engine 23.0 or newer, put `"proxies"` in `/etc/docker/daemon.json` instead, then `sudo systemctl restart docker`:',
          },
        ),
        step(
          'Apply the settings to CARTO:',
          sh('bash install.sh && docker-compose down && docker-compose up -d'),
        ),
      );
      break;
    case 'helm':
      // A custom CA is inside customizations.proxy.yaml: nothing else to copy.
      if (ownFile !== undefined) {
        steps.push(
          step(
            `Where the download is unpacked, back up your \`${ownFile}\`, then replace it with the updated one (only its proxy settings changed; \`customizations.proxy.yaml\` is then not needed):`,
            replaceOwnFile(ownFile),
          ),
          step(
            'Apply with your usual command (your release name, chart and namespace):',
            sh(HELM_UPGRADE_OWN_FILE_COMMAND),
          ),
        );
        break;
      }
      steps.push(
        step('Put `customizations.proxy.yaml` next to your `customizations.yaml`.'),
        step(
          'Apply with your usual command, adding the file last (your release name, chart and namespace):',
          sh(HELM_UPGRADE_COMMAND),
        ),
      );
      break;
    case 'kots':
    case 'single-vm':
      steps.push(
        step(
          plan.ca?.destinations.includes('host-trust-store')
            ? 'Follow `kots-proxy-setup.md`: trust the proxy’s CA on the VM, run the installer with the proxy flags, then enable the proxy in the Admin Console (**Config** › **Advanced Config**).'
            : plan.ca?.destinations.includes('kots-private-ca-configmap')
              ? 'Follow `kots-proxy-setup.md`: create the CA ConfigMap, run the installer with the proxy flags, then enable the proxy in the Admin Console (**Config** › **Advanced Config**).'
              : 'Follow `kots-proxy-setup.md`: run the installer with the proxy flags, then enable the proxy in the Admin Console (**Config** › **Advanced Config**).',
        ),
      );
      break;
  }
  if (fileNames.has('verify-carto.sh')) steps.push(VERIFY_STEP[plan.method]);
  return steps;
}

/** The last step: verify-carto.sh, run where it reaches CARTO's containers (issue 12). */
const VERIFY_STEP: Record<Plan['method'], NextStep> = {
  'docker-compose': step(
    'Once CARTO is up again, check from the installation folder on the CARTO host that its containers have the settings and get out through the proxy: every line must say `OK`.',
    sh('sh verify-carto.sh'),
  ),
  helm: step(
    'Once the pods have restarted, check where `kubectl` reaches the cluster (your Helm release name and namespace; the defaults are `carto` and the current namespace): every line must say `OK`.',
    sh('sh verify-carto.sh --release <release> --namespace <namespace>'),
  ),
  kots: step(
    'Once the new version is deployed, check where `kubectl` reaches the cluster (the default namespace is the current one): every line must say `OK`.',
    sh('sh verify-carto.sh --namespace <namespace>'),
  ),
  'single-vm': step(
    'Once the new version is deployed, check on the VM: every line must say `OK`.',
    sh('sudo sh verify-carto.sh'),
  ),
};

/** The steps as a Markdown ordered list, code blocks indented under their step. */
export function nextStepsMarkdown(steps: readonly NextStep[]): string[] {
  const lines: string[] = [];
  steps.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.text}`);
    for (const block of s.blocks) {
      lines.push('');
      if (block.intro !== undefined) lines.push(`   ${block.intro}`, '');
      lines.push(
        `   \`\`\`${block.language}`,
        ...block.text.split('\n').map((l) => `   ${l}`),
        '   ```',
      );
    }
    if (i < steps.length - 1) lines.push('');
  });
  return lines;
}
