/**
 * Issue 11, item 8: the next steps are runnable commands with `<placeholders>` (never a literal `…`), and
 * README.md carries exactly the text the Review step shows.
 */
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../answers.ts';
import { CA_PEM } from '../fixtures/index.ts';
import { renderAll } from './index.ts';

const METHODS = ['docker-compose', 'helm', 'kots', 'single-vm'] as const;

function render(method: (typeof METHODS)[number], protocol: 'http' | 'https') {
  const validated = validateAnswers({
    deployment: {
      method,
      release: '2026.8.11',
      ...(method === 'kots' && { kubernetesServiceIp: '10.96.0.1' }),
    },
    proxy: {
      protocol,
      host: 'proxy.corp.example',
      port: 3128,
      ...(protocol === 'https' && { customCa: CA_PEM }),
    },
    excludedDomains: [],
    warehouses: [],
    services: [],
  });
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  return renderAll(validated.answers);
}

describe('next steps', () => {
  it.each(METHODS.flatMap((m) => (['http', 'https'] as const).map((p) => [m, p] as const)))(
    '%s over %s: no literal ellipsis, and every step and command is in README.md',
    (method, protocol) => {
      const result = render(method, protocol);
      const readme = result.files.find((f) => f.name === 'README.md')?.content ?? '';
      expect(result.nextSteps.length).toBeGreaterThan(1);
      for (const step of result.nextSteps) {
        expect(step.text).not.toContain('…');
        expect(readme).toContain(step.text);
        for (const block of step.blocks) {
          expect(block.text).not.toContain('…');
          for (const line of block.text.split('\n')) expect(readme).toContain(line);
        }
      }
    },
  );

  it('Helm applies with placeholders for what only the user knows', () => {
    const commands = render('helm', 'http').nextSteps.flatMap((s) => s.blocks.map((b) => b.text));
    expect(commands).toContain(
      'helm upgrade <release> <chart> --namespace <namespace> -f customizations.yaml -f customizations.proxy.yaml',
    );
  });
});

/**
 * Issue 21, item 1: a script in the download that no step mentions is a script nobody runs. Every `.sh`
 * file has a step that names it (in its text or its command) and says when to run it.
 */
describe('every script in the download has a step that says when to run it', () => {
  it.each(METHODS.flatMap((m) => (['http', 'https'] as const).map((p) => [m, p] as const)))(
    '%s over %s',
    (method, protocol) => {
      const result = render(method, protocol);
      const scripts = result.files.filter((f) => f.name.endsWith('.sh')).map((f) => f.name);
      expect(scripts).toEqual(expect.arrayContaining(['check-proxy.sh', 'verify-carto.sh']));
      for (const script of scripts) {
        const step = result.nextSteps.find(
          (s) => s.text.includes(script) || s.blocks.some((b) => b.text.includes(script)),
        );
        expect(step, `a step that runs ${script}`).toBeDefined();
        // "When": the step opens with the moment or the place it runs (once…, where…, from…).
        expect(step?.text).toMatch(/\b(once|when|where|after|from)\b/i);
      }
      const readme = result.files.find((f) => f.name === 'README.md')?.content ?? '';
      const stepsSection = readme.slice(readme.indexOf('## Next steps'));
      for (const script of scripts) expect(stepsSection).toContain(script);
    },
  );
});

/**
 * Issue 21, item 2: with the user's own file updated in the download, the steps back it up and replace
 * it; they never also append the proxy lines (which would add them twice).
 */
describe('with the own file updated in the download', () => {
  const withOwnFile = (method: 'docker-compose' | 'helm') => {
    const validated = validateAnswers({
      deployment: { method },
      proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
    });
    if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
    return renderAll(validated.answers, { ownFile: true });
  };

  it.each([
    ['docker-compose', 'customer.env'],
    ['helm', 'customizations.yaml'],
  ] as const)('%s: back up %s, then replace it', (method, name) => {
    const result = withOwnFile(method);
    expect(result.ownFile).toBe(name);
    const commands = result.nextSteps.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
    expect(commands).toContain(`cp ${name} ${name}.bak\ncp carto-proxy-config/${name} ${name}`);
    expect(commands).not.toContain('cat customer.env.proxy >> customer.env');
    expect(commands).not.toContain('-f customizations.proxy.yaml');
    const readme = result.files.find((f) => f.name === 'README.md')?.content ?? '';
    expect(readme).toContain(`- \`${name}\`: your own \`${name}\`, updated`);
    expect(readme).toMatch(/back up your `(customer\.env|customizations\.yaml)`, then replace it/);
  });

  it('without it, the steps append the proxy lines as before', () => {
    const validated = validateAnswers({
      deployment: { method: 'docker-compose' },
      proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
    });
    if (!validated.ok) throw new Error('invalid');
    const result = renderAll(validated.answers);
    expect(result.ownFile).toBeUndefined();
    const commands = result.nextSteps.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
    expect(commands).toContain('cat customer.env.proxy >> customer.env');
  });
});
