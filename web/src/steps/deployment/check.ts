/** The Deployment step's check (see wizard/validation/step-check.ts). */
import type { FieldError } from 'react-hook-form';
import { methodFacts } from '@wizard/shared/method-facts';
import {
  errorsAt,
  KOTS_SERVICE_IP,
  PLACEHOLDER,
  valuesAt,
  type ErrorTree,
  type StepCheck,
} from '../../wizard/validation/step-check.ts';
import { deploymentStep } from './definition.ts';

export const deploymentCheck: StepCheck = {
  // Step 1 alone: the cluster's facts are asked on Excluded domains; Kots's required one stood in for.
  candidate: (input, draft) => {
    const deployment = valuesAt(input.deployment, 'deployment', deploymentStep.fields);
    const { method } = draft.deployment;
    const serviceIp = method !== '' && methodFacts(method, undefined).options.kubernetesServiceIp;
    return {
      ...PLACEHOLDER,
      deployment: serviceIp ? { ...deployment, ...KOTS_SERVICE_IP } : deployment,
    };
  },
  ownErrors: (errors) => {
    const deployment = errors.deployment as (ErrorTree & Partial<FieldError>) | undefined;
    if (!deployment) return {};
    const { message, type, ref: _ref, ...fields } = deployment;
    void _ref;
    // A rule on the whole deployment (Single VM before 2025.7.16) is about the release.
    if (message && !fields.release) fields.release = { type: type ?? 'custom', message };
    return errorsAt({ deployment: fields }, deploymentStep.fields);
  },
};
