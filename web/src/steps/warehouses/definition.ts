/** The Data warehouses step. */
import { defineStep } from '../../wizard/registry/step-definition.ts';

export const warehousesStep = defineStep({
  id: 'warehouses',
  label: 'Data warehouses',
  title: 'Which data warehouses?',
  fields: ['warehouses'],
});
