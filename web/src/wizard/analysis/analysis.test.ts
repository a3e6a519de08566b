import { describe, expect, it } from 'vitest';
import { analyzeDraft, resolveStep } from './analysis.ts';
import { emptyDraft, type Draft } from '../state/draft.ts';

const valid = (): Draft => {
  const d = emptyDraft();
  d.deployment.method = 'helm';
  d.proxy = {
    protocol: 'http',
    host: 'proxy.corp',
    port: '3128',
    verifyCertificate: true,
    customCa: '',
    customCaExpected: false,
  };
  return d;
};

describe('analyzeDraft', () => {
  it('lists what is missing, per step, in the wizard’s words', () => {
    const { problems, render } = analyzeDraft(emptyDraft());
    expect(render).toBeUndefined();
    expect(problems.map((p) => [p.step, p.path.join('.')])).toEqual([
      ['deployment', 'deployment.method'],
      ['proxy', 'proxy.protocol'],
      ['proxy', 'proxy.host'],
      ['proxy', 'proxy.port'],
    ]);
    expect(problems[0]?.message).toBe('Choose how CARTO is deployed.');
  });

  it('asks Kots’s ClusterIP on Excluded domains, where it is used, even while other steps are empty', () => {
    const d = emptyDraft();
    d.deployment.method = 'kots';
    const { problems } = analyzeDraft(d);
    // Issue 21, item 4: the cluster's facts only add excluded domains, so that step owns them.
    expect(problems.filter((p) => p.step === 'deployment')).toEqual([]);
    expect(problems.find((p) => p.step === 'excluded-domains')?.path).toEqual([
      'deployment',
      'kubernetesServiceIp',
    ]);
  });

  it('renders the files once the answers are valid, with the rules’ NO_PROXY entries', () => {
    const { render, problems, requiredNoProxy } = analyzeDraft(valid());
    expect(problems).toEqual([]);
    expect(render?.files.map((f) => f.name)).toContain('customizations.proxy.yaml');
    expect(requiredNoProxy?.map((e) => e.entry)).toEqual(['localhost', '.svc.cluster.local']);
  });

  it('points excluded-domain problems at the row the user sees, blank rows included', () => {
    const d = valid();
    d.excludedDomains = ['', 'ok.example', 'https://bad.example'];
    const { problems } = analyzeDraft(d);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual(['excludedDomains', 2]);
  });
});

describe('resolveStep', () => {
  const options = { fields: {}, shouldUseNativeValidation: false } as never;

  it('puts a Single VM release refusal on the release field', async () => {
    const d = emptyDraft();
    const values = {
      deployment: {
        method: 'single-vm',
        release: '2025.1.1',
        gkeWorkloadIdentity: false,
        kubernetesServiceIp: '',
      },
    } as const;
    const result = await resolveStep('deployment', d, values as never, undefined, options);
    const errors = result.errors as { deployment?: { release?: { message?: string } } };
    expect(errors.deployment?.release?.message).toMatch(/no proxy support.*2025\.7\.16/);
  });

  it('checks the proxy host against the Admin Console of the release given on step 1 (D3)', async () => {
    const values = {
      proxy: { protocol: 'http', host: '10.20.0.5', port: '3128', verifyCertificate: true },
    };
    const hostError = async (release: string) => {
      const d = emptyDraft();
      Object.assign(d.deployment, { method: 'kots', kubernetesServiceIp: '10.96.0.1', release });
      const result = await resolveStep('proxy', d, values as never, undefined, options);
      return (result.errors as { proxy?: { host?: { message?: string } } }).proxy?.host?.message;
    };
    // 2025.4.9 on accept an IPv4 host; 2024.7.19–2025.3.19 refuse it; with no release, every one counts.
    expect(await hostError('2026.7.16')).toBeUndefined();
    expect(await hostError('2025.3.19')).toMatch(/release 2025\.3\.19 does not accept an IP/);
    expect(await hostError('')).toMatch(/Or give your release/);
    // A release that is not one stays the Deployment step's problem: the host is checked for all.
    expect(await hostError('latest')).toMatch(/Or give your release/);
  });

  it('checks the cluster’s facts on Excluded domains, not on step 1 (issue 21, item 4)', async () => {
    const d = emptyDraft();
    Object.assign(d.deployment, { method: 'kots', clusterDomain: 'not a domain' });
    const step1 = await resolveStep(
      'deployment',
      d,
      { deployment: { method: 'kots', release: '', imagePullsThroughProxy: false } } as never,
      undefined,
      options,
    );
    expect(step1.errors).toEqual({});
    const values = {
      excludedDomains: [],
      deployment: {
        gkeWorkloadIdentity: false,
        clusterDomain: 'not a domain',
        kubernetesServiceIp: '',
      },
    };
    const here = await resolveStep('excluded-domains', d, values as never, undefined, options);
    const errors = here.errors as { deployment?: Record<string, { message?: string }> };
    expect(Object.keys(errors.deployment ?? {}).sort()).toEqual([
      'clusterDomain',
      'kubernetesServiceIp',
    ]);
  });

  it('ignores problems of other steps', async () => {
    const result = await resolveStep(
      'deployment',
      emptyDraft(),
      { deployment: { ...valid().deployment } },
      undefined,
      options,
    );
    expect(result.errors).toEqual({});
  });
});
