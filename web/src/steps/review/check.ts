/** The Review step's check: the whole document; no error is its own (each belongs to the step that asks it). */
import type { StepCheck } from '../../wizard/validation/step-check.ts';

export const reviewCheck: StepCheck = {
  candidate: (input) => input,
};
