/**
 * The single-file wizard (issue 19): `dist/carto-proxy-wizard.html`, copied into a folder as a user
 * who downloaded it would, opened from disk with every network request refused. Only the file itself
 * (file:) and what never leaves the page (blob: downloads, data: icons) may load. The journey, the
 * preview, the browser-made zip (byte for byte the server's for the answers the page holds), an
 * import and its merged file, and a share link opened in another browser all work like that.
 */
import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { makeCa } from './support/ca.ts';
import { paste, Wizard } from './support/wizard.ts';

const SINGLE_FILE = resolve(import.meta.dirname, '../dist/carto-proxy-wizard.html');
const STORAGE_KEY = 'carto-proxy-wizard';

interface Offline {
  context: BrowserContext;
  wizard: Wizard;
  /** Every request refused (anything but file:, blob: and data:): must stay empty. */
  refused: string[];
  errors: string[];
}

/** A fresh browser profile with no network, on a page of the file. */
async function openOffline(browser: Browser, url: string): Promise<Offline> {
  const context = await browser.newContext({ acceptDownloads: true });
  const refused: string[] = [];
  const errors: string[] = [];
  await context.route('**', async (route) => {
    const requested = route.request().url();
    if (/^(file|blob|data):/.test(requested)) return route.continue();
    refused.push(requested);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const wizard = new Wizard(page);
  await expect(wizard.main.getByRole('heading', { level: 2 }).last()).toBeVisible();
  return { context, wizard, refused, errors };
}

function expectOffline({ refused, errors }: Offline): void {
  expect(refused, 'requests the single file made').toEqual([]);
  expect(errors, 'console errors and uncaught exceptions').toEqual([]);
}

const test = base.extend<{ fileUrl: string }>({
  // A copy in its own folder, as downloaded: nothing beside it, its own saved draft.
  // Playwright reads a fixture's dependencies from its first parameter: this one has none.
  // eslint-disable-next-line no-empty-pattern
  fileUrl: async ({}, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'single-file-'));
    const copy = join(folder, 'carto-proxy-wizard.html');
    copyFileSync(SINGLE_FILE, copy);
    await use(pathToFileURL(copy).href);
    rmSync(folder, { recursive: true, force: true });
  },
});

/**
 * The draft is saved under the file's own key (so two copies do not fight), never the served app's.
 * The page's answers are the ones this journey typed: `journeyAnswers` below spells them as the API
 * takes them, so a page that held anything else would give a zip of other bytes.
 */
async function expectDraftKeyedByPath(offline: Offline): Promise<void> {
  const { page } = offline.wizard;
  const saved = await page.evaluate(
    (key) => localStorage.getItem(`${key}@${location.pathname}`),
    STORAGE_KEY,
  );
  expect(saved, 'the draft saved under the file’s own key').not.toBeNull();
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
}

/** What the journey below answers, as the answers document the server takes. */
const journeyAnswers = (customCa: string) => ({
  deployment: { method: 'helm', release: '2026.8.11', gkeWorkloadIdentity: false },
  proxy: {
    protocol: 'https',
    host: 'proxy.corp.example',
    port: 3129,
    verifyCertificate: true,
    customCa,
  },
  excludedDomains: ['.corp.example'],
  warehouses: ['snowflake'],
  services: [],
});

test('a Helm + HTTPS + CA journey with the network off: preview, and the server’s zip byte for byte', async ({
  browser,
  fileUrl,
  request,
}) => {
  test.slow();
  const ca = makeCa();
  const offline = await openOffline(browser, fileUrl);
  const { wizard } = offline;
  await wizard.deployment({ method: 'helm', release: '2026.8.11' });
  await wizard.proxy({ protocol: 'HTTPS', host: 'proxy.corp.example', port: '3129' });
  await wizard.expectStep('tls');
  await paste(wizard.main.getByLabel('Custom CA certificate'), ca.certificate);
  await wizard.next();
  await wizard.excludedDomains(['.corp.example']);
  await wizard.warehouses(['Snowflake']);
  await wizard.services([]);

  // The preview, as when served.
  const values = parseYaml(await wizard.previewText('customizations.proxy.yaml')) as {
    externalProxy: Record<string, unknown>;
  };
  expect(values.externalProxy).toMatchObject({
    host: 'proxy.corp.example',
    port: 3129,
    type: 'https',
  });
  expect(values.externalProxy.excludedDomains).toContain('.corp.example');
  expect(await wizard.fileNames()).toContain('proxy-ca.crt');

  // Test my proxy says it needs the server and what to run instead; nothing else is disabled.
  const check = wizard.main.getByRole('region', { name: 'Test my proxy' });
  await expect(check).toContainText('needs the wizard’s server');
  await expect(check.getByText('sh check-proxy.sh', { exact: true })).toBeVisible();
  await expect(check.getByRole('button', { name: 'Test my proxy' })).toHaveCount(0);

  // The zip, made in this browser: the server's for the same answers, byte for byte.
  const zip = await wizard.download(
    wizard.main.getByRole('button', { name: 'Download all (.zip)' }),
  );
  await expectDraftKeyedByPath(offline);
  const answers = journeyAnswers(ca.certificate);
  const fromServer = await request.post('/api/download', { data: answers });
  expect(fromServer.status()).toBe(200);
  expect(zip.name).toBe('carto-proxy-helm.zip');
  expect(zip.bytes.equals(await fromServer.body()), 'the zip’s bytes').toBe(true);

  // One file too, under the name the server gives it.
  await wizard.preview.getByRole('tab', { name: 'proxy-ca.crt', exact: true }).click();
  const one = await wizard.download(
    wizard.preview.getByRole('button', { name: 'Download proxy-ca.crt', exact: true }),
  );
  const oneFromServer = await request.post('/api/download?file=proxy-ca.crt', {
    data: answers,
  });
  expect(one.name).toBe('proxy-ca.crt');
  expect(one.bytes.equals(await oneFromServer.body()), 'the single file’s bytes').toBe(true);
  expectOffline(offline);
  await offline.context.close();
});

const CUSTOMIZATIONS_YAML = [
  '# CARTO Self-hosted customizations',
  'appConfigValues:',
  '  selfHostedDomain: "carto.corp.example"',
  'externalProxy:',
  '  enabled: true',
  '  host: old-proxy.corp.example',
  '  port: 3128',
  '  type: http',
  'externalPostgresql:',
  '  host: db.corp.example',
  '',
].join('\n');

test('an import and its merged file with the network off', async ({ browser, fileUrl }) => {
  test.slow();
  const offline = await openOffline(browser, fileUrl);
  const { wizard } = offline;
  await wizard.importFile('customizations.yaml', CUSTOMIZATIONS_YAML);
  await wizard.next();
  await wizard.expectStep('proxy');
  await expect(wizard.main.getByLabel('Host')).toHaveValue('old-proxy.corp.example');
  await wizard.main.getByLabel('Host').fill('proxy.corp.example');
  await wizard.next();
  await wizard.nextUntilReview();

  const merged = wizard.main.getByRole('region', { name: 'Your customizations.yaml, updated' });
  const { bytes } = await wizard.download(
    merged.getByRole('button', { name: 'Download customizations.yaml' }),
  );
  const values = parseYaml(bytes.toString('utf8')) as Record<string, Record<string, unknown>>;
  expect(values.externalProxy).toMatchObject({ host: 'proxy.corp.example', port: 3128 });
  expect(values.externalPostgresql).toEqual({ host: 'db.corp.example' });
  expect(values.appConfigValues).toEqual({ selfHostedDomain: 'carto.corp.example' });
  expectOffline(offline);
  await offline.context.close();
});

test('a share link from the file opens its answers in another browser; Start over empties it', async ({
  browser,
  fileUrl,
}) => {
  // Two browsers, each parsing the whole app from one file.
  test.slow();
  const sender = await openOffline(browser, fileUrl);
  await sender.wizard.deployment({ method: 'helm' });
  await sender.wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await sender.wizard.nextUntilReview();
  const link = sender.wizard.page.url();
  expect(link.startsWith(fileUrl)).toBe(true);

  // Another person's browser (its own storage) opens the same file with the link's fragment.
  const receiver = await openOffline(browser, link);
  await receiver.wizard.expectStep('review');
  await expect(receiver.wizard.main).toContainText('proxy.corp.example');
  expect(await receiver.wizard.fileNames()).toContain('customizations.proxy.yaml');

  // Start over works in the file as well.
  await receiver.wizard.page.getByRole('button', { name: 'Start over' }).click();
  await receiver.wizard.page
    .getByRole('dialog', { name: 'Start over?' })
    .getByRole('button', { name: 'Clear all answers' })
    .click();
  await receiver.wizard.expectStep('deployment');
  await expect(receiver.wizard.main.getByLabel('Kubernetes with Helm')).not.toBeChecked();
  // The sender's copy keeps its answers: Start over in one browser is not the other's.
  await sender.wizard.page.reload();
  await sender.wizard.expectStep('review');
  expectOffline(sender);
  expectOffline(receiver);
  await sender.context.close();
  await receiver.context.close();
});
