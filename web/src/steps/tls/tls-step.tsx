/**
 * Step 3 (HTTPS proxies only): verify the proxy's certificate (on by default; off is a loud warning) and
 * an optional custom CA, pasted or read from a file, shown as subject, issuer, validity and CA-or-not.
 * A private key is refused and dropped at once: it is never kept, saved or sent.
 */
import { methodFactsIn, type MethodFacts } from '@wizard/shared/method-facts-in';
import {
  CA_DESTINATION_TEXT,
  inspectPem,
  PRIVATE_KEY_REMOVED_TEXT,
  withoutPrivateKeys,
  type CertificateInfo,
} from '@wizard/shared';
import { useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { useCatalog, type Catalog } from '../../api/catalog.ts';
import { Callout } from '../../components/callout.tsx';
import { DocLink } from '../../components/doc-link.tsx';
import { CheckboxField } from '../../components/field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { CatalogStatus } from '../../wizard/frame/catalog-status.tsx';
import { useWizardStore } from '../../wizard/state/context.ts';
import { customCaMissing, type Draft } from '../../wizard/state/draft.ts';
import { useWizardState } from '../../wizard/state/store.ts';
import { useMethodGuide } from '../../wizard/frame/method-guide.ts';
import { StepFrame } from '../../wizard/frame/step-frame.tsx';
import { useStepForm } from '../../wizard/frame/use-step-form.ts';
import '../steps.css';
import { CertificateList } from './certificate-list.tsx';
import { CustomCaExpected } from '../../wizard/dialogs/custom-ca-expected.tsx';

const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const MAX_BYTES = 64 * 1024;

/** What the draft's method and release imply (methodFacts), or undefined before a method is chosen. */
function factsOf(catalog: Catalog, draft: Draft): MethodFacts | undefined {
  const { method, release } = draft.deployment;
  return method === '' ? undefined : methodFactsIn(catalog, method, release);
}

/**
 * Where "Verify the proxy’s certificate" lands for this method: the one place the wizard names the
 * variable or CARTO's label (issue 21, item 7).
 */
function verifySetting(method: Draft['deployment']['method']): ReactNode {
  switch (method) {
    case 'docker-compose':
      return (
        <>
          {' '}
          It sets <code>NODE_TLS_REJECT_UNAUTHORIZED</code>.
        </>
      );
    case 'helm':
      return (
        <>
          {' '}
          It sets <code>externalProxy.sslRejectUnauthorized</code>.
        </>
      );
    case 'kots':
    case 'single-vm':
      return ' In the Admin Console it is “SSL certificate checks”.';
    default:
      return null;
  }
}

/** Where the CA ends up for this method and release, in one sentence (the shared rule, §V.2). */
function caDestination(facts: MethodFacts | undefined): string {
  if (facts === undefined) return 'The files show where it goes for your deployment method.';
  const text = facts.caDestinations.map((d) => CA_DESTINATION_TEXT[d]).join(', and ');
  return `For release ${facts.release}, ${text}; the files show how.`;
}

/** A chosen file as PEM text: PEM files as they are, DER (binary .cer/.crt) re-encoded as PEM. */
async function fileAsPem(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  if (text.includes('-----BEGIN')) return text;
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const body = btoa(binary)
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

function TlsForm({ catalog }: { catalog: Catalog }) {
  const store = useWizardStore();
  const form = useStepForm('tls');
  const { register, control, formState, setValue, setError } = form;
  const errors = formState.errors.proxy;
  const fileId = useId();
  const [refused, setRefused] = useState<string | undefined>();
  /** The CA text last accepted into the field ('' after a refusal, which empties it). */
  const lastKept = useRef('');
  const [keyRemoved, setKeyRemoved] = useState(false);
  const [verify, customCa] = useWatch({
    control,
    name: ['proxy.verifyCertificate', 'proxy.customCa'],
  });

  const caRegistration = register('proxy.customCa');
  const guide = useMethodGuide(catalog);

  /**
   * New CA text from the textarea or a file, with any private key dropped on the spot: a bundle keeps
   * its certificates (and says the key went); a key alone is refused. Returns the text to keep.
   */
  const acceptCa = (text: string): string | undefined => {
    // One paste can reach the field as several input events (Chromium splits a multi-line insertText,
    // and the field is rewritten below); the text the field already holds is no news, and must not
    // clear the refusal or the "key removed" note the first event produced.
    if (text === lastKept.current) return text;
    const { text: kept, removed } = withoutPrivateKeys(text);
    if (removed === 0 && !PRIVATE_KEY.test(text)) {
      lastKept.current = text;
      setRefused(undefined);
      setKeyRemoved(false);
      return text;
    }
    if (kept.includes('-----BEGIN CERTIFICATE-----')) {
      lastKept.current = kept;
      setRefused(undefined);
      setKeyRemoved(true);
      return kept;
    }
    lastKept.current = '';
    const inspection = inspectPem(text);
    const message = inspection.ok
      ? 'This contains a private key. Paste only the CA certificate.'
      : inspection.message;
    setValue('proxy.customCa', '', { shouldDirty: true });
    setKeyRemoved(false);
    setRefused(message);
    setError('proxy.customCa', { type: 'private-key', message }, { shouldFocus: true });
    return undefined;
  };

  /** Puts accepted CA text in the field, validated at once (so an earlier error goes away). */
  const keepCa = (text: string) =>
    setValue('proxy.customCa', text, {
      shouldDirty: true,
      shouldValidate: true,
      shouldTouch: true,
    });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError('proxy.customCa', {
        type: 'size',
        message: `${file.name} is larger than 64 KiB: choose the proxy’s CA certificate file, not a whole bundle.`,
      });
      return;
    }
    const kept = acceptCa(await fileAsPem(file));
    if (kept !== undefined) keepCa(kept);
  };

  const caMissing = useWizardState(store, (s) => customCaMissing(s.draft));

  const inspection = customCa && customCa.trim() !== '' ? inspectPem(customCa) : undefined;
  const certificates: CertificateInfo[] = inspection?.ok ? inspection.certificates : [];

  return (
    <StepFrame
      step="tls"
      form={form}
      intro="CARTO connects to an HTTPS proxy with TLS. It must trust the proxy’s certificate: signed by a well-known CA it works as is; signed by your own CA, give that CA here."
      source={guide}
    >
      <div className="field">
        <CheckboxField
          label="Verify the proxy’s certificate"
          hint={
            <>
              Recommended. Turn it off only to test a proxy with a self-signed certificate.
              {verifySetting(store.getState().draft.deployment.method)}
            </>
          }
          registration={register('proxy.verifyCertificate')}
          error={errors?.verifyCertificate?.message}
        />
        {verify === false && (
          <Callout tone="danger" title="Certificate verification is off">
            <p>
              Anyone between CARTO and the proxy could read and change CARTO’s traffic, and CARTO
              would not notice. Give the proxy’s CA below and keep verification on instead.
            </p>
          </Callout>
        )}
      </div>

      {caMissing && <CustomCaExpected />}

      <TextareaField
        label="Custom CA certificate"
        optional
        hint={
          <>
            Only if the proxy’s certificate is signed by your own CA. Paste it in PEM form (
            <code>-----BEGIN CERTIFICATE-----</code> …), one or more certificates, or choose the
            file below. Never a private key. It is saved in this browser but never put in a share
            link.
          </>
        }
        rows={8}
        wrap="off"
        spellCheck={false}
        autoComplete="off"
        placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
        registration={{
          ...caRegistration,
          onChange: async (event) => {
            const value = (event.target as HTMLTextAreaElement).value;
            const kept = acceptCa(value);
            if (kept === undefined) return;
            if (kept !== value) keepCa(kept);
            else await caRegistration.onChange(event);
          },
        }}
        error={refused ?? errors?.customCa?.message}
        after={
          <div className="file-pick">
            <label htmlFor={fileId} className="button button--small">
              Choose a file…
            </label>
            <input
              id={fileId}
              type="file"
              className="visually-hidden file-pick__input"
              accept=".pem,.crt,.cer,.der,.txt,application/x-pem-file,application/x-x509-ca-cert"
              onChange={(event) => void onFile(event)}
            />
            <span className="field__hint">
              .pem, .crt or .cer; read in this browser, not uploaded.
            </span>
          </div>
        }
      />

      {keyRemoved && (
        <Callout tone="info" role="status" title="Private key removed">
          <p>{PRIVATE_KEY_REMOVED_TEXT}</p>
        </Callout>
      )}

      {certificates.length > 0 && <CertificateList certificates={certificates} />}

      {factsOf(catalog, store.getState().draft)?.options.pubSubRestApi.offered && (
        <div className="field">
          <CheckboxField
            label="Send Google Pub/Sub over HTTPS (recommended)"
            hint={
              <>
                Pub/Sub cannot go through an https:// proxy by default: it would connect directly,
                and your network team would have to allow it. With this on, the chart value{' '}
                <code>cartoConfigValues.usePubSubRestApi</code> sends it over HTTPS, through the
                proxy. <DocLink source={catalog.sources.pubSubRestApi}>Chart change</DocLink>
              </>
            }
            registration={register('deployment.usePubSubRestApi')}
            error={formState.errors.deployment?.usePubSubRestApi?.message}
          />
        </div>
      )}

      {certificates.length > 0 && (
        <Callout tone="warning" title="CARTO limitation with a custom CA">
          <p>
            Importing data through an HTTPS proxy whose certificate is signed by a custom CA is not
            supported by CARTO: imports may fail. Contact CARTO Support if you need it.
          </p>
          <p>{caDestination(factsOf(catalog, store.getState().draft))}</p>
        </Callout>
      )}
    </StepFrame>
  );
}

export default function TlsStep() {
  const catalog = useCatalog();
  if (!catalog.data) return <CatalogStatus step="tls" query={catalog} />;
  return <TlsForm catalog={catalog.data} />;
}
