/** The Deployment step: how CARTO is deployed (method, release, image pulls). */
import { defineStep } from '../../wizard/registry/step-definition.ts';

export const deploymentStep = defineStep({
  id: 'deployment',
  label: 'Deployment',
  title: 'How is CARTO deployed?',
  fields: ['deployment.method', 'deployment.release', 'deployment.imagePullsThroughProxy'],
  // A rule on the whole deployment (Single VM before 2025.7.16) is about the release.
  parts: ['deployment'],
});
