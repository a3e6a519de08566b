/**
 * Drives the wizard the way a user does: by headings, labels and button names. One method per step;
 * each one leaves the wizard on the next step.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { ZIP_FOLDER } from '@wizard/shared';

export const METHOD_LABELS = {
  'docker-compose': 'Docker Compose (legacy single VM)',
  helm: 'Kubernetes with Helm',
  kots: 'Kubernetes with the Admin Console (Kots)',
  'single-vm': 'Single VM (./carto install)',
} as const;

export const TITLES = {
  deployment: 'How is CARTO deployed?',
  proxy: 'Which proxy does traffic go through?',
  tls: 'How does CARTO trust the HTTPS proxy?',
  'excluded-domains': 'Which domains does CARTO reach without the proxy?',
  warehouses: 'Which data warehouses?',
  services: 'Which optional services?',
  review: 'Review and download',
} as const;

export type StepTitle = keyof typeof TITLES;

const STEP_COUNT = Object.keys(TITLES).length;

export interface DeploymentAnswers {
  method: keyof typeof METHOD_LABELS;
  release?: string;
  /** Asked on Excluded domains, where they are used (issue 21, item 4): filled when it comes. */
  gke?: boolean;
  clusterIp?: string;
}

export interface ProxyAnswers {
  protocol: 'HTTP' | 'HTTPS';
  host: string;
  port: string;
}

export class Wizard {
  /** The cluster's facts given with deployment(), answered on the Excluded domains step. */
  private cluster: Pick<DeploymentAnswers, 'gke' | 'clusterIp'> = {};

  constructor(readonly page: Page) {}

  /** The cluster's facts on the Excluded domains step (issue 21, item 4), once. */
  async clusterFacts(): Promise<void> {
    const { gke, clusterIp } = this.cluster;
    this.cluster = {};
    if (gke !== undefined) {
      await this.main.getByLabel('CARTO runs on GKE with Workload Identity').setChecked(gke);
    }
    if (clusterIp !== undefined) {
      await this.main.getByLabel('ClusterIP of the kubernetes service').fill(clusterIp);
    }
  }

  heading(step: StepTitle): Locator {
    return this.page.getByRole('heading', { level: 2, name: TITLES[step] });
  }

  /** The main region (the current step), as opposed to the preview beside it. */
  get main(): Locator {
    return this.page.getByRole('main');
  }

  get preview(): Locator {
    return this.page.getByRole('complementary', { name: 'Preview of the files' });
  }

  async open(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    // A share link over other answers shows its question above the step (issue 11, item 1).
    await expect(this.main.getByRole('heading', { level: 2 }).last()).toBeVisible();
  }

  /** A share link opened over other answers: take the link's answers. */
  async openLinkReplacingAnswers(hash: string): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.page.getByRole('button', { name: 'Open the link’s answers' }).click();
    await expect(
      this.page.getByRole('region', { name: 'Open the answers of this link?' }),
    ).toHaveCount(0);
  }

  async expectStep(step: StepTitle): Promise<void> {
    await expect(this.heading(step)).toBeVisible();
    // The step's form has loaded (not the placeholder shown while its code arrives).
    await expect(this.main.getByText('Loading the questions…')).toHaveCount(0);
  }

  /** "Start from an existing file" on the first step: the file chosen as a user does. */
  async importFile(name: string, text: string): Promise<void> {
    await this.expectStep('deployment');
    await this.main.getByLabel('Choose a file…').setInputFiles({
      name,
      mimeType: 'text/plain',
      buffer: Buffer.from(text, 'utf8'),
    });
    await expect(this.main.getByRole('heading', { name: `Started from ${name}` })).toBeFocused();
  }

  /** Next until the Review step, accepting every answer as it is. */
  async nextUntilReview(): Promise<void> {
    const heading = this.main.getByRole('heading', { level: 2 });
    for (let i = 0; i < STEP_COUNT; i++) {
      const title = (await heading.textContent()) ?? '';
      if (title === TITLES.review) break;
      if (title === TITLES['excluded-domains']) await this.clusterFacts();
      await this.next();
      await expect(heading).not.toHaveText(title);
    }
    await this.expectStep('review');
  }

  async next(): Promise<void> {
    await this.main.getByRole('button', { name: /^Next: / }).click();
  }

  async deployment(answers: DeploymentAnswers): Promise<void> {
    await this.expectStep('deployment');
    await this.main.getByLabel(METHOD_LABELS[answers.method], { exact: true }).check();
    if (answers.release !== undefined) {
      await this.main.getByLabel('CARTO Self-hosted release').fill(answers.release);
    }
    this.cluster = { gke: answers.gke, clusterIp: answers.clusterIp };
    await this.next();
  }

  async proxy(answers: ProxyAnswers): Promise<void> {
    await this.expectStep('proxy');
    await this.main.getByLabel(answers.protocol, { exact: true }).check();
    await this.main.getByLabel('Host').fill(answers.host);
    await this.main.getByLabel('Port').fill(answers.port);
    await this.next();
  }

  async tls(answers: { verify?: boolean; ca?: string }): Promise<void> {
    await this.expectStep('tls');
    if (answers.verify !== undefined) {
      await this.main.getByLabel('Verify the proxy’s certificate').setChecked(answers.verify);
    }
    if (answers.ca !== undefined) {
      await this.main.getByLabel('Custom CA certificate').fill(answers.ca);
    }
    await this.next();
  }

  async excludedDomains(entries: string[]): Promise<void> {
    await this.expectStep('excluded-domains');
    await this.clusterFacts();
    for (const entry of entries) await this.addExcludedDomain(entry);
    await this.next();
  }

  /** Adds a row with "Add a domain" and types into it once it has the focus, as a person would. */
  async addExcludedDomain(entry: string): Promise<void> {
    const rows = await this.main.getByLabel(/^Excluded domain \d+$/).count();
    await this.main.getByRole('button', { name: 'Add a domain' }).click();
    // The new row takes the focus after the re-render (after the re-render's effects).
    await expect(
      this.main.getByLabel(`Excluded domain ${rows + 1}`, { exact: true }),
    ).toBeFocused();
    await this.page.keyboard.type(entry);
  }

  async warehouses(labels: string[]): Promise<void> {
    await this.expectStep('warehouses');
    for (const label of labels) await this.main.getByLabel(label, { exact: true }).check();
    await this.next();
  }

  async services(labels: string[]): Promise<void> {
    await this.expectStep('services');
    for (const label of labels) await this.main.getByLabel(label, { exact: true }).check();
    await this.next();
    await this.expectStep('review');
  }

  /** The preview's text for one file (its tab selected first). */
  async previewText(name: string): Promise<string> {
    await this.preview.getByRole('tab', { name, exact: true }).click();
    const code = this.preview.getByRole('tabpanel').locator('pre code');
    await expect(this.preview.getByRole('tabpanel').locator('pre')).toHaveAttribute(
      'data-file',
      name,
    );
    return code.evaluate((element) => element.textContent ?? '');
  }

  async fileNames(): Promise<string[]> {
    return this.preview.getByRole('tab').allTextContents();
  }

  /** Clicks a download button and returns the saved file's name and bytes. */
  async download(button: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  /** "Download" for one file, from its preview tab: the file as the server sends it. */
  async downloadFile(name: string): Promise<string> {
    await this.preview.getByRole('tab', { name, exact: true }).click();
    const { bytes } = await this.download(
      this.preview.getByRole('button', { name: `Download ${name}`, exact: true }),
    );
    return bytes.toString('utf8');
  }

  /**
   * "Download all (.zip)" from the Review step: every file, unzipped, named as inside the one folder
   * the zip unpacks into (every entry must be in it).
   */
  async downloadAll(): Promise<{ name: string; files: Map<string, string> }> {
    const { name, bytes } = await this.download(
      this.main.getByRole('button', { name: 'Download all (.zip)' }),
    );
    const entries = unzipSync(new Uint8Array(bytes));
    const folder = `${ZIP_FOLDER}/`;
    for (const file of Object.keys(entries)) expect(file.startsWith(folder), file).toBe(true);
    return {
      name,
      files: new Map(
        Object.entries(entries).map(([file, data]) => [file.slice(folder.length), strFromU8(data)]),
      ),
    };
  }
}

/**
 * Pastes text into a field as a browser does: a `paste` event carrying the text; when the page does
 * not handle it, the text is inserted at the caret.
 */
export async function paste(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    const event = new ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
    });
    if (element.dispatchEvent(event)) document.execCommand('insertText', false, value);
  }, text);
}
