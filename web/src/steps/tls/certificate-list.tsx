/** The pasted CA, read back: who it is, who signed it, when it is valid, and whether it is a CA at all. */
import type { CertificateInfo } from '@wizard/shared';
import { AlertIcon, CheckIcon, WarningIcon } from '../../components/icons.tsx';

const day = (iso: string) => iso.slice(0, 10);

function validity(cert: CertificateInfo, now: Date) {
  if (new Date(cert.notAfter) < now) {
    return {
      tone: 'bad',
      text: `Expired on ${day(cert.notAfter)}: the proxy connection will fail verification.`,
    } as const;
  }
  if (new Date(cert.notBefore) > now) {
    return { tone: 'bad', text: `Not valid before ${day(cert.notBefore)}.` } as const;
  }
  return {
    tone: 'good',
    text: `Valid from ${day(cert.notBefore)} to ${day(cert.notAfter)}.`,
  } as const;
}

export function CertificateList({ certificates }: { certificates: CertificateInfo[] }) {
  const now = new Date();
  return (
    <section aria-labelledby="certificates-title" className="certificates">
      <h3 id="certificates-title" className="certificates__title">
        {certificates.length === 1
          ? 'The certificate you gave'
          : `The ${certificates.length} certificates you gave`}
      </h3>
      <ol className="certificates__list">
        {certificates.map((cert, index) => {
          const valid = validity(cert, now);
          return (
            <li key={`${index}-${cert.subject}`} className="certificate">
              <dl>
                <dt>Subject</dt>
                <dd>{cert.subject || '(empty)'}</dd>
                <dt>Issuer</dt>
                <dd>
                  {cert.issuer || '(empty)'}
                  {cert.selfSigned && <span className="certificate__tag">self-signed</span>}
                </dd>
                <dt>Validity</dt>
                <dd className={valid.tone === 'bad' ? 'certificate__bad' : undefined}>
                  {valid.tone === 'bad' && <AlertIcon className="inline-icon" />}
                  <span>{valid.text}</span>
                </dd>
                <dt>Certificate authority</dt>
                <dd className={cert.isCa ? undefined : 'certificate__warn'}>
                  {cert.isCa ? (
                    <>
                      <CheckIcon className="inline-icon" /> Yes, it can sign the proxy’s
                      certificate.
                    </>
                  ) : (
                    <>
                      <WarningIcon className="inline-icon" /> No: this looks like the proxy’s own
                      certificate. Give the CA that signed it instead.
                    </>
                  )}
                </dd>
              </dl>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
