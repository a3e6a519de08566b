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
