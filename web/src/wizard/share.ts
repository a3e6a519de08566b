import { encodeFragment, type WizardLocation } from './fragment.ts';

/** This page's address with the answers in the fragment (everything but the custom CA). */
export function shareLink(state: WizardLocation): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}${encodeFragment(state)}`;
}
