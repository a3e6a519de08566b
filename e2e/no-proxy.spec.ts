/**
 * NO_PROXY intelligence (issue 4): a bare domain is flagged with the clients that read it differently,
 * the one-click fix adds the leading-dot form, and the "would this URL go through the proxy?" tester
 * answers exactly as the API (and the shared simulator behind both) does.
 */
import AxeBuilder from '@axe-core/playwright';
import { CLIENTS } from '@wizard/shared';
import { expect, test } from './support/fixtures.ts';

test('a bare domain is flagged, fixed in one click, and the tester agrees with the API', async ({
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'helm' });
  await wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await wizard.expectStep('excluded-domains');

  await wizard.addExcludedDomain('example.com');
  const entry = wizard.main.getByLabel('Excluded domain 1', { exact: true });
  await expect(entry).toHaveValue('example.com');
  await expect(
    wizard.main.getByText('Some clients match example.com exactly, not its subdomains'),
  ).toBeVisible();

  await wizard.main.getByRole('button', { name: 'Use example.com and .example.com' }).click();
  await expect(wizard.main.getByLabel('Excluded domain 1', { exact: true })).toHaveValue(
    'example.com',
  );
  await expect(wizard.main.getByLabel('Excluded domain 2', { exact: true })).toHaveValue(
    '.example.com',
  );
  // The fix answered the finding: it is gone from both entries.
  await expect(wizard.main.getByText('match example.com exactly')).toHaveCount(0);
  await expect(wizard.main.getByText('does not cover example.com itself')).toHaveCount(0);

  const tester = wizard.main.getByRole('region', { name: 'Would this URL go through the proxy?' });
  await tester.getByLabel('URL or host to test').fill('https://api.example.com');
  await expect(tester.getByRole('status')).toHaveText('Every client connects directly.');
  // Each client's route is behind "Why?" (issue 21, item 7).
  await tester.getByText('Why? Each client’s route').click();
  const shown: Record<string, string> = {};
  for (const row of await tester.getByRole('row').all()) {
    const cells = await row.getByRole('cell').allTextContents();
    const header = await row.getByRole('rowheader').allTextContents();
    if (header[0] !== undefined && cells[0] !== undefined) shown[header[0]] = cells[0];
  }
  expect(Object.keys(shown)).toHaveLength(7);

  // The API answers the same for the same list (the required entries first, then the user's).
  const response = await page.request.post('/api/no-proxy/check', {
    data: {
      noProxy: ['localhost', '.svc.cluster.local', 'example.com', '.example.com'],
      urls: ['https://api.example.com', 'https://example.com'],
    },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    urls: { url: string; clients: Record<string, 'direct' | 'proxy'> }[];
  };
  const fromApi: Record<string, string> = {};
  for (const client of CLIENTS) {
    fromApi[client.label] =
      body.urls[0]?.clients[client.id] === 'direct' ? 'Direct' : 'Through the proxy';
  }
  expect(shown).toEqual(fromApi);

  // The apex too: with both forms listed, every client connects to it directly.
  await tester.getByLabel('URL or host to test').fill('https://example.com');
  await expect(tester.getByRole('status')).toHaveText('Every client connects directly.');
  expect(Object.values(body.urls[1]?.clients ?? {}).every((route) => route === 'direct')).toBe(
    true,
  );

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('the tester shows where clients disagree', async ({ wizard }) => {
  await wizard.open();
  await wizard.deployment({ method: 'docker-compose' });
  await wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await wizard.expectStep('excluded-domains');
  await wizard.addExcludedDomain('.corp.example');
  const tester = wizard.main.getByRole('region', { name: 'Would this URL go through the proxy?' });
  await tester.getByLabel('URL or host to test').fill('corp.example');
  // Go, axios, Node fetch and gRPC do not exclude the apex with a leading-dot entry.
  await expect(tester.getByRole('status')).toHaveText(
    'Clients disagree: 3 of 7 connect directly, the others use the proxy.',
  );
  await tester.getByText('Why? Each client’s route').click();
  await expect(tester.getByRole('row', { name: /^curl / })).toContainText('Direct');
  await expect(tester.getByRole('row', { name: /^Go / })).toContainText('Through the proxy');
});
