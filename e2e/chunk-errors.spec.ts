/**
 * A step's code that cannot be loaded (the server restarted with a new build, the link dropped) takes
 * the step, never the answers: the step's error boundary says so, and a reload continues where the
 * visitor was: a lazy chunk's rejection is caught by the step's class error boundary.
 */
import { expect, test } from './support/fixtures.ts';

test('a step whose code cannot be loaded says so, keeps the answers and recovers on Reload', async ({
  page,
  pageGuard,
  wizard,
}) => {
  let fail = true;
  await page.route('**/assets/proxy-step-*.js', (route) =>
    fail ? route.abort() : route.continue(),
  );
  await page.goto('/#v=1&step=proxy&method=docker-compose&host=squid');

  const alert = page.getByRole('alert').filter({ hasText: 'This step could not be loaded' });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText('Your answers are saved in this browser');
  expect(page.url()).toContain('host=squid');

  fail = false;
  await alert.getByRole('button', { name: 'Reload' }).click();
  await wizard.expectStep('proxy');
  await expect(wizard.main.getByLabel('Host')).toHaveValue('squid');

  // The aborted request and the failed dynamic import were logged; those were expected.
  expect(pageGuard.errors.length).toBeGreaterThan(0);
  expect(
    pageGuard.errors.every((e) => /proxy-step|dynamically imported module|ERR_FAILED/i.test(e)),
  ).toBe(true);
  pageGuard.errors.length = 0;
});
