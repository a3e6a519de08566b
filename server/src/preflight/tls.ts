import { performance } from 'node:perf_hooks';
import tls, { type PeerCertificate } from 'node:tls';
import {
  attempt,
  describeSocketError,
  endpointText,
  proxyTlsOptions,
  seconds,
  type ProxyEndpoint,
} from './proxy-socket.ts';
import type { TlsCheck } from '@wizard/shared/preflight';

/** `CN=…, O=…` from Node's parsed distinguished name (a field may repeat). */
export function formatName(
  name: Record<string, string | string[] | undefined> | undefined,
): string {
  if (!name) return '';
  return Object.entries(name)
    .flatMap(([key, value]) => [value ?? []].flat().map((part) => `${key}=${part}`))
    .join(', ');
}

/** Why the certificate is not trusted, from OpenSSL's or Node's verification code. */
export function describeVerifyError(
  code: string,
  proxy: ProxyEndpoint,
  cert: { issuer: string; validTo?: string; names?: string },
): string {
  const trustedBy =
    proxy.customCa === undefined
      ? 'a CA in the system store: paste the CA that issued it in the custom CA field'
      : 'the custom CA given: paste the CA that issued it instead';
  switch (code) {
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return `The proxy's certificate (issued by ${cert.issuer || 'an unnamed CA'}) is not signed by ${trustedBy}.`;
    case 'CERT_HAS_EXPIRED':
      return `The proxy's certificate expired on ${cert.validTo ?? 'an earlier date'}: ask the proxy admin to renew it.`;
    case 'CERT_NOT_YET_VALID':
      return "The proxy's certificate is not valid yet: check this machine's clock, or the certificate's dates.";
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `The proxy's certificate is not issued for ${proxy.host}${cert.names ? ` (it names ${cert.names})` : ''}: use a host name it names, or ask for a certificate that names ${proxy.host}.`;
    default:
      return `The proxy's certificate cannot be verified (${code}).`;
  }
}

/**
 * Step 2 for an HTTPS proxy: the TLS handshake every CARTO client makes before it can send
 * CONNECT. Verification is judged here rather than by OpenSSL aborting the handshake, so that the
 * certificate's subject, issuer and expiry are reported even when it is not trusted. With
 * `verifyCertificate` off an untrusted certificate passes, as it would for CARTO, with
 * `verified: false` and the reason.
 */
export function probeTls(
  proxy: ProxyEndpoint,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<TlsCheck> {
  const started = performance.now();
  const where = endpointText(proxy);
  const line = ({ detail, ...fields }: Omit<TlsCheck, 'check' | 'ms'>): TlsCheck => ({
    check: 'tls',
    ...fields,
    ms: Math.round(performance.now() - started),
    detail,
  });
  return attempt(
    timeoutMs,
    signal,
    {
      timeout: () =>
        line({
          status: 'error',
          verified: false,
          detail: `No TLS handshake with ${where} within ${seconds(timeoutMs)}: is it an https proxy?`,
        }),
      aborted: (reason) => line({ status: 'error', verified: false, detail: reason }),
      failed: (error) =>
        line({ status: 'error', verified: false, detail: describeSocketError(error, proxy) }),
    },
    (finish) => {
      const socket = tls.connect(proxyTlsOptions(proxy, false));
      socket.once('secureConnect', () => {
        const cert: Partial<PeerCertificate> = socket.getPeerCertificate();
        const subject = formatName(cert.subject);
        const issuer = formatName(cert.issuer);
        const expiry = cert.valid_to === undefined ? undefined : new Date(cert.valid_to);
        const validTo =
          expiry === undefined || Number.isNaN(expiry.getTime()) ? undefined : expiry.toISOString();
        const facts = {
          ...(subject ? { subject } : {}),
          ...(issuer ? { issuer } : {}),
          ...(validTo ? { validTo } : {}),
        };
        if (socket.authorized) {
          finish(
            line({
              status: 'ok',
              verified: true,
              ...facts,
              detail: `The proxy's certificate (${subject || 'no subject'}) is trusted and names ${proxy.host}${validTo ? `; it expires on ${validTo.slice(0, 10)}` : ''}.`,
            }),
          );
          return;
        }
        // Node types it as an Error; at run time it is OpenSSL's or checkServerIdentity's code.
        const code = String(socket.authorizationError);
        const why = describeVerifyError(code, proxy, {
          issuer,
          ...(validTo ? { validTo } : {}),
          ...(cert.subjectaltname ? { names: cert.subjectaltname } : {}),
        });
        finish(
          line(
            proxy.verifyCertificate
              ? { status: 'error', verified: false, ...facts, detail: why }
              : {
                  status: 'ok',
                  verified: false,
                  ...facts,
                  detail: `Not verified, as verifyCertificate is off. ${why}`,
                },
          ),
        );
      });
      return socket;
    },
  );
}
