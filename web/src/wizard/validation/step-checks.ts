/**
 * Each step's check, by step (the registry's order is in registry/steps.ts). Kept apart from the
 * definitions so that the checks, and the release rules they read, load with the schema when Next
 * first needs them, not with the first paint (docs/decisions/011-step-registry.md).
 */
import { deploymentCheck } from '../../steps/deployment/check.ts';
import { excludedDomainsCheck } from '../../steps/excluded-domains/check.ts';
import { proxyCheck } from '../../steps/proxy/check.ts';
import { reviewCheck } from '../../steps/review/check.ts';
import { servicesCheck } from '../../steps/services/check.ts';
import { tlsCheck } from '../../steps/tls/check.ts';
import { warehousesCheck } from '../../steps/warehouses/check.ts';
import type { StepId } from '../registry/steps.ts';
import type { StepCheck } from './step-check.ts';

export const STEP_CHECKS: Readonly<Record<StepId, StepCheck>> = {
  deployment: deploymentCheck,
  proxy: proxyCheck,
  tls: tlsCheck,
  'excluded-domains': excludedDomainsCheck,
  warehouses: warehousesCheck,
  services: servicesCheck,
  review: reviewCheck,
};
