/** The Optional services step. */
import { defineStep } from '../../wizard/registry/step-definition.ts';

export const servicesStep = defineStep({
  id: 'services',
  label: 'Optional services',
  title: 'Which optional services?',
  fields: ['services'],
});
