/**
 * customer.env.proxy (docker-compose): the lines to add to customer.env. Never a whole customer.env.
 * Every value is unquoted: the schema guarantees no whitespace, quote, `#`, `$`, backslash or control
 * character, so docker-compose 1.29 and v2, dotenv and install.sh's shell loop read the same value.
 * Keys and cases: carto-proxy-facts.md §1(a).
 */
import type { Answers } from '../answers.ts';
import { proxyUrl } from '../host.ts';
import { customCaOf } from '../rules/release.ts';
import { noProxyValue } from '../rules/no-proxy.ts';
import { hashComment, headerLine } from './header.ts';

/** Where the installation's ./certs folder is mounted in the CARTO containers (docker-compose.yml). */
export const DOCKER_CERTS_MOUNT = '/usr/src/certs';
export const DOCKER_CA_FILE = 'certs/proxy-ca.crt';

/** The variables as ordered pairs; both cases of each (curl reads only lowercase http_proxy, Go prefers uppercase). */
export function envVariables(answers: Answers): [string, string][] {
  const url = proxyUrl(answers.proxy);
  const both = (name: string, value: string): [string, string][] => [
    [name.toUpperCase(), value],
    [name.toLowerCase(), value],
  ];
  const vars: [string, string][] = [...both('HTTP_PROXY', url), ...both('HTTPS_PROXY', url)];
  // GRPC_PROXY is documented only for HTTP proxies: gRPC cannot use an https:// proxy.
  if (answers.proxy.protocol === 'http') vars.push(...both('GRPC_PROXY', url));
  vars.push(...both('NO_PROXY', noProxyValue(answers)));
  if (answers.proxy.protocol === 'https') {
    vars.push(['NODE_TLS_REJECT_UNAUTHORIZED', answers.proxy.verifyCertificate ? '1' : '0']);
    if (customCaOf(answers) !== undefined) {
      vars.push(['NODE_EXTRA_CA_CERTS', `${DOCKER_CERTS_MOUNT}/proxy-ca.crt`]);
    }
  }
  return vars;
}

export function renderEnvFile(answers: Answers): string {
  const header = hashComment([
    'CARTO Self-hosted proxy settings: add these lines to your customer.env',
    '(replace any proxy lines it already has), then apply them:',
    '  bash install.sh && docker-compose down && docker-compose up -d',
    ...(customCaOf(answers) !== undefined
      ? [`Copy ${DOCKER_CA_FILE} into the installation's certs/ folder first.`]
      : []),
    headerLine(answers),
  ]);
  const body = envVariables(answers)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  return `${header}${body}\n`;
}
