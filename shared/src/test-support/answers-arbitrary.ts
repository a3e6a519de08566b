/**
 * Answers for property tests: every combination the schema accepts (methods, releases from each
 * method's floor, hosts, IPv6, YAML traps, IDNs, CIDRs, CAs, warehouses, services). Shared by the
 * renderer properties and the download test (the server's zip against the browser's, issue 19).
 */
import fc from 'fast-check';
import { PROXY_SUPPORT_SINCE, RELEASE_RULES, SERVICE_IDS, WAREHOUSE_IDS } from '../catalog.ts';
import { CA_PEM, SECOND_CA_PEM } from '../fixtures/index.ts';
import { isIPv6 } from '../host.ts';
import { adminConsoleRefusal, methodFacts } from '../method-facts.ts';
import { isAtLeast } from '../release-names.ts';

/** Strings YAML 1.1 or 1.2 would read as something other than a string when left plain. */
export const YAML_TRAPS = [
  'no',
  'yes',
  'on',
  'off',
  'y',
  'n',
  'true',
  'null',
  '~',
  '1e3',
  '0777',
  '0x1f',
  '12:30',
];

const hostArb = fc.oneof(
  fc.domain(),
  fc.ipV4(),
  fc.ipV6(),
  // All-digit names are refused on purpose (0777 reads as an IP address to inet_aton).
  fc.constantFrom(
    'squid',
    'proxy',
    // Not 0x1f: URL parsers read it as the IPv4 address 0.0.0.31, so the schema refuses it.
    ...YAML_TRAPS.filter((t) => /^[a-z0-9]+$/i.test(t) && /[a-z]/i.test(t) && t !== '0x1f'),
  ),
);

const entryArb = fc.oneof(
  fc.domain(),
  fc.domain().map((d) => `.${d}`),
  fc.domain().map((d) => `*.${d}`),
  fc.ipV4(),
  fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([ip, bits]) => `${ip}/${bits}`),
  fc.ipV6(),
  fc.ipV6().map((ip) => `[${ip}]`),
  fc.tuple(fc.domain(), fc.integer({ min: 1, max: 65535 })).map(([d, p]) => `${d}:${p}`),
  fc.constantFrom(
    'bücher.example',
    'пример.рф',
    '例え.テスト',
    ...YAML_TRAPS.filter((t) => t !== '~' && t !== '12:30'),
  ),
);

export const answersArb = fc
  .record({
    method: fc.constantFrom('docker-compose', 'helm', 'kots', 'single-vm'),
    release: fc.option(
      fc.tuple(
        fc.integer({ min: 2023, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      ),
      { nil: undefined },
    ),
    gke: fc.boolean(),
    clusterDomain: fc.option(fc.constantFrom('cluster.local', 'k8s.corp.example', 'on'), {
      nil: undefined,
    }),
    pubSub: fc.option(fc.boolean(), { nil: undefined }),
    images: fc.option(fc.boolean(), { nil: undefined }),
    clusterIp: fc.oneof(fc.ipV4(), fc.ipV6()),
    protocol: fc.constantFrom('http', 'https'),
    host: hostArb,
    port: fc.integer({ min: 1, max: 65535 }),
    verify: fc.boolean(),
    ca: fc.constantFrom(undefined, CA_PEM, CA_PEM + SECOND_CA_PEM),
    excluded: fc.array(entryArb, { maxLength: 15 }),
    warehouses: fc.subarray([...WAREHOUSE_IDS]),
    services: fc.subarray([...SERVICE_IDS]),
  })
  .map((a) => {
    // Only combinations the schema accepts: releases from the method's floor on (§V.1), and hosts the
    // Admin Console accepts for kots and single-vm (§V.3). The refusals have their own tests.
    const floor = PROXY_SUPPORT_SINCE[a.method].release;
    const given =
      a.release && !isAtLeast(a.release.join('.'), floor) ? floor : a.release?.join('.');
    // Kots with a custom CA needs its release (D1): no CA place works on every release.
    const release =
      given === undefined && a.method === 'kots' && a.protocol === 'https' && a.ca !== undefined
        ? '2025.7.16'
        : given;
    const kubernetes = a.method === 'helm' || a.method === 'kots';
    const adminConsole = a.method === 'kots' || a.method === 'single-vm';
    // Pub/Sub over REST only for a given release from 2025.2.13-rc.3 (D1).
    const pubSubOffered =
      a.method === 'helm' &&
      release !== undefined &&
      isAtLeast(release, RELEASE_RULES.pubSubRestApiSince);
    // The Admin Console's Host check of that release (or of every release, without one): D3.
    const refused =
      adminConsole &&
      (isIPv6(a.host) ||
        adminConsoleRefusal(
          methodFacts(a.method, release).hostRules.adminConsole,
          `${a.protocol}://${a.host}:${a.port}`,
        ) !== undefined);
    return {
      deployment: {
        method: a.method,
        ...(release ? { release } : {}),
        ...(kubernetes ? { gkeWorkloadIdentity: a.gke } : {}),
        ...(a.method === 'kots' ? { kubernetesServiceIp: a.clusterIp } : {}),
        ...(kubernetes && a.clusterDomain ? { clusterDomain: a.clusterDomain } : {}),
        ...(kubernetes && a.images !== undefined ? { imagePullsThroughProxy: a.images } : {}),
        ...(a.method === 'helm' && a.pubSub !== undefined && (pubSubOffered || !a.pubSub)
          ? { usePubSubRestApi: a.pubSub }
          : {}),
      },
      proxy: {
        protocol: a.protocol,
        host: refused ? 'proxy.corp.example' : a.host,
        port: a.port,
        ...(a.protocol === 'https' ? { verifyCertificate: a.verify, customCa: a.ca } : {}),
      },
      excludedDomains: a.excluded,
      warehouses: a.warehouses,
      services: a.services,
    };
  });
