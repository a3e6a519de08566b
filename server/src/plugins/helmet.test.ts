import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, withInlineScripts } from './helmet.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes each inline script exactly as written, and skips scripts with a src', () => {
    const early = '(function(){window.x=1})()';
    const html = `<head><script type="module" crossorigin src="/assets/index.js"></script><script>${early}</script></head><body><script>\n  b()\n</script></body>`;
    expect(inlineScriptHashes(html)).toEqual([sha(early), sha('\n  b()\n')]);
  });
});

describe('withInlineScripts', () => {
  it('allows the hashed scripts beside self, and keeps every other directive', () => {
    const options = withInlineScripts(["'sha256-abc='"]);
    const csp = options.contentSecurityPolicy;
    const directives = typeof csp === 'object' ? csp.directives : undefined;
    expect(directives?.scriptSrc).toEqual(["'self'", "'sha256-abc='"]);
    expect(directives?.upgradeInsecureRequests).toBeNull();
    expect(directives?.styleSrc).toEqual(["'self'", "'unsafe-inline'"]);
  });
});
