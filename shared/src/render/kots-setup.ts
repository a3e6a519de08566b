/**
 * kots-proxy-setup.md (kots, single-vm): the CA preparation the release needs, the installer flags, then
 * the Admin Console steps with the exact titles CARTO's manifests/kots-config.yaml shows (group
 * "Advanced Config", carto-proxy-facts.md §V.2). Values are single-quoted in shell commands; the schema
 * guarantees they contain no quote.
 */
import { KOTS_CA_CONFIGMAP } from '../method-facts.ts';
import { KOTS_PUBSUB_REST_YAML } from '../rules/warnings.ts';
import type { Plan } from '../plan.ts';
import { headerLine } from './header.ts';

export { KOTS_CA_CONFIGMAP };

/** The name the CA gets in the VM's trust store. */
const TRUST_STORE_NAME = 'carto-proxy-ca.crt';

/** Adding the CA to the host's trust store, as each distribution documents it (§V.2). */
export const HOST_TRUST_STORE_COMMANDS = {
  debian: [
    `sudo cp proxy-ca.crt /usr/local/share/ca-certificates/${TRUST_STORE_NAME}`,
    'sudo update-ca-certificates',
  ],
  rhel: [
    `sudo cp proxy-ca.crt /etc/pki/ca-trust/source/anchors/${TRUST_STORE_NAME}`,
    'sudo update-ca-trust',
  ],
} as const;

export function installerCommand(plan: Plan): string {
  const url = plan.proxyUrl;
  const flags = [
    `--http-proxy='${url}'`,
    `--https-proxy='${url}'`,
    `--no-proxy='${plan.noProxyValue}'`,
  ];
  if (plan.method === 'single-vm') {
    return ['sudo ./carto install --license license.yaml', ...flags].join(' \\\n  ');
  }
  if (plan.ca?.destinations.includes('kots-private-ca-configmap')) {
    flags.push(`--private-ca-configmap=${KOTS_CA_CONFIGMAP}`);
  }
  return ['kubectl kots install <app-slug> --namespace <namespace>', ...flags].join(' \\\n  ');
}

/** The Admin Console steps, numbered from 1 (Config → Advanced Config). */
export function adminConsoleSteps(plan: Plan): string[] {
  const { proxy } = plan.answers;
  const steps = [
    'Open the Admin Console, go to **Config** and find the group **Advanced Config**.',
    'Tick **External proxy**.',
    `Set **External proxy type** to **${proxy.protocol.toUpperCase()}**.`,
    `Check that **Host** shows \`${plan.proxyUrl}\` and **Excluded domains** the list you passed to \`--no-proxy\` (both are read-only: they come from the installer).`,
  ];
  // Asked for an HTTPS proxy only: the plan's rejectUnauthorized is set exactly then.
  if (plan.rejectUnauthorized !== undefined) {
    steps.push(
      plan.rejectUnauthorized
        ? 'Tick **SSL certificate checks** (it is off by default: leaving it off accepts any certificate).'
        : 'Leave **SSL certificate checks** unticked (you chose not to verify the proxy certificate).',
    );
  }
  const destinations = plan.ca?.destinations ?? [];
  if (destinations.includes('admin-console-proxy-ssl-ca')) {
    steps.push(
      `Upload \`proxy-ca.crt\` in **Proxy SSL CA** (release ${plan.release} does not read \`--private-ca-configmap\`).`,
    );
  }
  if (destinations.includes('admin-console-trusted-ca')) {
    steps.push('Paste the content of `proxy-ca.crt` into **Trusted CA certificate(s)**.');
  }
  if (proxy.protocol === 'https' && plan.facts.options.pubSubRestApi.customConfiguration) {
    // D10: the group "Custom Configuration" (item platformAdvancedTuningValues) is merged into the
    // chart's values, so Pub/Sub can go over HTTPS through the proxy instead of gRPC, which cannot use
    // an https:// proxy (methodFacts).
    steps.push(
      `To send Pub/Sub over HTTPS through the proxy (instead of opening gRPC in your firewall), paste into the group **Custom Configuration** (its text field), merged with anything already there:\n\n${['```yaml', ...KOTS_PUBSUB_REST_YAML.trimEnd().split('\n'), '```'].map((l) => `   ${l}`).join('\n')}`,
    );
  }
  steps.push('**Save config**, then **Deploy** the new version.');
  return steps;
}

export function renderKotsSetup(plan: Plan): string {
  const singleVm = plan.method === 'single-vm';
  const destinations = plan.ca?.destinations ?? [];
  const lines: string[] = [
    `<!-- ${headerLine(plan.answers)} -->`,
    '',
    `# CARTO Self-hosted behind a proxy: ${singleVm ? 'Single VM' : 'Kubernetes with the Admin Console'}`,
    '',
    `Proxy: \`${plan.proxyUrl}\`. Release: ${plan.release}.`,
    '',
  ];
  let section = 1;

  if (destinations.includes('host-trust-store')) {
    lines.push(
      `## ${section++}. Trust the proxy's CA on the VM`,
      '',
      "The installer and the embedded cluster verify the proxy with the VM's own trust store, so add `proxy-ca.crt` to it **before** you run `./carto install`.",
      '',
      'On Debian or Ubuntu:',
      '',
      '```sh',
      ...HOST_TRUST_STORE_COMMANDS.debian,
      '```',
      '',
      'On RHEL, Rocky Linux or AlmaLinux:',
      '',
      '```sh',
      ...HOST_TRUST_STORE_COMMANDS.rhel,
      '```',
      '',
    );
  }
  if (destinations.includes('kots-private-ca-configmap')) {
    lines.push(
      `## ${section++}. Create the ConfigMap with the proxy's CA`,
      '',
      `Release ${plan.release} reads the proxy's CA from a ConfigMap in the Admin Console's namespace, named by \`--private-ca-configmap\`. Create it first:`,
      '',
      '```sh',
      `kubectl create configmap ${KOTS_CA_CONFIGMAP} --namespace <namespace> --from-file=ca_0.crt=proxy-ca.crt`,
      '```',
      '',
    );
  }

  lines.push(
    `## ${section++}. Run the installer with the proxy flags`,
    '',
    singleVm
      ? 'On the VM, in the folder where you downloaded the installer:'
      : 'Install the application with the KOTS CLI (use the app slug and namespace from your CARTO installation instructions):',
    '',
    '```sh',
    installerCommand(plan),
    '```',
    '',
    'Both `--http-proxy` and `--https-proxy` take the same proxy URL. `--no-proxy` is the comma-separated list of excluded domains; these values cannot be changed later in the Admin Console.',
    '',
    `## ${section++}. Enable the proxy in the Admin Console`,
    '',
    ...adminConsoleSteps(plan).map((step, i) => `${i + 1}. ${step}`),
    '',
    `## ${section}. Check the proxy`,
    '',
    'Give `proxy-allowlist.txt` (or `squid-allowlist.conf`) to your proxy admin, then run `sh check-proxy.sh` from where CARTO runs: every domain must say `allowed`.',
    '',
    `Once the new version is deployed, run \`${singleVm ? 'sudo sh verify-carto.sh' : 'sh verify-carto.sh --namespace <namespace>'}\`: it checks that CARTO's containers have these settings and get out through the proxy.`,
    '',
  );
  return lines.join('\n');
}
