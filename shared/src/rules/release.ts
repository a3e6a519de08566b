/** Which release the outputs are written for, and the release-dependent choices (PRODUCT.md §2, step 1). */
import type { Answers } from '../answers.ts';
import { LATEST_RELEASE, RELEASE_RULES } from '../catalog.ts';
import { isAtLeast } from '../release.ts';

/** The release the user gave, or the newest one the catalog knows. */
export function effectiveRelease(answers: Answers): string {
  return answers.deployment.release ?? LATEST_RELEASE;
}

/** Whether this release has `trustedCACerts.value` (Helm) and the Admin Console "Trusted CA certificate(s)" field. */
export function hasTrustedCaCerts(answers: Answers): boolean {
  return isAtLeast(effectiveRelease(answers), RELEASE_RULES.trustedCaCertsSince);
}

/** The custom CA, when one applies (HTTPS proxy with a non-empty CA). */
export function customCaOf(answers: Answers): string | undefined {
  const ca = answers.proxy.customCa;
  return answers.proxy.protocol === 'https' && ca !== undefined && ca.trim() !== ''
    ? ca
    : undefined;
}
