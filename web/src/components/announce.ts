/**
 * Polite announcements for screen readers ("Copied", "Filled protocol, host and port"): one visually
 * hidden live region, rendered once by the app shell.
 */
export const ANNOUNCER_ID = 'announcer';

export function announce(message: string): void {
  const region = document.getElementById(ANNOUNCER_ID);
  if (!region) return;
  // Clearing first makes the same message be announced again.
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}
