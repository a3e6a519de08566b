/**
 * The answers document (version 1): what the user chose in the wizard, validated the same way in the
 * browser, the API and the CLI. PRODUCT.md §2 and §4; every message says what to fix.
 */
import { z } from 'zod';
import { DEPLOYMENT_METHOD_IDS, SERVICE_IDS, WAREHOUSE_IDS } from './catalog.ts';
import { inspectPem } from './certificates.ts';
import {
  CREDENTIALS_MESSAGE,
  hostForUrl,
  hostKind,
  isDnsName,
  isIPv4,
  isIPv6,
  unusualIPv4,
} from './host.ts';
import { adminConsoleRefusal, methodFacts } from './method-facts.ts';
import { parseRelease } from './release-names.ts';

export const PORT_MIN = 1;
export const PORT_MAX = 65535;
export const EXCLUDED_DOMAINS_MAX = 200;
export const EXCLUDED_DOMAIN_MAX_LENGTH = 255;
export const HOST_MAX_LENGTH = 253;
/** warehouses and services: far more than the catalog has, so only a runaway list meets it. */
export const LIST_MAX = 64;

/**
 * Characters an excluded-domain entry may hold: letters (any script, converted to punycode by clients
 * that support it), digits, and `. _ - * : [ ] / %`. Everything that could change how a file or a shell
 * reads the value (whitespace, quotes, `$`, `#`, `\`, `,`, `=`, control characters) is outside it.
 */
const EXCLUDED_DOMAIN_CHARS = /^[\p{L}\p{M}\p{N}._*:[\]/%-]+$/u;

const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `${what} is required.` : undefined;

const HostSchema = z
  .string({ error: required('The proxy host') })
  .superRefine((host, ctx) => {
    const problem = hostProblem(host);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  // `0x7f.0.0.1` or `::ffff:127.0.0.1` as 127.0.0.1: clients read such spellings differently (Go and
  // curl as a name, Node as an address), the plain form alike (issue 13, item 15).
  .transform((host) => unusualIPv4(host) ?? host.toLowerCase());

/** Why a proxy host is not acceptable, in words that never repeat a password. */
export function hostProblem(host: string): string | undefined {
  if (host.length === 0) return 'Enter the proxy host name or IP address.';
  if (host.includes('@')) return CREDENTIALS_MESSAGE;
  if (/:\/\//.test(host)) {
    return 'Enter only the host name (for example proxy.corp.example), without http:// or https://.';
  }
  if (/[\s\p{Cc}]/u.test(host)) return 'The proxy host cannot contain spaces or line breaks.';
  if (host.length > HOST_MAX_LENGTH)
    return `The proxy host is longer than ${HOST_MAX_LENGTH} characters.`;
  if (/^\[.*\]$/.test(host))
    return 'Write the IPv6 address without brackets (for example fd00::10).';
  if (/[/?#]/.test(host)) return 'Enter only the host name, without a path, query or fragment.';
  // Other spellings of an IPv4 address are written in the plain form (HostSchema's transform).
  if (!hostKind(host) && unusualIPv4(host) === undefined) {
    const labels = host.split('.').filter(Boolean);
    if (!labels.every((l) => /^\d+$/.test(l)) && /^(\d+|0x[0-9a-f]*)$/i.test(labels.at(-1) ?? '')) {
      // WHATWG URL reads a name ending in a number as an IPv4 address ("ends in a number").
      return 'URL parsers read a host name ending in a number (like proxy.08) as an IP address: use the DNS name, or the IPv4 address in dotted decimal.';
    }
    return 'Enter a valid DNS name (letters, digits, dots and hyphens), IPv4 or IPv6 address.';
  }
  return undefined;
}

const PortSchema = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? 'The proxy port is required: clients disagree on the default port, so it must be explicit.'
        : `The proxy port must be a whole number from ${PORT_MIN} to ${PORT_MAX}.`,
  })
  .int({ error: `The proxy port must be a whole number from ${PORT_MIN} to ${PORT_MAX}.` })
  .min(PORT_MIN, {
    error: `The proxy port must be a whole number from ${PORT_MIN} to ${PORT_MAX}.`,
  })
  .max(PORT_MAX, {
    error: `The proxy port must be a whole number from ${PORT_MIN} to ${PORT_MAX}.`,
  });

const CustomCaSchema = z
  .string({ error: 'The custom CA must be PEM text.' })
  // inspectPem refuses more than 64 KiB, counted in bytes.
  .superRefine((text, ctx) => {
    if (text.trim() === '') return;
    const result = inspectPem(text);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
  });

/** Why an excluded-domain entry is not acceptable, or undefined when it is. */
export function excludedDomainProblem(entry: string): string | undefined {
  if (entry.length === 0) return 'Empty entries are not allowed: remove it.';
  if (/[\s\p{Cc}]/u.test(entry))
    return 'Entries cannot contain spaces or line breaks: one domain per entry.';
  if (entry.length > EXCLUDED_DOMAIN_MAX_LENGTH) {
    return `Entries are at most ${EXCLUDED_DOMAIN_MAX_LENGTH} characters.`;
  }
  if (entry.includes('@')) return 'Entries cannot contain credentials or @.';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
    return 'Write the domain without a scheme (example.com, not https://example.com): no client strips it.';
  }
  if (entry.includes(','))
    return 'One domain per entry: split comma-separated lists into separate entries.';
  if (!EXCLUDED_DOMAIN_CHARS.test(entry)) {
    return 'Entries may contain only letters, digits and . _ - * : [ ] / % (no quotes, $, #, = or backslash).';
  }
  if (entry.includes('/')) {
    const [address, prefix, ...rest] = entry.split('/');
    const bits = Number(prefix);
    const valid =
      rest.length === 0 &&
      /^\d{1,3}$/.test(prefix ?? '') &&
      ((isIPv4(address ?? '') && bits <= 32) || (isIPv6(address ?? '') && bits <= 128));
    if (!valid)
      return 'Write the domain without a path; a slash is only allowed in a CIDR range (10.0.0.0/8).';
  }
  return undefined;
}

const ExcludedDomainSchema = z
  .string({ error: 'Each excluded domain must be text.' })
  .superRefine((entry, ctx) => {
    const problem = excludedDomainProblem(entry);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const ReleaseSchema = z
  .string({ error: 'The release must be text like 2026.7.16.' })
  .refine((text) => parseRelease(text) !== undefined, {
    error:
      'Write the CARTO Self-hosted release as YYYY.M.D or YYYY.M.D-rc.N, for example 2026.7.16 or 2026.8.11-rc.7.',
  });

/** Unknown keys as a message names them: the first few, each cut short (issue 13, item 6). */
export function keyList(keys: readonly string[], max = 10): string {
  const shown = keys
    .slice(0, max)
    .map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 39)}…` : k));
  return keys.length > max ? `${shown.join(', ')} and ${keys.length - max} more` : shown.join(', ');
}

const unknownKeys = (where: string) => (issue: { code?: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys'
    ? `Unknown ${issue.keys && issue.keys.length > 1 ? 'keys' : 'key'} in ${where}: ${keyList(issue.keys ?? [])}.`
    : undefined;

/** Messages for an object that is missing, of the wrong type, or carries unknown keys. */
const objectError =
  (where: string, example: string) =>
  (issue: { code?: string; keys?: string[]; input?: unknown }) =>
    unknownKeys(where)(issue) ??
    (issue.input === undefined
      ? `${where} is required, for example ${example}.`
      : typeof issue.input !== 'object' || issue.input === null || Array.isArray(issue.input)
        ? `${where} must be an object, for example ${example}.`
        : undefined);

export const DeploymentSchema = z.strictObject(
  {
    method: z.enum(DEPLOYMENT_METHOD_IDS, {
      error: `Choose the deployment method: one of ${DEPLOYMENT_METHOD_IDS.join(', ')}.`,
    }),
    release: ReleaseSchema.optional(),
    gkeWorkloadIdentity: z
      .boolean({ error: 'gkeWorkloadIdentity must be true or false.' })
      .optional(),
    kubernetesServiceIp: z
      .string({ error: 'The kubernetes service ClusterIP must be text.' })
      .refine((ip) => isIPv4(ip) || isIPv6(ip), {
        error: 'Enter the ClusterIP as an IPv4 or IPv6 address, for example 10.96.0.1.',
      })
      .optional(),
    clusterDomain: z
      .string({ error: 'The cluster domain must be text like cluster.local.' })
      .refine((domain) => !domain.endsWith('.') && !domain.startsWith('.') && isDnsName(domain), {
        error:
          'Write the cluster domain as a DNS name without leading or trailing dot, for example cluster.local.',
      })
      .transform((domain) => domain.toLowerCase())
      .optional(),
    usePubSubRestApi: z.boolean({ error: 'usePubSubRestApi must be true or false.' }).optional(),
    imagePullsThroughProxy: z
      .boolean({ error: 'imagePullsThroughProxy must be true or false.' })
      .optional(),
  },
  { error: objectError('deployment', '{"method": "helm"}') },
);

export const ProxySchema = z.strictObject(
  {
    protocol: z.enum(['http', 'https'], {
      error: 'Choose the proxy protocol: http or https.',
    }),
    host: HostSchema,
    port: PortSchema,
    verifyCertificate: z
      .boolean({ error: 'verifyCertificate must be true or false.' })
      .default(true),
    customCa: CustomCaSchema.optional(),
  },
  {
    error: objectError('proxy', '{"protocol": "http", "host": "proxy.corp.example", "port": 3128}'),
  },
);

export const AnswersSchema = z
  .strictObject(
    {
      deployment: DeploymentSchema,
      proxy: ProxySchema,
      excludedDomains: z
        .array(ExcludedDomainSchema, { error: 'excludedDomains must be a list of domains.' })
        .max(EXCLUDED_DOMAINS_MAX, {
          error: `At most ${EXCLUDED_DOMAINS_MAX} excluded domains; use a parent domain (.corp.example) to cover many hosts.`,
        })
        .default([]),
      warehouses: z
        .array(
          z.enum(WAREHOUSE_IDS, {
            error: `Unknown data warehouse: use ${WAREHOUSE_IDS.join(', ')}.`,
          }),
          { error: 'warehouses must be a list.' },
        )
        // Each at most once, or a few repeats: a bound, so a huge list is one issue (issue 13, item 6).
        .max(LIST_MAX, { error: `At most ${LIST_MAX} warehouses: list each one once.` })
        .default([]),
      services: z
        .array(z.enum(SERVICE_IDS, { error: `Unknown service: use ${SERVICE_IDS.join(', ')}.` }), {
          error: 'services must be a list.',
        })
        .max(LIST_MAX, { error: `At most ${LIST_MAX} services: list each one once.` })
        .default([]),
    },
    { error: objectError('the answers document', '{"deployment": {…}, "proxy": {…}}') },
  )
  .superRefine((answers, ctx) => {
    const { deployment, proxy } = answers;
    // What the method and release allow: decided once, in methodFacts.
    const facts = methodFacts(deployment.method, deployment.release);
    if (facts.givenRelease !== undefined && !facts.proxySupport.supported) {
      // carto-proxy-facts.md §V.1: older releases ignore the proxy settings, so nothing is rendered.
      const { reason, since } = facts.proxySupport;
      ctx.addIssue({
        code: 'custom',
        path: ['deployment', 'release'],
        message: `Release ${facts.givenRelease} has no proxy support for ${facts.label}: ${reason.charAt(0).toUpperCase()}${reason.slice(1)} Upgrade CARTO to ${since} or newer first${deployment.method === 'single-vm' ? ', or install with Docker Compose or on Kubernetes instead' : ''}.`,
      });
    }
    // The Admin Console validates the installer's --http-proxy URL with a Host regex that changed by
    // release (carto-release-audit.md D3: 9c5b66ba for 2024.7.19–2025.3.19, 992c82da from 2025.4.9).
    const refusal = facts.adminConsole
      ? adminConsoleRefusal(
          facts.hostRules.adminConsole,
          `${proxy.protocol}://${hostForUrl(proxy.host)}:${proxy.port}`,
        )
      : undefined;
    if (isIPv6(proxy.host) && (refusal !== undefined || facts.adminConsole)) {
      ctx.addIssue({
        code: 'custom',
        path: ['proxy', 'host'],
        message: `The Admin Console does not accept an IPv6 address as the proxy host: use a DNS name${facts.hostRules.ipv4 ? ' (or an IPv4 address)' : ''} that points to the proxy.`,
      });
    } else if (refusal !== undefined) {
      // Every range that has the refusing rule (an out-of-order rc build can carry it too).
      const releases = facts.hostRules.adminConsole
        .filter((r) => r.pattern === refusal.pattern)
        .map((r) => (r.from === r.to ? r.from : `${r.from}–${r.to}`))
        .join(' and ');
      const which =
        facts.givenRelease === undefined
          ? `The Admin Console of releases ${releases}`
          : `The Admin Console of release ${facts.givenRelease}`;
      const giveRelease =
        facts.givenRelease === undefined
          ? ' Or give your release (deployment.release): the rule depends on it.'
          : '';
      ctx.addIssue({
        code: 'custom',
        path: ['proxy', 'host'],
        message: isIPv4(proxy.host)
          ? `${which} does not accept an IP address as the proxy host (its Host check needs a name ending in a letter, carto-selfhosted-helm ${refusal.commit.slice(0, 8)}): use a DNS name that points to the proxy.${giveRelease}`
          : proxy.host.includes('_')
            ? `${which} does not accept an underscore in the proxy host (carto-selfhosted-helm ${refusal.commit.slice(0, 8)}): use a DNS name without underscores (for example a CNAME to this host)${facts.hostRules.ipv4 ? ' or its IP address' : ''}.${giveRelease}`
            : `${which} does not accept ${proxy.host} as the proxy host (its Host check ${refusal.pattern ?? ''}, carto-selfhosted-helm ${refusal.commit.slice(0, 8)}): use a DNS name that points to the proxy.${giveRelease}`,
      });
    }
    if (deployment.clusterDomain !== undefined && !facts.options.clusterDomain.offered) {
      ctx.addIssue({
        code: 'custom',
        path: ['deployment', 'clusterDomain'],
        message: 'The cluster domain applies only to Kubernetes methods (helm, kots): remove it.',
      });
    }
    if (deployment.imagePullsThroughProxy === true && !facts.options.imagePullsThroughProxy) {
      ctx.addIssue({
        code: 'custom',
        path: ['deployment', 'imagePullsThroughProxy'],
        message:
          'imagePullsThroughProxy applies only to Kubernetes methods (helm, kots); Docker Compose and Single VM pull images through the hosts already listed.',
      });
    }
    if (
      deployment.usePubSubRestApi === true &&
      deployment.method === 'helm' &&
      facts.releaseAssumed
    ) {
      // D1: a chart before 2025.2.13 ignores the key silently, so it is only written for a known release.
      ctx.addIssue({
        code: 'custom',
        path: ['deployment', 'release'],
        message: `Pub/Sub over REST (cartoConfigValues.usePubSubRestApi) exists from release ${facts.options.pubSubRestApi.since} on and older charts ignore it silently: give your release (deployment.release). Find it in ${facts.releaseHowTo}.`,
      });
    } else if (deployment.usePubSubRestApi === true && !facts.options.pubSubRestApi.offered) {
      ctx.addIssue({
        code: 'custom',
        path: ['deployment', 'usePubSubRestApi'],
        message:
          deployment.method !== 'helm'
            ? 'usePubSubRestApi is a Helm chart value (cartoConfigValues.usePubSubRestApi): it applies only to the helm method.'
            : `Pub/Sub over REST (cartoConfigValues.usePubSubRestApi) exists from release ${facts.options.pubSubRestApi.since} on: upgrade, or turn it off.`,
      });
    }
    if (facts.options.kubernetesServiceIp && deployment.kubernetesServiceIp === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['deployment', 'kubernetesServiceIp'],
        message:
          "Enter the ClusterIP of the kubernetes service: kubectl get svc kubernetes -n default -o jsonpath='{.spec.clusterIP}'",
      });
    }
    if (!facts.options.kubernetesServiceIp && deployment.kubernetesServiceIp !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['deployment', 'kubernetesServiceIp'],
        message: 'The kubernetes service ClusterIP applies only to the kots method: remove it.',
      });
    }
    if (!facts.options.gkeWorkloadIdentity && deployment.gkeWorkloadIdentity === true) {
      ctx.addIssue({
        code: 'custom',
        path: ['deployment', 'gkeWorkloadIdentity'],
        message: 'GKE Workload Identity applies only to Kubernetes methods (helm, kots).',
      });
    }
    const hasCustomCa = proxy.customCa !== undefined && proxy.customCa.trim() !== '';
    if (proxy.protocol === 'https' && hasCustomCa && facts.releaseNeededFor.customCa) {
      // D1: Kots reads a custom CA from "Proxy SSL CA" (2024.2.21–2025.6.10), --private-ca-configmap
      // (2025.7.16 on) or "Trusted CA certificate(s)" (2026.8.11-rc.2 on): no place works on every release.
      ctx.addIssue({
        code: 'custom',
        path: ['deployment', 'release'],
        message: `Give your CARTO release (deployment.release): where the Admin Console reads a custom CA depends on it, and no place works on every release. Find it in ${facts.releaseHowTo}.`,
      });
    }
    if (proxy.protocol === 'http' && proxy.customCa !== undefined && proxy.customCa.trim() !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['proxy', 'customCa'],
        message: 'A custom CA applies only to HTTPS proxies: remove it, or choose https.',
      });
    }
  });

/** The answers as the user (or an API client) writes them. */
export type AnswersInput = z.input<typeof AnswersSchema>;
/** The answers after validation, with defaults filled in. */
export type Answers = z.output<typeof AnswersSchema>;

export interface AnswerIssue {
  path: (string | number)[];
  message: string;
}

/** Zod issues as the API, the CLI and the UI report them: a path and a sentence. */
export function toAnswerIssues(error: z.ZodError): AnswerIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
}

export type ValidationResult =
  { ok: true; answers: Answers } | { ok: false; issues: AnswerIssue[] };

export function validateAnswers(input: unknown): ValidationResult {
  const result = AnswersSchema.safeParse(input);
  return result.success
    ? { ok: true, answers: result.data }
    : { ok: false, issues: toAnswerIssues(result.error) };
}

/** JSON Schema of the answers document, as GET /api/schema serves it. */
export function answersJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(AnswersSchema, { io: 'input', unrepresentable: 'any' });
}
