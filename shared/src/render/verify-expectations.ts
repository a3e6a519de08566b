/**
 * What verify-carto.sh (and `carto-proxy-wizard verify`) expects to find in CARTO's running containers
 * (issue 12). `verifyExpectations` derives it from the plan (plan.ts) the configuration files are
 * rendered from, so "expected" means exactly what the files say; the script renderer only formats it.
 *
 * Containers: carto-proxy-facts.md §V.4 (Docker Compose services that run Node, plus router-metrics) and
 * §V.5 (Helm deployments, named `<release>-<component>`). Variables and their values: §V.5 as read in the
 * chart's configmaps (chart 1.287.1: the six proxy variables, NO_PROXY/no_proxy,
 * NODE_TLS_REJECT_UNAUTHORIZED = `ternary "1" "0" sslRejectUnauthorized`, NODE_EXTRA_CA_CERTS with a CA)
 * and §1(a) for customer.env.
 */
import type { Answers } from '../answers.ts';
import { nodeTlsRejectUnauthorized, type CaDestination, type Plan } from '../plan.ts';
import { checkHost } from './check-proxy.ts';
import type { EgressTarget } from './egress-check-script.ts';
import { envVariables } from './env-file.ts';
import { HELM_UPGRADE_COMMAND, helmValues } from './helm-values.ts';

/** How a variable's value in the container is compared with the expected one. */
export type VariableCheck =
  /** Exactly this value. */
  | { kind: 'equals'; value: string }
  /** The same proxy URL: scheme and host compare case-insensitively, a trailing `/` is ignored. */
  | { kind: 'url'; value: string }
  /** A comma-separated list holding every one of these entries (case-insensitive); more are fine. */
  | { kind: 'list'; entries: string[] }
  /** A path to a file readable inside the container; `value`, when known, is the exact path. */
  | { kind: 'file'; value?: string };

export interface ExpectedVariable {
  name: string;
  check: VariableCheck;
}

/** One container to check: a Compose service, or a container of a Kubernetes deployment. */
export interface VerifyContainer {
  /** How reports name it: the Compose service or the CARTO component. */
  name: string;
  /** Kubernetes: the deployment name after `<release>-`. */
  deployment?: string;
  /** Kubernetes: the container in that deployment, when it is not the default one. */
  container?: string;
}

export interface VerifyExpectations {
  method: Answers['deployment']['method'];
  containers: VerifyContainer[];
  variables: ExpectedVariable[];
  /** The container the egress check runs in (its name in `containers`). */
  egressFrom: string;
  /** Domains tried through the proxy, then the destinations the rules send direct. */
  egress: EgressTarget[];
  /** What cannot be tried from here (a wildcard without a known host, the customer's own hosts). */
  skipped: { label: string; reason: string }[];
  /** What to do when a container's settings differ, for this method. */
  fixHint: string;
}

/**
 * The Node services of docker-compose.yml (2026.8.11) that get the proxy, plus router-metrics; the same
 * components are Helm deployments. workspace-migrations is left out: it runs once and exits, so there
 * is no running container to look into.
 */
const COMPONENTS = [
  'workspace-api',
  'workspace-subscriber',
  'maps-api',
  'sql-worker',
  'import-api',
  'import-worker',
  'lds-api',
  'cdn-invalidator-sub',
  'router-metrics',
] as const;

const FIX_HINTS: Record<Answers['deployment']['method'], string> = {
  'docker-compose':
    'append customer.env.proxy to customer.env (README.md has the command), then bash install.sh && docker-compose down && docker-compose up -d',
  helm: `apply customizations.proxy.yaml: ${HELM_UPGRADE_COMMAND}`,
  kots: 'run the installer with the flags of kots-proxy-setup.md, tick External proxy in Config › Advanced Config of the Admin Console, Save config and Deploy',
  'single-vm':
    'run ./carto install with the flags of kots-proxy-setup.md, tick External proxy in Config › Advanced Config of the Admin Console, Save config and Deploy',
};

/** Where the CA reaches CARTO's pods (the host trust store alone reaches only the VM, §V.2). */
const CA_IN_PODS: readonly CaDestination[] = [
  'helm-trusted-ca-certs',
  'helm-external-proxy-ssl-ca',
  'admin-console-proxy-ssl-ca',
  'kots-private-ca-configmap',
  'admin-console-trusted-ca',
];

export function verifyExpectations(plan: Plan): VerifyExpectations {
  const method = plan.method;
  const caInPods = plan.ca?.destinations.some((d) => CA_IN_PODS.includes(d)) ?? false;
  const noProxy = plan.noProxy.map((e) => e.entry);
  const variables: ExpectedVariable[] = [];

  if (method === 'docker-compose') {
    // Exactly what customer.env.proxy sets.
    for (const [name, value] of envVariables(plan)) {
      const lower = name.toLowerCase();
      variables.push({
        name,
        check:
          lower === 'no_proxy'
            ? { kind: 'list', entries: noProxy }
            : lower.endsWith('_proxy')
              ? { kind: 'url', value }
              : name === 'NODE_EXTRA_CA_CERTS'
                ? { kind: 'file', value }
                : { kind: 'equals', value },
      });
    }
  } else {
    // Helm builds the URL from type, host and port; kots passes the installer's --http-proxy value.
    const values = helmValues(plan).externalProxy;
    const url =
      method === 'helm' ? `${values.type}://${values.host}:${values.port}` : plan.proxyUrl;
    for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'GRPC_PROXY']) {
      for (const cased of [name, name.toLowerCase()]) {
        variables.push({ name: cased, check: { kind: 'url', value: url } });
      }
    }
    for (const name of ['NO_PROXY', 'no_proxy']) {
      variables.push({ name, check: { kind: 'list', entries: noProxy } });
    }
    // The chart defaults sslRejectUnauthorized to true; kots sets it from the "SSL certificate checks"
    // box, shown for HTTPS only (what it resolves to for HTTP is not known: §1(c), so not checked).
    const reject = method === 'helm' ? (plan.rejectUnauthorized ?? true) : plan.rejectUnauthorized;
    if (reject !== undefined) {
      variables.push({
        name: 'NODE_TLS_REJECT_UNAUTHORIZED',
        check: { kind: 'equals', value: nodeTlsRejectUnauthorized(reject) },
      });
    }
    // The chart picks the mount path (trusted-ca-certs/ca.crt, or the ConfigMap's key): any readable file.
    if (caInPods) variables.push({ name: 'NODE_EXTRA_CA_CERTS', check: { kind: 'file' } });
  }

  const containers: VerifyContainer[] = COMPONENTS.map((name) =>
    method === 'docker-compose'
      ? { name }
      : name === 'router-metrics'
        ? { name, deployment: 'router', container: 'router-metrics' }
        : { name, deployment: name },
  );

  const egress: EgressTarget[] = [];
  const skipped: VerifyExpectations['skipped'] = [];
  for (const entry of plan.allowlist) {
    const host = checkHost(entry.domain);
    if (host === undefined) {
      skipped.push({ label: entry.domain, reason: 'no known host under it, not tried' });
    } else {
      egress.push({ host, port: 443, label: entry.domain, via: 'proxy' });
    }
  }
  for (const rule of plan.egress) {
    const hosts = rule.hosts ?? [];
    if (hosts.length === 0) {
      skipped.push({
        label: rule.target,
        reason: 'it depends on your account or servers, not tried',
      });
    }
    for (const host of hosts) {
      egress.push({ host, port: rule.port, label: host, via: 'direct' });
    }
  }

  return {
    method,
    containers,
    variables,
    egressFrom: 'workspace-api',
    egress,
    skipped,
    fixHint: FIX_HINTS[method],
  };
}
