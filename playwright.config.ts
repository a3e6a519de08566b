/**
 * End-to-end tests: the built app served by the real server, driven in Debian's Chromium.
 * CHROMIUM_PATH overrides the browser; E2E_PORT the port (4173, so a running `npm start` on 8080 is
 * never mistaken for the app under test).
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium.ts';

const HOST = '127.0.0.1';
const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://${HOST}:${PORT}`;

export default defineConfig({
  testDir: './e2e',
  // Screenshots for people to look at are not tests: only `npm run screenshots` takes them.
  testIgnore: process.env.SCREENSHOTS_DIR ? [] : ['**/screenshots.spec.ts'],
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    acceptDownloads: true,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    command: 'npm run build && npm run serve',
    url: `${baseURL}/api/health`,
    env: { PORT: String(PORT), HOST, LOG_LEVEL: 'warn' },
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
