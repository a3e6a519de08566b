/** The Optional services step's check (see wizard/validation/step-check.ts). */
import { PLACEHOLDER, type StepCheck } from '../../wizard/validation/step-check.ts';

export const servicesCheck: StepCheck = {
  candidate: (input) => ({ ...PLACEHOLDER, services: input.services }),
};
