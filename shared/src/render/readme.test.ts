/**
 * README.md records a "Test my proxy" run that the client sends back with a download, so every
 * string of it is the client's: it must read as the text it was, never as Markdown or HTML
 * (issue 13, item 2). Checked by rendering the README with a real CommonMark + GFM parser, raw
 * HTML allowed through, as GitHub or an editor preview would show it.
 */
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../answers.ts';
import { planFor } from '../plan.ts';
import type { PreflightLine } from '../preflight.ts';
import { codeSpan, inertText, renderReadme } from './readme.ts';

const answers = (() => {
  const result = validateAnswers({
    deployment: { method: 'docker-compose' },
    proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
  });
  if (!result.ok) throw new Error('invalid answers');
  return result.answers;
})();

const html = (markdown: string) =>
  micromark(markdown, {
    allowDangerousHtml: true,
    allowDangerousProtocol: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });

/** The proxy-check section's HTML: from its heading to the documentation link after it. */
function proxyCheckHtml(lines: PreflightLine[]): string {
  const readme = renderReadme(planFor(answers), [], [], [], lines);
  const rendered = html(readme);
  const start = rendered.indexOf('<h2>Proxy check</h2>');
  return rendered.slice(start, rendered.indexOf('<p>Documentation:', start));
}

/** A text as one line, as the README writes it: control characters are blanks, ends trimmed. */
// eslint-disable-next-line no-control-regex -- the control characters are the point
const flatLine = (s: string) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();

/** Text content, as a reader sees it. */
const textOf = (fragment: string) =>
  fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const run = (host: string, detail: string): PreflightLine[] => [
  { check: 'reach', status: 'ok', host, port: 3128, ms: 1, detail },
  { check: 'tls', status: 'error', verified: false, ms: 1, detail },
  {
    check: 'connect',
    domain: 'auth.carto.com',
    status: 'blocked',
    httpStatus: 403,
    ms: 1,
    detail,
  },
  { check: 'summary', allowed: 0, blocked: 1, errors: 1 },
];

/** The only elements the section may hold: its heading, the list, code spans, the result line. */
const ALLOWED_TAGS = new Set(['h2', 'ul', 'li', 'code', 'p']);

const tagsIn = (fragment: string) =>
  [...fragment.matchAll(/<\/?([a-z][a-z0-9-]*)/gi)].map((m) => (m[1] ?? '').toLowerCase());

describe('README.md with a proxy check run sent by the client', () => {
  it.each([
    ['raw HTML', '<img src=x onerror=alert(1)><script>alert(1)</script>'],
    ['a link', '[click here](https://evil.example/)'],
    ['an image', '![x](https://evil.example/x.png)'],
    ['emphasis', '**bold** _it_ ~~gone~~'],
    ['an autolink', '<https://evil.example> https://evil.example www.evil.example a@evil.example'],
    ['an entity', '&lt;b&gt; &#60;'],
    ['a code span', '`code` ``more``'],
    ['a line break', 'one\n# heading\n<div>'],
  ])('shows %s as text', (_name, text) => {
    const fragment = proxyCheckHtml(run(text, text));
    expect(tagsIn(fragment).every((tag) => ALLOWED_TAGS.has(tag))).toBe(true);
    const flat = flatLine(text);
    // Twice as detail (reach, tls, connect) and once as the reach host.
    expect(textOf(fragment).split(flat).length - 1).toBeGreaterThanOrEqual(4);
  });

  it('any host and detail stay text (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('<', '>', '&', '`', '*', '_', '[', ']', '(', ')', '!', '~', '|', '\\'),
      fc.constantFrom('<b>', '</p>', 'http://x.example', 'www.x.example', 'a@b.example', '&amp;'),
    );
    const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (host, detail) => {
        const fragment = proxyCheckHtml(run(host.slice(0, 253), detail.slice(0, 1000)));
        expect(tagsIn(fragment).filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
        const shown = textOf(fragment);
        expect(shown).toContain(flatLine(detail.slice(0, 1000)));
        expect(shown).toContain(flatLine(`${host.slice(0, 253)}:3128`));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps plain prose readable', () => {
    expect(inertText('The proxy answered 200 (allowed).')).toBe(
      'The proxy answered 200 (allowed).',
    );
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`a')).toBe('`` `a ``');
  });
});

// Issue 18: the download says which release the rules are for and which CARTO commits they came from.
describe('README.md names the release and the source of the rules', () => {
  it('names the CARTO commits and says when no release was given', async () => {
    const { validateAnswers } = await import('../answers.ts');
    const { renderAll } = await import('./index.ts');
    const result = validateAnswers({
      deployment: { method: 'helm' },
      proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
    });
    if (!result.ok) throw new Error('invalid');
    const readme = renderAll(result.answers).files.find((f) => f.name === 'README.md')?.content;
    expect(readme).toContain(
      'Release: not given: written to work on every release of this method from 2023.5.12 on.',
    );
    expect(readme).toContain(
      'CartoDB/carto-selfhosted-helm 1.287.1 (056bea03, release 2026.8.11-rc.7)',
    );
    expect(readme).toContain('CartoDB/carto-selfhosted 2026.8.11-rc.7 (a8ac3c52)');
  });
});
