/**
 * customer.env.proxy (docker-compose): the lines to add to customer.env. Never a whole customer.env.
 * Every value is unquoted: the schema guarantees no whitespace, quote, `#`, `$`, backslash or control
 * character, so docker-compose 1.29 and v2, dotenv and install.sh's shell loop read the same value.
 * Keys and cases: carto-proxy-facts.md §1(a).
 */
import { DOCKER_CA_FILE, DOCKER_CERTS_MOUNT } from '../method-facts.ts';
import { nodeTlsRejectUnauthorized, type Plan } from '../plan.ts';
import { hashComment, headerLine } from './header.ts';

/**
 * The command that appends the file safely: a customer.env without a final newline would otherwise glue
 * the first appended line onto its last value (python-dotenv reads `REDIS_TLS_ENABLED='false# CARTO …'`,
 * carto-proxy-facts.md §V.4). The file itself also starts with an empty line, for a plain `cat >>`.
 */
export const ENV_APPEND_COMMAND =
  '[ -z "$(tail -c 1 customer.env)" ] || echo >> customer.env; cat customer.env.proxy >> customer.env';

/** The variables as ordered pairs; both cases of each (curl reads only lowercase http_proxy, Go prefers uppercase). */
export function envVariables(plan: Plan): [string, string][] {
  const { proxy } = plan.answers;
  const url = plan.proxyUrl;
  const both = (name: string, value: string): [string, string][] => [
    [name.toUpperCase(), value],
    [name.toLowerCase(), value],
  ];
  const vars: [string, string][] = [...both('HTTP_PROXY', url), ...both('HTTPS_PROXY', url)];
  // GRPC_PROXY is documented only for HTTP proxies: gRPC cannot use an https:// proxy.
  if (proxy.protocol === 'http') vars.push(...both('GRPC_PROXY', url));
  vars.push(...both('NO_PROXY', plan.noProxyValue));
  if (plan.rejectUnauthorized !== undefined) {
    vars.push(['NODE_TLS_REJECT_UNAUTHORIZED', nodeTlsRejectUnauthorized(plan.rejectUnauthorized)]);
    if (plan.ca?.destinations.includes('compose-certs-folder')) {
      vars.push(['NODE_EXTRA_CA_CERTS', `${DOCKER_CERTS_MOUNT}/proxy-ca.crt`]);
    }
  }
  return vars;
}

export function renderEnvFile(plan: Plan): string {
  const header = hashComment([
    'CARTO Self-hosted proxy settings: add these lines to your customer.env',
    '(remove any proxy lines it already has first). From the installation folder:',
    `  ${ENV_APPEND_COMMAND}`,
    'then apply them:',
    '  bash install.sh && docker-compose down && docker-compose up -d',
    ...(plan.ca !== undefined
      ? [`Copy ${DOCKER_CA_FILE} into the installation's certs/ folder first.`]
      : []),
    headerLine(plan.answers),
  ]);
  const body = envVariables(plan)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  // The leading empty line ends a customer.env whose last line has no newline (see ENV_APPEND_COMMAND).
  return `\n${header}${body}\n`;
}
