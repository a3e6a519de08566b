import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Security headers on every response: a Content Security Policy, `X-Content-Type-Options`,
 * `frame-ancestors`, `Referrer-Policy`…
 *
 * The wizard is often served to a team on a LAN address over plain http (`HOST=0.0.0.0`). Helmet's
 * default CSP carries `upgrade-insecure-requests`, which browsers honour everywhere except
 * localhost: every script and stylesheet would be fetched over https and the page would stay blank.
 * So that directive is removed. `script-src 'self'` stays: the built web app has no inline script.
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
};

export default helmet;
