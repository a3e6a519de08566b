import { encodeFragment, type WizardLocation } from './fragment.ts';

/** This page's address with the answers in the fragment (everything but the custom CA). */
export function shareLink(state: WizardLocation): string {
  // Not origin + pathname: a file:// page's origin is "null" (the single-file wizard, issue 19).
  const page = new URL(window.location.href);
  page.search = '';
  page.hash = '';
  return `${page.href}${encodeFragment(state)}`;
}
