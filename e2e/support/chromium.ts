/**
 * How every browser run here starts Debian's Chromium (the e2e suite and the preview-latency bench):
 * the system binary (Playwright cannot download one here), headless as root, and without the
 * background networking that would call Google services the sandboxed network refuses.
 */
import type { LaunchOptions } from '@playwright/test';

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
