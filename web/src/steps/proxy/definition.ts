/** The Proxy step: which proxy traffic goes through. */
import { defineStep } from '../../wizard/registry/step-definition.ts';

export const proxyStep = defineStep({
  id: 'proxy',
  label: 'Proxy',
  title: 'Which proxy does traffic go through?',
  fields: ['proxy.protocol', 'proxy.host', 'proxy.port'],
  parts: ['proxy'],
});
