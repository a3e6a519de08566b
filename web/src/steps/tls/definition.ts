/** The TLS step: how CARTO trusts an HTTPS proxy, and Pub/Sub over HTTPS (asked with the other HTTPS questions). */
import { defineStep } from '../../wizard/registry/step-definition.ts';

export const tlsStep = defineStep({
  id: 'tls',
  label: 'TLS to the proxy',
  title: 'How does CARTO trust the HTTPS proxy?',
  fields: ['proxy.verifyCertificate', 'proxy.customCa', 'deployment.usePubSubRestApi'],
  // A share link says its sender used a custom CA: this step asks for it until one is pasted.
  notes: ['proxy.customCaExpected'],
  // TLS questions exist only for an HTTPS proxy.
  applies: (draft) => draft.proxy.protocol === 'https',
});
