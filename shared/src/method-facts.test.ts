import { describe, expect, it } from 'vitest';
import { CATALOG, DEPLOYMENT_METHOD_IDS, type DeploymentMethodId } from './catalog.ts';
import { adminConsoleRegExp, methodFacts, type CaDestination } from './method-facts.ts';
import { compareReleases } from './release-names.ts';

/**
 * Every release boundary the catalog knows, each with the day before it, and a release newer than the
 * newest known: 2023.5.12 (Helm and Compose proxy support), 2024.2.21 (Kots), 2025.2.13 (Pub/Sub over
 * REST), 2025.7.16 (Single VM, --private-ca-configmap), 2026.8.11 (Trusted CA certificate(s)).
 */
const RELEASES = [
  '2023.5.11',
  '2023.5.12',
  '2024.2.20',
  '2024.2.21',
  '2025.2.12',
  '2025.2.13',
  '2025.7.15',
  '2025.7.16',
  '2026.8.10',
  // D12: the 2026.8.11 line has trustedCACerts from rc.2 (chart 1.281.10, 07b7d4ec); no final yet.
  '2026.8.11-rc.1',
  '2026.8.11-rc.2',
  '2026.8.11',
  '2026.8.12',
] as const;
type Release = (typeof RELEASES)[number];

interface Expected {
  supported: boolean;
  pubSubRestApi: boolean;
  ca: CaDestination[];
}

/** Written out per method and release, from carto-proxy-facts.md §V.1, §V.2 and §V.5. */
const EXPECTED: Record<DeploymentMethodId, Record<Release, Expected>> = {
  'docker-compose': Object.fromEntries(
    RELEASES.map((r) => [
      r,
      { supported: r !== '2023.5.11', pubSubRestApi: false, ca: ['compose-certs-folder'] },
    ]),
  ) as Record<Release, Expected>,
  helm: {
    '2023.5.11': { supported: false, pubSubRestApi: false, ca: ['helm-external-proxy-ssl-ca'] },
    '2023.5.12': { supported: true, pubSubRestApi: false, ca: ['helm-external-proxy-ssl-ca'] },
    '2024.2.20': { supported: true, pubSubRestApi: false, ca: ['helm-external-proxy-ssl-ca'] },
    '2024.2.21': { supported: true, pubSubRestApi: false, ca: ['helm-external-proxy-ssl-ca'] },
    '2025.2.12': { supported: true, pubSubRestApi: false, ca: ['helm-external-proxy-ssl-ca'] },
    '2025.2.13': { supported: true, pubSubRestApi: true, ca: ['helm-external-proxy-ssl-ca'] },
    '2025.7.15': { supported: true, pubSubRestApi: true, ca: ['helm-external-proxy-ssl-ca'] },
    '2025.7.16': { supported: true, pubSubRestApi: true, ca: ['helm-external-proxy-ssl-ca'] },
    '2026.8.10': { supported: true, pubSubRestApi: true, ca: ['helm-external-proxy-ssl-ca'] },
    '2026.8.11-rc.1': {
      supported: true,
      pubSubRestApi: true,
      ca: ['helm-external-proxy-ssl-ca'],
    },
    '2026.8.11-rc.2': { supported: true, pubSubRestApi: true, ca: ['helm-trusted-ca-certs'] },
    '2026.8.11': { supported: true, pubSubRestApi: true, ca: ['helm-trusted-ca-certs'] },
    '2026.8.12': { supported: true, pubSubRestApi: true, ca: ['helm-trusted-ca-certs'] },
  },
  kots: {
    '2023.5.11': { supported: false, pubSubRestApi: false, ca: ['admin-console-proxy-ssl-ca'] },
    '2023.5.12': { supported: false, pubSubRestApi: false, ca: ['admin-console-proxy-ssl-ca'] },
    '2024.2.20': { supported: false, pubSubRestApi: false, ca: ['admin-console-proxy-ssl-ca'] },
    '2024.2.21': { supported: true, pubSubRestApi: false, ca: ['admin-console-proxy-ssl-ca'] },
    '2025.2.12': { supported: true, pubSubRestApi: false, ca: ['admin-console-proxy-ssl-ca'] },
    '2025.2.13': { supported: true, pubSubRestApi: false, ca: ['admin-console-proxy-ssl-ca'] },
    '2025.7.15': { supported: true, pubSubRestApi: false, ca: ['admin-console-proxy-ssl-ca'] },
    '2025.7.16': { supported: true, pubSubRestApi: false, ca: ['kots-private-ca-configmap'] },
    '2026.8.10': { supported: true, pubSubRestApi: false, ca: ['kots-private-ca-configmap'] },
    '2026.8.11-rc.1': {
      supported: true,
      pubSubRestApi: false,
      ca: ['kots-private-ca-configmap'],
    },
    '2026.8.11-rc.2': { supported: true, pubSubRestApi: false, ca: ['admin-console-trusted-ca'] },
    '2026.8.11': { supported: true, pubSubRestApi: false, ca: ['admin-console-trusted-ca'] },
    '2026.8.12': { supported: true, pubSubRestApi: false, ca: ['admin-console-trusted-ca'] },
  },
  'single-vm': {
    '2023.5.11': { supported: false, pubSubRestApi: false, ca: ['host-trust-store'] },
    '2023.5.12': { supported: false, pubSubRestApi: false, ca: ['host-trust-store'] },
    '2024.2.20': { supported: false, pubSubRestApi: false, ca: ['host-trust-store'] },
    '2024.2.21': { supported: false, pubSubRestApi: false, ca: ['host-trust-store'] },
    '2025.2.12': { supported: false, pubSubRestApi: false, ca: ['host-trust-store'] },
    '2025.2.13': { supported: false, pubSubRestApi: false, ca: ['host-trust-store'] },
    '2025.7.15': { supported: false, pubSubRestApi: false, ca: ['host-trust-store'] },
    '2025.7.16': { supported: true, pubSubRestApi: false, ca: ['host-trust-store'] },
    '2026.8.10': { supported: true, pubSubRestApi: false, ca: ['host-trust-store'] },
    '2026.8.11-rc.1': { supported: true, pubSubRestApi: false, ca: ['host-trust-store'] },
    '2026.8.11-rc.2': {
      supported: true,
      pubSubRestApi: false,
      ca: ['host-trust-store', 'admin-console-trusted-ca'],
    },
    '2026.8.11': {
      supported: true,
      pubSubRestApi: false,
      ca: ['host-trust-store', 'admin-console-trusted-ca'],
    },
    '2026.8.12': {
      supported: true,
      pubSubRestApi: false,
      ca: ['host-trust-store', 'admin-console-trusted-ca'],
    },
  },
};

const CASES = DEPLOYMENT_METHOD_IDS.flatMap((method) =>
  RELEASES.map((release) => ({ method, release, ...EXPECTED[method][release] })),
);

describe('methodFacts at every release boundary of every method', () => {
  it.each(CASES)(
    '$method on $release: proxy support $supported, Pub/Sub over REST $pubSubRestApi, CA to $ca',
    ({ method, release, supported, pubSubRestApi, ca }) => {
      const facts = methodFacts(method, release);
      expect(facts.release).toBe(release);
      expect(facts.givenRelease).toBe(release);
      expect(facts.releaseAssumed).toBe(false);
      // The newest release read from CARTO is 2026.8.11-rc.7: the final 2026.8.11 is newer (D1).
      expect(facts.releaseNewerThanKnown).toBe(release === '2026.8.11' || release === '2026.8.12');
      expect(facts.proxySupport.supported).toBe(supported);
      expect(facts.proxySupport.since).toBe(CATALOG.proxySupportSince[method].release);
      expect(facts.options.pubSubRestApi.offered).toBe(pubSubRestApi);
      // D10: the Admin Console methods set it by hand, in Custom Configuration, on the same releases.
      expect(facts.options.pubSubRestApi.customConfiguration).toBe(
        (method === 'kots' || method === 'single-vm') && compareReleases(release, '2025.2.13') >= 0,
      );
      expect(facts.caDestinations).toEqual(ca);
    },
  );

  it('offers Pub/Sub over REST through Custom Configuration only with a release given', () => {
    expect(methodFacts('kots', undefined).options.pubSubRestApi.customConfiguration).toBe(false);
    expect(methodFacts('kots', '2025.2.13-rc.3').options.pubSubRestApi.customConfiguration).toBe(
      true,
    );
    expect(methodFacts('kots', '2025.2.13-rc.2').options.pubSubRestApi.customConfiguration).toBe(
      false,
    );
  });
});

describe('methodFacts of a method, whatever the release', () => {
  const METHOD_FACTS: Record<
    DeploymentMethodId,
    {
      kubernetes: boolean;
      adminConsole: boolean;
      mainFile: string;
      caFile: string;
      required: string[];
      ipv6: boolean;
      bracketIpv6: boolean;
      serviceIp: boolean;
      daemon: boolean;
    }
  > = {
    'docker-compose': {
      kubernetes: false,
      adminConsole: false,
      mainFile: 'customer.env.proxy',
      caFile: 'certs/proxy-ca.crt',
      required: ['localhost', ...CATALOG.noProxyRules.composeServices.entries],
      ipv6: true,
      bracketIpv6: false,
      serviceIp: false,
      daemon: true,
    },
    helm: {
      kubernetes: true,
      adminConsole: false,
      mainFile: 'customizations.proxy.yaml',
      caFile: 'proxy-ca.crt',
      required: ['localhost', '.svc.cluster.local'],
      ipv6: true,
      bracketIpv6: true,
      serviceIp: false,
      daemon: false,
    },
    kots: {
      kubernetes: true,
      adminConsole: true,
      mainFile: 'kots-proxy-setup.md',
      caFile: 'proxy-ca.crt',
      required: ['localhost', '.svc.cluster.local'],
      ipv6: false,
      bracketIpv6: false,
      serviceIp: true,
      daemon: false,
    },
    'single-vm': {
      kubernetes: false,
      adminConsole: true,
      mainFile: 'kots-proxy-setup.md',
      caFile: 'proxy-ca.crt',
      required: ['localhost'],
      ipv6: false,
      bracketIpv6: false,
      serviceIp: false,
      daemon: false,
    },
  };

  it.each(DEPLOYMENT_METHOD_IDS)(
    '%s: main file, hosts, options and required NO_PROXY',
    (method) => {
      const expected = METHOD_FACTS[method];
      for (const release of RELEASES) {
        const facts = methodFacts(method, release);
        expect(facts.kubernetes).toBe(expected.kubernetes);
        expect(facts.adminConsole).toBe(expected.adminConsole);
        expect(facts.mainFile).toBe(expected.mainFile);
        expect(facts.caFile).toBe(expected.caFile);
        expect(facts.hostRules).toMatchObject({
          ipv6: expected.ipv6,
          bracketIpv6: expected.bracketIpv6,
        });
        if (!expected.adminConsole) {
          expect(facts.hostRules).toMatchObject({ ipv4: true, underscore: true, adminConsole: [] });
        }
        expect(facts.options.clusterDomain.offered).toBe(expected.kubernetes);
        expect(facts.options.gkeWorkloadIdentity).toBe(expected.kubernetes);
        expect(facts.options.imagePullsThroughProxy).toBe(expected.kubernetes);
        expect(facts.options.kubernetesServiceIp).toBe(expected.serviceIp);
        expect(facts.options.dockerDaemonProxy).toBe(expected.daemon);
        // The nodes' image pulls add registries for Helm only: Kots pulls every image through
        // registry.self-hosted.carto.com, already allowed (D11).
        expect(facts.imageRegistries.length > 0).toBe(method === 'helm');
        expect(facts.requiredNoProxy().map((e) => e.entry)).toEqual(expected.required);
      }
    },
  );

  it('follows the cluster domain for Kubernetes methods only', () => {
    expect(
      methodFacts('helm', undefined)
        .requiredNoProxy('k8s.corp')
        .map((e) => e.entry),
    ).toEqual(['localhost', '.svc.k8s.corp']);
    expect(methodFacts('single-vm', undefined).requiredNoProxy('k8s.corp')).toHaveLength(1);
  });
});

describe('methodFacts on a half-filled form', () => {
  it.each(['', '   ', '2026.8', '2026.8.', 'v2026.8.11', '2026.13.1', undefined])(
    'reads %j as no release given: the newest known applies',
    (release) => {
      const facts = methodFacts('helm', release);
      expect(facts.givenRelease).toBeUndefined();
      expect(facts.releaseAssumed).toBe(true);
      expect(facts.release).toBe(CATALOG.releases.latest);
      expect(facts.releaseNewerThanKnown).toBe(false);
      expect(facts.proxySupport.supported).toBe(true);
    },
  );

  it('reads a release with surrounding spaces as that release', () => {
    expect(methodFacts('kots', ' 2025.7.16 ').release).toBe('2025.7.16');
  });

  it('uses the catalog it is given (the copy GET /api/catalog served)', () => {
    const served = {
      ...CATALOG,
      releases: {
        ...CATALOG.releases,
        latest: '2027.1.1',
        rules: { ...CATALOG.releases.rules, trustedCaCertsSince: '2027.1.1' },
      },
    };
    const facts = methodFacts('helm', '', served);
    expect(facts.release).toBe('2027.1.1');
    expect(methodFacts('helm', '2026.8.11', served).caDestinations).toEqual([
      'helm-external-proxy-ssl-ca',
    ]);
    expect(methodFacts('helm', '2026.8.12', served).releaseNewerThanKnown).toBe(false);
  });
});

// D3: the Admin Console's Host check by release (carto-selfhosted-helm 9c5b66ba, PR #537, for
// 2024.7.19–2025.3.19; 992c82da, PR #690, from 2025.4.9; none before 2024.7.19).
describe('methodFacts: the Admin Console Host rule of each release', () => {
  it.each([
    ['2024.2.21', { ipv4: true, underscore: true }],
    ['2024.7.19', { ipv4: false, underscore: true }],
    ['2025.3.19', { ipv4: false, underscore: true }],
    ['2025.4.9', { ipv4: true, underscore: false }],
    ['2026.8.11-rc.7', { ipv4: true, underscore: false }],
    ['2027.1.1', { ipv4: true, underscore: false }],
  ] as const)('kots %s: %o', (release, expected) => {
    for (const method of ['kots', 'single-vm'] as const) {
      if (method === 'single-vm' && release < '2025.7.16') continue;
      expect(methodFacts(method, release).hostRules).toMatchObject({ ipv6: false, ...expected });
    }
  });

  it('without a release, a host must pass every rule from the first proxy release on', () => {
    expect(methodFacts('kots', undefined).hostRules).toMatchObject({
      ipv4: false,
      underscore: false,
    });
    // Single VM starts at 2025.7.16, after the IPv4-refusing rule.
    expect(methodFacts('single-vm', undefined).hostRules).toMatchObject({
      ipv4: true,
      underscore: false,
    });
  });

  it('reads the nested quantifier of the 2024.7.19 rule without exponential backtracking', () => {
    const [rule] = methodFacts('kots', '2024.7.19').hostRules.adminConsole;
    expect(rule?.pattern).toContain(')+[a-zA-Z]');
    const long = `http://${'1'.repeat(200)}.x:3128!`;
    expect(adminConsoleRegExp(rule?.pattern ?? '').test(long)).toBe(false);
    expect(adminConsoleRegExp(rule?.pattern ?? '').test('http://proxy_1.corp.example:3128')).toBe(
      true,
    );
  });
});
