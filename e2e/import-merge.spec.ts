/**
 * "Start from an existing file" and the merged download (issue 5): a customer.env or Helm values fill
 * the answers, the Review step gives the file back with only the proxy part changed, and the file
 * (which holds secrets) never leaves the browser: not in a request, the URL or any storage.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parse as parseEnv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { NO_PROXY_RULES } from '@wizard/shared';
import { expect, test } from './support/fixtures.ts';
import { METHOD_LABELS, paste, type Wizard } from './support/wizard.ts';

/** The merged NO_PROXY: localhost, CARTO's compose services (§V.4), then the user's own entry. */
const COMPOSE_NO_PROXY = [
  'localhost',
  ...NO_PROXY_RULES.composeServices.entries,
  '.corp.example',
].join(',');

/** A value that exists only in the imported file: seeing it anywhere else is a leak. */
const MARKER = 'marker-7f3a9c-secret';

const CUSTOMER_ENV = [
  '# CARTO Self-hosted customer.env',
  '# Licence and database settings: do not share.',
  'SELFHOSTED_DOMAIN=carto.corp.example',
  `DB_PASSWORD=${MARKER}`,
  'LICENSE_KEY="abc#def"   # the # inside quotes is part of the value',
  '',
  '# Proxy (added by hand last year)',
  'HTTP_PROXY=http://old-proxy.corp.example:8080',
  'http_proxy="http://old-proxy.corp.example:8080"',
  'export HTTPS_PROXY=http://old-proxy.corp.example:8080',
  'NO_PROXY=localhost,.corp.example',
  'no_proxy=localhost,.corp.example',
  'NODE_EXTRA_CA_CERTS=/usr/src/certs/ca.crt',
  'WORKSPACE_TIMEOUT=30',
  '',
].join('\n');

const CUSTOMIZATIONS_YAML = [
  '# CARTO Self-hosted customizations for the corp cluster',
  'appConfigValues:',
  '  selfHostedDomain: &domain "carto.corp.example"   # our domain',
  '',
  '# Proxy section, first try',
  'externalProxy:',
  '  enabled: true',
  '  host: old-proxy.corp.example   # old proxy',
  '  port: 3129',
  '  type: https',
  '  sslRejectUnauthorized: false',
  '  excludedDomains: ["localhost", ".svc.cluster.local", ".corp.example"]',
  '',
  'externalPostgresql:',
  '  host: db.corp.example',
  `  password: "${MARKER}"`,
  '',
].join('\n');

/** Every request the page makes: address and body, where a leak would show. */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    seen.push(`${request.method()} ${request.url()}\n${request.postData() ?? ''}`);
  });
  return seen;
}

/** localStorage, sessionStorage and the address, as one text to search. */
async function browserState(page: Page): Promise<string> {
  const storages = await page.evaluate(() => {
    const dump = (storage: Storage) =>
      Object.fromEntries(
        Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').map((key) => [
          key,
          storage.getItem(key),
        ]),
      );
    return JSON.stringify({ local: dump(localStorage), session: dump(sessionStorage) });
  });
  return `${page.url()}\n${decodeURIComponent(page.url())}\n${storages}`;
}

async function expectNoLeak(page: Page, requests: string[], when: string): Promise<void> {
  for (const request of requests) {
    expect(request, `a request ${when}`).not.toContain(MARKER);
  }
  expect(await browserState(page), `the address or storage ${when}`).not.toContain(MARKER);
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

/** The merged file's section on the Review step. */
const mergedSection = (wizard: Wizard, name: string) =>
  wizard.main.getByRole('region', { name: `Your ${name}, updated` });

test('an imported customer.env never leaves the browser, and comes back merged', async ({
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  const requests = recordRequests(page);
  await wizard.open();
  await wizard.importFile('customer.env', CUSTOMER_ENV);

  // The report: what was read into which answer, what disagrees, what was left out.
  const report = wizard.main.getByRole('region', { name: 'Started from customer.env' });
  await expect(
    report.getByRole('row', { name: /HTTP_PROXY Proxy http:\/\/old-proxy/ }),
  ).toBeVisible();
  await expect(
    report.getByRole('row', { name: /NO_PROXY Excluded domains \.corp\.example/ }),
  ).toBeVisible();
  await expect(report.getByRole('heading', { name: /Worth checking/ })).toBeVisible();
  await expect(report.getByText(/GRPC_PROXY is missing/)).toBeVisible();
  // An http:// proxy: no TLS step to send anyone to, and the line is kept, as the merge does (issue 21).
  await expect(
    report.getByText(
      /NODE_EXTRA_CA_CERTS.*needs no CA\. The updated file keeps this line as it is/,
    ),
  ).toBeVisible();
  await expect(report).not.toContainText('TLS');
  await expect(report.getByText('4 other settings left untouched', { exact: false })).toBeVisible();
  await expect(report).not.toContainText(MARKER);
  await expect(wizard.main.getByLabel(METHOD_LABELS['docker-compose'])).toBeChecked();

  // The answers came from the file; a new proxy is typed over the old one.
  await wizard.next();
  await wizard.expectStep('proxy');
  await expect(wizard.main.getByLabel('HTTP', { exact: true })).toBeChecked();
  await expect(wizard.main.getByLabel('Host')).toHaveValue('old-proxy.corp.example');
  await expect(wizard.main.getByLabel('Port')).toHaveValue('8080');
  await wizard.main.getByLabel('Host').fill('proxy.corp.example');
  await wizard.main.getByLabel('Port').fill('3128');
  await wizard.next();
  await wizard.expectStep('excluded-domains');
  // localhost is the rules' own entry: recognised, not repeated among the user's.
  await expect(wizard.main.getByRole('textbox', { name: /Excluded domain 1/ })).toHaveValue(
    '.corp.example',
  );
  await expect(wizard.main.getByRole('textbox', { name: /Excluded domain 2/ })).toHaveCount(0);
  await wizard.nextUntilReview();

  // Review: the user's own file, updated in this browser, with the lines that change.
  const merged = mergedSection(wizard, 'customer.env');
  await expect(merged).toBeVisible();
  const diff = merged.getByRole('list', { name: /What changes/ });
  await expect(
    diff
      .getByRole('listitem')
      .filter({ hasText: 'Removed: HTTP_PROXY=http://old-proxy.corp.example:8080' }),
  ).toHaveCount(1);
  await expect(
    diff
      .getByRole('listitem')
      .filter({ hasText: 'Added: HTTP_PROXY=http://proxy.corp.example:3128' }),
  ).toHaveCount(1);
  await expect(diff.getByRole('listitem').filter({ hasText: 'NODE_EXTRA_CA_CERTS' })).toHaveCount(
    0,
  );
  await expect(diff).not.toContainText('DB_PASSWORD');
  // The whole file is on the page (so this test would see the secret if it went anywhere).
  await merged.getByText('Show the whole updated file').click();
  await expect(merged.getByLabel('customer.env, updated', { exact: true })).toContainText(
    `DB_PASSWORD=${MARKER}`,
  );

  const { name, bytes } = await wizard.download(
    merged.getByRole('button', { name: 'Download customer.env' }),
  );
  expect(name).toBe('customer.env');
  const text = bytes.toString('utf8');
  const env = parseEnv(text);
  const proxy = 'http://proxy.corp.example:3128';
  expect(env).toMatchObject({
    HTTP_PROXY: proxy,
    http_proxy: proxy,
    HTTPS_PROXY: proxy,
    https_proxy: proxy,
    GRPC_PROXY: proxy,
    grpc_proxy: proxy,
    NO_PROXY: COMPOSE_NO_PROXY,
    no_proxy: COMPOSE_NO_PROXY,
    DB_PASSWORD: MARKER,
    LICENSE_KEY: 'abc#def',
    SELFHOSTED_DOMAIN: 'carto.corp.example',
    WORKSPACE_TIMEOUT: '30',
  });
  expect(env.NODE_EXTRA_CA_CERTS).toBe('/usr/src/certs/ca.crt');
  // Everything that is not a proxy setting is byte for byte as it was, in the same order.
  const kept = (file: string) =>
    file.split('\n').filter((line) => !/^(export )?(https?|grpc|no)_proxy=|^NODE_/i.test(line));
  expect(kept(text).slice(0, kept(CUSTOMER_ENV).length - 1)).toEqual(
    kept(CUSTOMER_ENV).slice(0, -1),
  );
  expect(text).toContain('export HTTPS_PROXY=http://proxy.corp.example:3128\n');
  expect(text).toContain(`http_proxy="${proxy}"\n`);

  // The zip comes from the server with only the answers sent; the browser adds the updated file, and
  // the steps replace the file after a backup instead of also appending the lines (issue 21, item 2).
  const zip = await wizard.downloadAll();
  expect(zip.files.get('customer.env.proxy')).toContain(`HTTP_PROXY=${proxy}`);
  expect(zip.files.get('customer.env')).toBe(text);
  const readme = zip.files.get('README.md') ?? '';
  expect(readme).toContain(
    'cp customer.env customer.env.bak\n   cp carto-proxy-config/customer.env',
  );
  expect(readme).not.toContain('cat customer.env.proxy >> customer.env');
  const steps = wizard.main.getByRole('region', { name: 'Next steps' });
  await expect(steps).toContainText('back up your customer.env, then replace it');
  await expect(steps).not.toContainText('append the new ones');
  await expectNoLeak(page, requests, 'after import, preview and downloads');

  // A reload forgets the file and keeps the answers; the page says how to get the merge back.
  await page.reload();
  await wizard.expectStep('review');
  const reopen = wizard.main.getByRole('region', { name: 'Update your own customer.env' });
  await expect(reopen).toContainText('re-open the file to download it merged');
  await expect(reopen.getByLabel('Open your customer.env…')).toBeAttached();
  await expect(wizard.main.getByRole('region', { name: 'Proxy', exact: true })).toContainText(
    'http://proxy.corp.example:3128',
  );
  await expect(page.locator('body')).not.toContainText(MARKER);
  await expectNoLeak(page, requests, 'after a reload');

  // Re-opened on the Review step: merged again, the answers untouched.
  await reopen.getByLabel('Open your customer.env…').setInputFiles({
    name: 'customer.env',
    mimeType: 'text/plain',
    buffer: Buffer.from(CUSTOMER_ENV),
  });
  await expect(
    wizard.main.getByRole('heading', { name: 'Your customer.env, updated' }),
  ).toBeFocused();
  await expect(wizard.main.getByRole('region', { name: 'Proxy', exact: true })).toContainText(
    'http://proxy.corp.example:3128',
  );
  await expectNoLeak(page, requests, 'after re-opening the file');
});

test('Helm values fill the Helm answers, and the YAML comes back merged with the rest intact', async ({
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  const requests = recordRequests(page);
  await wizard.open();
  await wizard.importFile('customizations.yaml', CUSTOMIZATIONS_YAML);
  const report = wizard.main.getByRole('region', { name: 'Started from customizations.yaml' });
  await expect(
    report.getByRole('row', { name: /externalProxy\.type Proxy protocol https/ }),
  ).toBeVisible();
  await expect(
    report.getByRole('row', { name: /externalProxy\.port Proxy port 3129/ }),
  ).toBeVisible();
  await expect(report.getByText('2 other settings left untouched', { exact: false })).toBeVisible();
  await expect(wizard.main.getByLabel(METHOD_LABELS.helm)).toBeChecked();

  await wizard.next();
  await wizard.expectStep('proxy');
  await expect(wizard.main.getByLabel('HTTPS', { exact: true })).toBeChecked();
  await expect(wizard.main.getByLabel('Host')).toHaveValue('old-proxy.corp.example');
  await expect(wizard.main.getByLabel('Port')).toHaveValue('3129');
  await wizard.main.getByLabel('Host').fill('proxy.corp.example');
  await wizard.next();
  await wizard.expectStep('tls');
  await expect(wizard.main.getByLabel('Verify the proxy’s certificate')).not.toBeChecked();
  await wizard.main.getByLabel('Verify the proxy’s certificate').check();
  await wizard.nextUntilReview();

  const merged = mergedSection(wizard, 'customizations.yaml');
  const diff = merged.getByRole('list', { name: /What changes/ });
  await expect(
    diff.getByRole('listitem').filter({ hasText: 'Removed: host: old-proxy.corp.example' }),
  ).toHaveCount(1);
  await expect(
    diff.getByRole('listitem').filter({ hasText: 'Added: host: "proxy.corp.example"' }),
  ).toHaveCount(1);
  await expect(
    diff.getByRole('listitem').filter({ hasText: 'Removed: sslRejectUnauthorized: false' }),
  ).toHaveCount(1);

  const { bytes } = await wizard.download(
    merged.getByRole('button', { name: 'Download customizations.yaml' }),
  );
  const text = bytes.toString('utf8');
  const values = parseYaml(text) as Record<string, Record<string, unknown>>;
  expect(values.externalProxy).toMatchObject({
    enabled: true,
    host: 'proxy.corp.example',
    port: 3129,
    type: 'https',
    excludedDomains: ['localhost', '.svc.cluster.local', '.corp.example'],
  });
  expect(values.externalProxy?.sslRejectUnauthorized).toBe(true);
  expect(values.externalPostgresql).toEqual({ host: 'db.corp.example', password: MARKER });
  // Comments and anchors outside the proxy section are kept as they were.
  expect(
    text.startsWith(CUSTOMIZATIONS_YAML.slice(0, CUSTOMIZATIONS_YAML.indexOf('# Proxy'))),
  ).toBe(true);
  expect(text).toContain(`externalPostgresql:\n  host: db.corp.example\n  password: "${MARKER}"\n`);
  await expectNoLeak(page, requests, 'after a YAML import and merge');
});

test('pasted text (refused, then read), undo, a dropped file, and a method it cannot merge for', async ({
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  // Earlier answers: Kots with its ClusterIP (asked on Excluded domains, so given by a link here).
  await wizard.open('#v=1&step=deployment&method=kots&clusterIp=10.96.0.1');
  await wizard.expectStep('deployment');

  await wizard.main.getByRole('button', { name: 'Paste the text instead' }).click();
  const area = wizard.main.getByLabel('Text of your customer.env or customizations.yaml');
  await expect(area).toBeFocused();
  await paste(area, 'just some notes\nnothing to import here\n');
  await wizard.main.getByRole('button', { name: 'Read the pasted text' }).click();
  await expect(wizard.main.getByRole('alert')).toContainText('Nothing was imported');
  await expect(wizard.main.getByLabel(METHOD_LABELS.kots)).toBeChecked();

  await area.fill(CUSTOMER_ENV);
  await wizard.main.getByRole('button', { name: 'Read the pasted text' }).click();
  // Pasted text gets the usual name for its kind (and for its download).
  await expect(
    wizard.main.getByRole('heading', { name: 'Started from customer.env' }),
  ).toBeFocused();
  await expect(wizard.main.getByLabel(METHOD_LABELS['docker-compose'])).toBeChecked();

  // Undo: the earlier answers are back, the file is forgotten.
  await wizard.main.getByRole('button', { name: 'Undo the import' }).click();
  await expect(
    wizard.main.getByRole('heading', { name: /Start from an existing file/ }),
  ).toBeFocused();
  await expect(wizard.main.getByLabel(METHOD_LABELS.kots)).toBeChecked();
  // The ClusterIP (asked on Excluded domains) is back too: it is in the share link again.
  await expect.poll(() => wizard.page.url()).toContain('clusterIp=10.96.0.1');

  // Dropped on the area, as from a file manager.
  const dataTransfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'customer.env', { type: 'text/plain' }));
    return data;
  }, CUSTOMER_ENV);
  const dropArea = wizard.main.locator('.file-drop');
  await dropArea.dispatchEvent('dragover', { dataTransfer });
  await dropArea.dispatchEvent('drop', { dataTransfer });
  await expect(
    wizard.main.getByRole('heading', { name: 'Started from customer.env' }),
  ).toBeFocused();

  // A customer.env while Helm is chosen: explained, not merged.
  await wizard.main.getByLabel(METHOD_LABELS.helm).check();
  await wizard.nextUntilReview();
  const section = wizard.main.getByRole('region', { name: 'Your customer.env' });
  await expect(section).toContainText(
    'it can be updated for Docker Compose only, and you chose Kubernetes with Helm',
  );
  await expect(section.getByLabel('Open your customizations.yaml…')).toBeAttached();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the import report and the merged file have no axe violations (${colorScheme})`, async ({
    page,
    wizard,
  }) => {
    // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
    test.slow();
    await page.emulateMedia({ colorScheme });
    await wizard.open();
    await expectNoViolations(page, 'deployment with the import panel');
    await wizard.importFile('customer.env', CUSTOMER_ENV);
    await expectNoViolations(page, 'import report');
    await wizard.nextUntilReview();
    await mergedSection(wizard, 'customer.env').getByText('Show the whole updated file').click();
    await expectNoViolations(page, 'review with the merged file');
  });
}
