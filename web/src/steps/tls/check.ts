/** The TLS step's check (see wizard/validation/step-check.ts). */
import { PLACEHOLDER, type StepCheck } from '../../wizard/validation/step-check.ts';

export const tlsCheck: StepCheck = {
  candidate: (_input, draft) => ({
    ...PLACEHOLDER,
    proxy: {
      ...PLACEHOLDER.proxy,
      protocol: 'https',
      verifyCertificate: draft.proxy.verifyCertificate,
      ...(draft.proxy.customCa.trim() !== '' && { customCa: draft.proxy.customCa }),
    },
  }),
};
