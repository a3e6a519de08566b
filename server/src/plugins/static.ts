import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import type { FastifyRequest } from 'fastify';

/** Vite writes content-hashed bundles under `assets/`; their bytes never change under a given name. */
const HASHED_ASSET = /(^|[\\/])assets[\\/]/;

/** The bundle's scripts and stylesheets (or their precompressed copies). */
const SCRIPT_OR_STYLE = /(^|[\\/])assets[\\/][^\\/]+\.(js|css)(\.(br|gz))?$/;

/**
 * Helmet's headers that only a document (or a worker, which the wizard has none of) acts on: a
 * browser ignores them on a script or stylesheet, where they only cost bytes on every request
 * (about 500 of the 1,000 header bytes per file on the first question's path, issue 10).
 * `X-Content-Type-Options`, `Cross-Origin-Resource-Policy` and `Referrer-Policy` do apply to these
 * files and stay.
 *
 * @see {@link https://www.w3.org/TR/CSP3/#initialize-document-csp} (CSP: documents and workers)
 * @see {@link https://html.spec.whatwg.org/multipage/browsers.html#the-coop-headers}
 */
export const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-frame-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
] as const;

/**
 * Serves the built web app (`dist/web`) at `/`.
 *
 * Hashed bundles are cached for a year as `immutable`; everything else, `index.html` first, is
 * `no-cache` so a new deployment is picked up on the next load while the browser can still
 * revalidate with the ETag. `@fastify/static`'s own Cache-Control is turned off so the two cases can
 * differ. Every text file is sent as the brotli or gzip copy made at build time when the browser
 * accepts it, so nothing is compressed per request. Unknown paths fall through to the app's not-found handler, which returns `index.html` to
 * browser navigations (see {@link wantsSpaPage}) and JSON 404s to everything else.
 *
 * @see {@link https://github.com/fastify/fastify-static}
 * @see {@link https://vite.dev/guide/build} (hashed file names under assets/)
 */
export function autoConfig(root: string): FastifyStaticOptions {
  return {
    root,
    // The .br and .gz files the build wrote beside each asset (scripts/precompress.ts), chosen by
    // Accept-Encoding, with Content-Encoding, the compressed Content-Length and Vary set.
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      if (SCRIPT_OR_STYLE.test(path)) {
        for (const name of DOCUMENT_ONLY_HEADERS) reply.removeHeader(name);
      }
    },
  };
}

/**
 * Whether a request that matched no route is a browser navigation to a client-side page, which
 * gets `index.html` (the SPA fallback). The API never falls back, and neither do requests for
 * missing scripts or images (their `Accept` has no text/html): they get a plain 404 instead of an
 * HTML page served with the wrong meaning.
 */
export function wantsSpaPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?', 1)[0] ?? '';
  if (path === '/api' || path.startsWith('/api/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

export default fastifyStatic;
