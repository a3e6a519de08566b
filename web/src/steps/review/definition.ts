/** The Review step: asks nothing of its own; what no other step owns is shown here. */
import { defineStep } from '../../wizard/registry/step-definition.ts';

export const reviewStep = defineStep({
  id: 'review',
  label: 'Review and download',
  title: 'Review and download',
  fields: [],
});
