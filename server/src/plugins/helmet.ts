import { createHash } from 'node:crypto';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { onRequestHookHandler } from 'fastify';

/**
 * Security headers on every response: a Content Security Policy, `X-Content-Type-Options`,
 * `frame-ancestors`, `Referrer-Policy`…
 *
 * The wizard is often served to a team on a LAN address over plain http (`HOST=0.0.0.0`). Helmet's
 * default CSP carries `upgrade-insecure-requests`, which browsers honour everywhere except
 * localhost: every script and stylesheet would be fetched over https and the page would stay blank.
 * So that directive is removed. `script-src 'self'` stays, plus the hash of each inline script of
 * the built index.html (the early script the prerender puts there, issue 16; {@link withInlineScripts}).
 *
 * @see {@link https://github.com/fastify/fastify-helmet}
 * @see {@link https://github.com/helmetjs/helmet/issues/480} (upgrade-insecure-requests on plain http)
 */
export const autoConfig: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      upgradeInsecureRequests: null,
      // PRODUCT.md §5 "Private: no third-party requests": fonts and styles come from this origin only
      // (helmet's defaults also allow any https: origin for both).
      fontSrc: ["'self'", 'data:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
    },
  },
  // HSTS is only honoured over https, where the TLS-terminating reverse proxy knows the domain's
  // policy; helmet's default (includeSubDomains, one year) could break sibling http hosts there.
  strictTransportSecurity: false,
  // Sent by originIsolationHeaders instead, only where browsers honour them.
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
};

/** The `<script>` elements without `src` in a page, as CSP source hashes (`'sha256-…'`). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    const digest = createHash('sha256')
      .update(match[1] ?? '', 'utf8')
      .digest('base64');
    hashes.push(`'sha256-${digest}'`);
  }
  return hashes;
}

/**
 * The helmet options with the page's inline scripts allowed by hash: only these exact scripts run,
 * an injected one does not (no `'unsafe-inline'`).
 *
 * @see {@link https://www.w3.org/TR/CSP3/#grammardef-hash-source}
 */
export function withInlineScripts(hashes: readonly string[]): FastifyHelmetOptions {
  if (hashes.length === 0) return autoConfig;
  const csp = autoConfig.contentSecurityPolicy;
  const directives = typeof csp === 'object' ? csp.directives : undefined;
  return {
    ...autoConfig,
    contentSecurityPolicy: {
      directives: { ...directives, scriptSrc: ["'self'", ...hashes] },
    },
  };
}

/** localhost, 127.0.0.0/8 and ::1: origins browsers treat as secure even over http. */
export const LOOPBACK_HOST = /^(localhost|[\w-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * `Cross-Origin-Opener-Policy` and `Origin-Agent-Cluster`, on potentially trustworthy origins only
 * (https, or loopback). Over plain http on a LAN address browsers ignore both and log a console
 * error for COOP on every page load, which reads like a fault in the wizard.
 *
 * @see {@link https://html.spec.whatwg.org/multipage/browsers.html#the-coop-headers}
 * @see {@link https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy}
 */
export const originIsolationHeaders: onRequestHookHandler = (request, reply, done) => {
  if (request.protocol === 'https' || LOOPBACK_HOST.test(request.hostname)) {
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('origin-agent-cluster', '?1');
  }
  done();
};

export default helmet;
