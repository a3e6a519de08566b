/**
 * The first question is in index.html (prerendered at build time, issue 16): it can be read and
 * answered before the JavaScript arrives, and nothing done then is lost when React takes the page
 * over. The JavaScript is held back with page.route until the test has acted.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';

/** Holds the entry script until release() is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/index-*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Whether React has taken the page over (the early script hands submits to it then). */
const hydrated = (page: Page) =>
  page.evaluate(() => (window as { __wizardEarly?: { done: boolean } }).__wizardEarly?.done);

test('a choice and a Next made before the JavaScript arrives survive hydration and count', async ({
  page,
  wizard,
}) => {
  const release = await holdScripts(page);
  await page.goto('/', { waitUntil: 'commit' });
  const helm = wizard.main.getByLabel('Kubernetes with Helm');
  await helm.check();
  await wizard.next();
  // Held, not sent as a GET of the page: the address and the choice stay.
  expect(await hydrated(page)).toBe(false);
  await expect(helm).toBeChecked();
  expect(new URL(page.url()).search).toBe('');

  release();
  await wizard.expectStep('proxy');
  expect(page.url()).toContain('method=helm');
  await page.goBack();
  await wizard.expectStep('deployment');
  await expect(helm).toBeChecked();
  // The Kubernetes question shows for the choice: the form, not only the radio, has it.
  await expect(
    wizard.main.getByLabel('The cluster’s nodes pull CARTO’s images through this proxy'),
  ).toBeVisible();
});

test('a release typed before the JavaScript arrives is kept, without a Next', async ({
  page,
  wizard,
}) => {
  const release = await holdScripts(page);
  await page.goto('/', { waitUntil: 'commit' });
  await wizard.main.getByLabel('Docker Compose (legacy single VM)', { exact: true }).check();
  await wizard.main.getByLabel('CARTO Self-hosted release').fill('2025.10.1');
  release();
  await expect.poll(() => hydrated(page)).toBe(true);
  await expect(wizard.main.getByLabel('CARTO Self-hosted release')).toHaveValue('2025.10.1');
  await expect.poll(() => page.url()).toContain('release=2025.10.1');
  await page.reload();
  await wizard.expectStep('deployment');
  await expect(wizard.main.getByLabel('CARTO Self-hosted release')).toHaveValue('2025.10.1');
  await expect(
    wizard.main.getByLabel('Docker Compose (legacy single VM)', { exact: true }),
  ).toBeChecked();
});

test('a returning visitor never sees the prerendered first step, only where they were', async ({
  page,
  wizard,
}) => {
  await wizard.open();
  await wizard.deployment({ method: 'helm' });
  await wizard.expectStep('proxy');
  await wizard.main.getByLabel('Host').fill('squid');

  const release = await holdScripts(page);
  await page.reload({ waitUntil: 'commit' });
  await expect(page.locator('html')).toHaveAttribute('data-resume', '');
  await expect(page.getByRole('heading', { name: 'How is CARTO deployed?' })).toBeHidden();
  release();
  await wizard.expectStep('proxy');
  await expect(wizard.main.getByLabel('Host')).toHaveValue('squid');
  await expect(page.locator('html')).not.toHaveAttribute('data-resume');
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the first question, its help and links are readable, and the page says JavaScript is off', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'How is CARTO deployed?' })).toBeVisible();
    await expect(page.getByText('The method decides which file you get')).toBeVisible();
    const methods = page.getByRole('group', { name: 'Deployment method' });
    await expect(methods.getByRole('radio')).toHaveCount(4);
    await expect(methods.getByText('Kubernetes with Helm')).toBeVisible();
    await expect(methods.getByRole('link', { name: /Guide/ }).first()).toHaveAttribute(
      'href',
      /^https:\/\/docs\.carto\.com\//,
    );
    // Chromium parses <noscript> as text when Playwright turns scripts off (the parser still runs
    // with scripting on), so the message and the rule hiding the buttons are checked in the page
    // as sent.
    const html = await (await request.get('/', { headers: { accept: 'text/html' } })).text();
    const noscript = [...html.matchAll(/<noscript>([\s\S]*?)<\/noscript>/g)].map((m) => m[1]);
    expect(noscript.join(' ')).toMatch(/JavaScript is off in this browser/);
    expect(noscript.join(' ')).toMatch(/\.step__nav/);
  });
});
