/**
 * docker-daemon-proxy.conf (docker-compose): the Docker daemon pulls CARTO's images with its own proxy
 * settings, not the containers' `.env` (carto-proxy-facts.md §V.4). This is the systemd drop-in Docker
 * documents; `daemon.json`'s "proxies" (Docker Engine 23.0 and newer) is the alternative.
 * @see https://docs.docker.com/engine/daemon/proxy/
 */
import type { Plan } from '../plan.ts';
import { hashComment, headerLine } from './header.ts';

export const DOCKER_DAEMON_DROP_IN = '/etc/systemd/system/docker.service.d/http-proxy.conf';

/** Installing the drop-in and restarting the daemon, in order. */
export const DOCKER_DAEMON_COMMANDS = [
  'sudo mkdir -p /etc/systemd/system/docker.service.d',
  `sudo cp docker-daemon-proxy.conf ${DOCKER_DAEMON_DROP_IN}`,
  'sudo systemctl daemon-reload',
  'sudo systemctl restart docker',
] as const;

/** The variables the daemon reads, in the order Docker's documentation lists them. */
export function dockerDaemonVariables(plan: Plan): [string, string][] {
  return [
    ['HTTP_PROXY', plan.proxyUrl],
    ['HTTPS_PROXY', plan.proxyUrl],
    ['NO_PROXY', plan.noProxyValue],
  ];
}

/** `daemon.json`'s equivalent, for Docker Engine 23.0 and newer. */
export function dockerDaemonJson(plan: Plan): string {
  const [[, http], [, https], [, noProxy]] = dockerDaemonVariables(plan) as [
    [string, string],
    [string, string],
    [string, string],
  ];
  return JSON.stringify(
    { proxies: { 'http-proxy': http, 'https-proxy': https, 'no-proxy': noProxy } },
    null,
    2,
  );
}

/** systemd expands `%` specifiers in Environment= (systemd.unit(5)): a literal `%` is written `%%`. */
const systemdEscape = (value: string) => value.replaceAll('%', '%%');

export function renderDockerDaemonProxy(plan: Plan): string {
  const header = hashComment([
    'Proxy for the Docker daemon, which pulls CARTO’s images (gcr.io) with its own settings.',
    'Install it as a systemd drop-in and restart Docker:',
    ...DOCKER_DAEMON_COMMANDS.map((command) => `  ${command}`),
    ...(plan.ca !== undefined
      ? [
          'The daemon verifies the proxy with the host’s trust store: add certs/proxy-ca.crt to it',
          '(see README.md) before you restart Docker.',
        ]
      : []),
    'Docker Engine 23.0 or newer can use "proxies" in /etc/docker/daemon.json instead (see README.md).',
    headerLine(plan.answers),
  ]);
  const body = dockerDaemonVariables(plan)
    .map(([key, value]) => `Environment="${key}=${systemdEscape(value)}"`)
    .join('\n');
  return `${header}[Service]\n${body}\n`;
}
