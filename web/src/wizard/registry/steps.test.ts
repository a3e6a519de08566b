import { AnswersSchema, DeploymentSchema, ProxySchema } from '@wizard/shared/answers';
import { describe, expect, it } from 'vitest';
import { emptyDraft, type Draft } from '../state/draft.ts';
import { STEP_CHECKS } from '../validation/step-checks.ts';
import type { DraftField, StepDefinition } from './step-definition.ts';
import { stepValuesOf, withStepValues } from './step-values.ts';
import {
  applicableSteps,
  isStepId,
  STEP_IDS,
  stepApplies,
  stepForPath,
  STEPS,
  type StepId,
  type StepValues,
} from './steps.ts';

const definitions = STEP_IDS.map((id) => STEPS[id] as StepDefinition<StepId>);

/** Every field of the draft, as `part.key` or a list's part, read from a draft itself. */
function draftFields(draft: Draft): DraftField[] {
  return Object.entries(draft).flatMap(([part, value]) =>
    Array.isArray(value)
      ? [part as DraftField]
      : Object.keys(value as object).map((key) => `${part}.${key}` as DraftField),
  );
}

/** A draft where every field differs from the empty draft's. */
function filledDraft(): Draft {
  return {
    deployment: {
      method: 'kots',
      release: '2025.9.1',
      gkeWorkloadIdentity: true,
      kubernetesServiceIp: '10.0.0.1',
      clusterDomain: 'cluster.example',
      imagePullsThroughProxy: true,
      usePubSubRestApi: false,
    },
    proxy: {
      protocol: 'https',
      host: 'proxy.corp',
      port: '8443',
      verifyCertificate: false,
      customCa: '-----BEGIN CERTIFICATE-----',
      customCaExpected: true,
    },
    excludedDomains: ['', '.corp.example'],
    warehouses: ['bigquery'],
    services: ['google-maps'],
  };
}

function valueAt(draft: Draft, field: DraftField): unknown {
  const [part, key] = field.split('.') as [keyof Draft, string | undefined];
  const value = draft[part];
  return key === undefined ? value : (value as unknown as Record<string, unknown>)[key];
}

describe('the step registry', () => {
  it('lists the steps in the wizard’s order, each under its own id', () => {
    expect(STEP_IDS).toEqual([
      'deployment',
      'proxy',
      'tls',
      'excluded-domains',
      'warehouses',
      'services',
      'review',
    ]);
    for (const id of STEP_IDS) expect(STEPS[id].id).toBe(id);
    expect(isStepId('tls')).toBe(true);
    expect(isStepId('nope')).toBe(false);
  });

  it('gives every field of the draft to exactly one step', () => {
    const fields = draftFields(filledDraft());
    expect(fields).toHaveLength(16);
    for (const field of fields) {
      const owners = definitions.filter((step) =>
        [...step.fields, ...(step.notes ?? [])].includes(field),
      );
      expect(
        owners.map((step) => step.id),
        field,
      ).toHaveLength(1);
    }
    // And no step names a field the draft does not have.
    for (const step of definitions) {
      for (const field of [...step.fields, ...(step.notes ?? [])]) expect(fields).toContain(field);
    }
  });

  it('links every field of the answers to the step that asks it', () => {
    const paths: (string | number)[][] = [
      ...Object.keys(DeploymentSchema.shape).map((key) => ['deployment', key]),
      ...Object.keys(ProxySchema.shape).map((key) => ['proxy', key]),
      ['excludedDomains', 0],
      ['warehouses', 0],
      ['services', 0],
    ];
    expect(Object.keys(AnswersSchema.shape).sort()).toEqual(
      ['deployment', 'excludedDomains', 'proxy', 'services', 'warehouses'].sort(),
    );
    for (const path of paths) {
      const field = (typeof path[1] === 'number' ? path[0] : path.join('.')) as DraftField;
      const asking = definitions.filter((step) => step.fields.includes(field));
      expect(
        asking.map((step) => step.id),
        path.join('.'),
      ).toEqual([stepForPath(path)]);
    }
  });

  it('links issues about a whole part to the step that owns it, and anything else to Review', () => {
    expect(stepForPath(['deployment'])).toBe('deployment');
    expect(stepForPath(['proxy'])).toBe('proxy');
    expect(stepForPath(['excludedDomains'])).toBe('excluded-domains');
    expect(stepForPath(['deployment', 'usePubSubRestApi'])).toBe('tls');
    expect(stepForPath(['deployment', 'clusterDomain'])).toBe('excluded-domains');
    expect(stepForPath(['proxy', 'customCa'])).toBe('tls');
    expect(stepForPath(['excludedDomains', 3])).toBe('excluded-domains');
    expect(stepForPath([])).toBe('review');
    expect(stepForPath(['somethingElse', 'x'])).toBe('review');
  });

  it('asks TLS questions only for an HTTPS proxy', () => {
    const draft = emptyDraft();
    expect(stepApplies('tls', draft)).toBe(false);
    draft.proxy.protocol = 'http';
    expect(applicableSteps(draft)).not.toContain('tls');
    draft.proxy.protocol = 'https';
    expect(applicableSteps(draft)).toEqual(STEP_IDS);
  });

  it('has a check for every step', () => {
    expect(Object.keys(STEP_CHECKS).sort()).toEqual([...STEP_IDS].sort());
  });
});

describe('step values', () => {
  it.each(STEP_IDS)('%s: draft → form → draft gives the same draft', (step) => {
    for (const draft of [emptyDraft(), filledDraft()]) {
      expect(withStepValues(step, draft, stepValuesOf(step, draft))).toEqual(draft);
    }
  });

  it.each(STEP_IDS)('%s: the form holds exactly the fields the step asks', (step) => {
    const from = filledDraft();
    const into = emptyDraft();
    const written = withStepValues(step, into, stepValuesOf(step, from));
    const asked: readonly DraftField[] = STEPS[step].fields;
    for (const field of draftFields(from)) {
      expect(valueAt(written, field), field).toEqual(
        valueAt(asked.includes(field) ? from : into, field),
      );
    }
  });

  it('keeps excluded domains as { value } rows, blank rows included', () => {
    const values: StepValues['excluded-domains'] = stepValuesOf('excluded-domains', filledDraft());
    expect(values.excludedDomains).toEqual([{ value: '' }, { value: '.corp.example' }]);
    expect(values.deployment).toEqual({
      gkeWorkloadIdentity: true,
      clusterDomain: 'cluster.example',
      kubernetesServiceIp: '10.0.0.1',
    });
  });

  it('never lets a form share a list with the draft', () => {
    const draft = filledDraft();
    const values = stepValuesOf('warehouses', draft);
    expect(values.warehouses).not.toBe(draft.warehouses);
    expect(withStepValues('warehouses', draft, values).warehouses).not.toBe(values.warehouses);
  });
});
