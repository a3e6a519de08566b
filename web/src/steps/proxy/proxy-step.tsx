/**
 * Step 2: the proxy's protocol, host and port. Pasting a whole URL (http://proxy.corp:3128) fills the
 * three fields; a user name or password in it is stripped on the spot, said so, and never kept or
 * repeated (issue 11, item 6).
 */
import { PORT_MAX, PORT_MIN, hostProblem } from '@wizard/shared/answers';
import {
  CREDENTIALS_MESSAGE,
  CREDENTIALS_REMOVED_MESSAGE,
  hostKind,
  parseProxyInput,
  proxyUrl,
  withoutCredentials,
} from '@wizard/shared/host';
import { useState, type ClipboardEvent, type FocusEvent } from 'react';
import { useWatch } from 'react-hook-form';
import { useCatalog, type Catalog } from '../../api/catalog.ts';
import { announce } from '../../components/announce.ts';
import { Callout } from '../../components/callout.tsx';
import { Choice, ChoiceGroup, TextField } from '../../components/field.tsx';
import { Why } from '../../components/why.tsx';
import { CatalogStatus } from '../../wizard/frame/catalog-status.tsx';
import { portInput } from '../../wizard/state/draft.ts';
import { useMethodGuide } from '../../wizard/frame/method-guide.ts';
import { StepFrame } from '../../wizard/frame/step-frame.tsx';
import { useStepForm } from '../../wizard/frame/use-step-form.ts';
import '../steps.css';

/** Why, in the words of the shared rule ("Remove the user name and password: CARTO does not …"). */
const CREDENTIALS_REASON =
  CREDENTIALS_MESSAGE.replace(/^[^:]*:\s*/, '').replace(/^./, (c) => c.toUpperCase()) +
  ' Enter the proxy without them.';

/** Worth parsing as a URL: a scheme, credentials, or host:port. A bare host is left alone. */
const looksLikeUrl = (text: string) =>
  /:\/\//.test(text) || text.includes('@') || /^(\[[^\]]*\]|[^\s:/[\]]+):\d{1,5}\/?$/.test(text);

function ProxyForm({ catalog }: { catalog: Catalog }) {
  const form = useStepForm('proxy');
  const { register, control, formState, setValue, setError, clearErrors } = form;
  const errors = formState.errors.proxy;
  const [credentialsRefused, setCredentialsRefused] = useState<string | undefined>();
  const [filled, setFilled] = useState<string | undefined>();
  const [credentialsRemoved, setCredentialsRemoved] = useState(false);
  const [protocol, host, port] = useWatch({
    control,
    name: ['proxy.protocol', 'proxy.host', 'proxy.port'],
  });

  const hostRegistration = register('proxy.host');
  const guide = useMethodGuide(catalog);

  /** Reads a pasted or typed URL into the fields. Returns true when it took care of the text. */
  const applyUrl = (raw: string): boolean => {
    if (!looksLikeUrl(raw.trim())) return false;
    // The credentials go first, before anything is parsed or shown: never in the form, storage or link.
    const { text, removed } = withoutCredentials(raw);
    const parsed = parseProxyInput(text);
    setCredentialsRemoved(removed && parsed.ok);
    if (!parsed.ok) {
      if (removed || parsed.reason === 'credentials') {
        // Refused: the field is emptied, nothing of the URL is kept (not in the form, storage or link).
        const message = `That URL contains a user name or password, so it was not used (nothing of it is kept). ${CREDENTIALS_REASON}`;
        setValue('proxy.host', '', { shouldDirty: true });
        setCredentialsRefused(message);
        setFilled(undefined);
        setError('proxy.host', { type: 'credentials', message }, { shouldFocus: true });
        return true;
      }
      setValue('proxy.host', text, { shouldDirty: true });
      setError('proxy.host', { type: parsed.reason, message: parsed.message });
      return true;
    }
    setCredentialsRefused(undefined);
    const parts: string[] = [];
    if (parsed.protocol) {
      setValue('proxy.protocol', parsed.protocol, { shouldDirty: true, shouldValidate: true });
      parts.push('protocol');
    }
    setValue('proxy.host', parsed.host, { shouldDirty: true, shouldValidate: true });
    parts.push('host');
    if (parsed.port !== undefined) {
      setValue('proxy.port', String(parsed.port), { shouldDirty: true, shouldValidate: true });
      parts.push('port');
    }
    clearErrors(['proxy.host']);
    const message = `Filled ${parts.length === 3 ? 'protocol, host and port' : parts.join(' and ')} from ${text}.`;
    setFilled(message);
    announce(removed ? `${message} ${CREDENTIALS_REMOVED_MESSAGE}` : message);
    return true;
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    if (applyUrl(text)) event.preventDefault();
  };

  const onBlur = (event: FocusEvent<HTMLInputElement>) => {
    if (!applyUrl(event.target.value)) void hostRegistration.onBlur(event);
  };

  const hostError = credentialsRefused ?? errors?.host?.message;
  const portValue = portInput(port ?? '');
  const preview =
    (protocol === 'http' || protocol === 'https') &&
    host &&
    !hostProblem(host.trim()) &&
    hostKind(host.trim()) &&
    typeof portValue === 'number' &&
    portValue >= PORT_MIN &&
    portValue <= PORT_MAX
      ? proxyUrl({ protocol, host: host.trim().toLowerCase(), port: portValue })
      : undefined;

  return (
    <StepFrame
      step="proxy"
      form={form}
      intro="The forward proxy CARTO sends its outbound traffic through. Paste its URL into the host field to fill everything at once."
      source={guide}
    >
      <ChoiceGroup
        legend="Protocol between CARTO and the proxy"
        type="radio"
        registration={register('proxy.protocol')}
        error={errors?.protocol?.message}
      >
        <Choice
          value="http"
          label="HTTP"
          description={
            <>
              The connection to the proxy is not encrypted; CARTO’s HTTPS traffic inside it still
              is. Every CARTO component can use it.{' '}
              <Why>
                CARTO asks the proxy for a tunnel to each host (an HTTP <code>CONNECT</code>
                request), and its TLS to that host goes through the tunnel.
              </Why>
            </>
          }
        />
        <Choice
          value="https"
          label="HTTPS"
          description="The connection to the proxy itself is encrypted."
          consequence={
            protocol === 'https' ? (
              <>
                Snowflake and Google Pub/Sub cannot use an HTTPS proxy: they connect directly, and{' '}
                <code>egress-rules.md</code> lists them for your network team. Next, you choose how
                CARTO trusts the proxy’s certificate.{' '}
                <Why>
                  Their clients (Snowflake’s drivers, and gRPC for Pub/Sub) support only http://
                  proxies.
                </Why>
              </>
            ) : undefined
          }
        />
      </ChoiceGroup>

      <TextField
        label="Host"
        hint={
          <>
            A DNS name, IPv4 or IPv6 address, like <code>proxy.corp.example</code>. You can paste a
            URL such as <code>http://proxy.corp.example:3128</code>. User names and passwords are
            not supported by CARTO.
          </>
        }
        className="input--medium"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        registration={{
          ...hostRegistration,
          onChange: async (event) => {
            const value = (event.target as HTMLInputElement).value;
            if (value.includes('@')) {
              applyUrl(value.includes('://') ? value : `http://${value}`);
              return;
            }
            if (value.trim() !== '') setCredentialsRefused(undefined);
            setFilled(undefined);
            setCredentialsRemoved(false);
            await hostRegistration.onChange(event);
          },
          onBlur: (event) => {
            onBlur(event as FocusEvent<HTMLInputElement>);
            return Promise.resolve();
          },
        }}
        onPaste={onPaste}
        error={hostError}
        after={filled && <p className="field__hint status-ok">{filled}</p>}
      />

      {credentialsRemoved && (
        <Callout tone="warning" title="User name and password removed">
          <p>{CREDENTIALS_REMOVED_MESSAGE}</p>
        </Callout>
      )}

      <TextField
        label="Port"
        hint="Required: clients disagree on the default port, so it must be explicit (often 3128 for HTTP, 3129 or 443 for HTTPS)."
        className="input--short"
        inputMode="numeric"
        autoComplete="off"
        registration={register('proxy.port')}
        error={errors?.port?.message}
      />

      {preview && (
        <Callout title="Proxy URL">
          <p>
            CARTO will use <code>{preview}</code>.
          </p>
        </Callout>
      )}
    </StepFrame>
  );
}

export default function ProxyStep() {
  const catalog = useCatalog();
  if (!catalog.data) return <CatalogStatus step="proxy" query={catalog} />;
  return <ProxyForm catalog={catalog.data} />;
}
