/** The Data warehouses step's check (see wizard/validation/step-check.ts). */
import { PLACEHOLDER, type StepCheck } from '../../wizard/validation/step-check.ts';

export const warehousesCheck: StepCheck = {
  candidate: (input) => ({ ...PLACEHOLDER, warehouses: input.warehouses }),
};
