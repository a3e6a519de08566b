/**
 * "Test my proxy": the wizard's server connects to the proxy, shakes hands with it over TLS when it
 * is an HTTPS proxy, and asks it for a tunnel to each domain CARTO needs; each result shows here as it
 * arrives, the failing ones with what to ask the proxy admin (the server's own sentences).
 *
 * The run is a streamed query keyed by the answers it tests (api/preflight.ts): Stop cancels it and
 * keeps the lines so far, new answers are a new key with no result. A finished run also goes to the
 * store, where it belongs to these answers only: README.md (preview and download) records it, and any
 * change of the answers drops it. Screen readers hear the start and the
 * outcome, not every row (the list is not a live region).
 */
import {
  CHECK_PROXY_COMMAND,
  hostPort,
  proxyUrl,
  type Answers,
  type AnswersInput,
  type RenderResult,
} from '@wizard/shared';
import { CONNECT_STATUS_TEXT, preflightReport } from '@wizard/shared/preflight-report';
import type {
  ConnectCheck,
  PreflightSummary,
  ReachCheck,
  TlsCheck,
} from '@wizard/shared/preflight';
import { isCancelledError, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, type ReactNode, type SVGProps } from 'react';
import { ApiError } from '../../api/http.ts';
import { isFinished, preflightQuery } from '../../api/preflight.ts';
import { announce } from '../../components/announce.ts';
import { Callout } from '../../components/callout.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { Why } from '../../components/why.tsx';
import {
  AlertIcon,
  BlockedIcon,
  CheckIcon,
  LockIcon,
  PendingIcon,
  SkippedIcon,
} from '../../components/icons.tsx';
import { useWizardStore } from '../../wizard/state/context.ts';
import { useWizardState } from '../../wizard/state/store.ts';
import './proxy-check.css';

/** How the wizard's server is started with the check allowed for everyone who can reach it. */
const PREFLIGHT_ON_COMMAND = 'HOST=0.0.0.0 PREFLIGHT=on npm start';

type Tone = 'ok' | 'bad' | 'muted' | 'pending';

const ICONS: Record<Tone, (props: SVGProps<SVGSVGElement>) => ReactNode> = {
  ok: CheckIcon,
  bad: AlertIcon,
  muted: SkippedIcon,
  pending: PendingIcon,
};

const duration = (ms: number) =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;

interface Row {
  key: string;
  /** What was checked, e.g. `auth.carto.com`. */
  name: ReactNode;
  /** Under the name: the host asked for, the certificate, the address. */
  note?: ReactNode;
  tone: Tone;
  icon?: (props: SVGProps<SVGSVGElement>) => ReactNode;
  /** The result in words; never left to the icon or the colour alone. */
  status: string;
  ms?: number;
  /** The server's explanation, shown for what failed: what is wrong and whom to ask. */
  detail?: string;
}

function reachRow(answers: Answers, line: ReachCheck | undefined, running: boolean): Row {
  const { host, port } = answers.proxy;
  const where = hostPort(host, port);
  const base = {
    key: 'reach',
    name: (
      <>
        The proxy at <code>{where}</code>
      </>
    ),
  };
  if (!line) {
    return {
      ...base,
      tone: running ? 'pending' : 'muted',
      status: running ? 'Connecting…' : 'Not checked',
    };
  }
  return line.status === 'ok'
    ? {
        ...base,
        note: line.address && line.address !== host ? `Reached at ${line.address}` : undefined,
        tone: 'ok',
        status: 'Reachable',
        ms: line.ms,
      }
    : { ...base, tone: 'bad', status: 'Not reachable', ms: line.ms, detail: line.detail };
}

function tlsRow(line: TlsCheck | undefined, running: boolean): Row {
  const base = { key: 'tls', name: 'TLS handshake with the proxy' };
  if (!line) {
    return {
      ...base,
      tone: running ? 'pending' : 'muted',
      status: running ? 'Waiting' : 'Not checked',
    };
  }
  const certificate = [
    line.subject,
    line.issuer && `issued by ${line.issuer}`,
    line.validTo && `valid until ${line.validTo.slice(0, 10)}`,
  ]
    .filter(Boolean)
    .join(', ');
  if (line.status === 'error') {
    return {
      ...base,
      note: certificate,
      tone: 'bad',
      status: 'Failed',
      ms: line.ms,
      detail: line.detail,
    };
  }
  return {
    ...base,
    note: certificate,
    tone: 'ok',
    status: line.verified ? 'Certificate verified' : 'OK, not verified',
    ms: line.ms,
    detail: line.verified ? undefined : line.detail,
  };
}

const CONNECT_TONES: Record<ConnectCheck['status'], Tone> = {
  allowed: 'ok',
  blocked: 'bad',
  'auth-required': 'bad',
  error: 'bad',
  skipped: 'muted',
};

function connectRow(
  domain: string,
  line: ConnectCheck | undefined,
  running: boolean,
  proxyFailed: boolean,
): Row {
  const name = <code>{domain}</code>;
  if (!line) {
    return {
      key: domain,
      name,
      tone: running ? 'pending' : 'muted',
      status: running ? 'Waiting' : 'Not checked',
    };
  }
  const words = { tone: CONNECT_TONES[line.status], status: CONNECT_STATUS_TEXT[line.status] };
  return {
    key: domain,
    name,
    note:
      line.host && line.host !== domain ? (
        <>
          via <code>{line.host}</code>
        </>
      ) : undefined,
    tone: words.tone,
    icon:
      line.status === 'blocked'
        ? BlockedIcon
        : line.status === 'auth-required'
          ? LockIcon
          : undefined,
    status: `${words.status}${line.httpStatus ? ` (${line.httpStatus})` : ''}`,
    ms: line.status === 'skipped' ? undefined : line.ms,
    // Blocked and 407 are said once per cause in the summary; when the proxy itself failed, its row
    // says why once. Only what is particular to one domain (an error) stays on its row.
    detail:
      line.status === 'error' || (line.status === 'skipped' && !proxyFailed)
        ? line.detail
        : undefined,
  };
}

function CheckRow({ row }: { row: Row }) {
  const Icon = row.icon ?? ICONS[row.tone];
  return (
    <li className={`check check--${row.tone}`}>
      <Icon className="check__icon" />
      <div className="check__what">
        <span className="check__name">{row.name}</span>
        {row.note && <span className="check__note">{row.note}</span>}
      </div>
      <div className="check__result">
        <span className="check__status">{row.status}</span>
        {row.ms !== undefined && <span className="check__ms">{duration(row.ms)}</span>}
      </div>
      {row.detail && <p className="check__detail">{row.detail}</p>}
    </li>
  );
}

function RefusedCallout({ error }: { error: ApiError | Error }) {
  if (error instanceof ApiError && error.code === 'preflight_disabled') {
    return (
      <Callout tone="warning" role="alert" title="The proxy check is off on this wizard’s server">
        <p>
          It makes the server connect to whatever proxy the answers name, so it runs only when the
          wizard listens on its own machine alone (<code>HOST=127.0.0.1</code>, the default).
          Whoever started the wizard can allow it for everyone who can open it:
        </p>
        <p className="command">
          <code>{PREFLIGHT_ON_COMMAND}</code>
          <CopyButton text={PREFLIGHT_ON_COMMAND} label="Copy command" />
        </p>
        <p>
          Or run <code>check-proxy.sh</code> from the download on a machine where CARTO runs: it
          asks the proxy the same questions with curl.
        </p>
      </Callout>
    );
  }
  if (error instanceof ApiError && error.status === 429) {
    return (
      <Callout tone="warning" role="alert" title="Too many checks in a minute">
        <p>The wizard’s server runs at most 10 checks a minute. Wait a moment, then retry.</p>
      </Callout>
    );
  }
  return (
    <Callout tone="danger" role="alert" title="The check could not run">
      <p>{error.message}</p>
    </Callout>
  );
}

interface ProxyCheckProps {
  /** The answers document as the server takes it. */
  input: AnswersInput;
  answers: Answers;
  render: RenderResult;
}

/**
 * The single-file wizard has no server to run the check from (issue 19): the section stays where it
 * is and says so, with the download's `check-proxy.sh`, which asks the proxy the same questions.
 */
function ProxyCheckNeedsServer({ answers }: Pick<ProxyCheckProps, 'answers'>) {
  const id = useId();
  return (
    <section className="proxy-check" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="proxy-check__title">
        Test my proxy
      </h3>
      <p className="proxy-check__intro">
        This check needs the wizard’s server: a browser cannot ask{' '}
        <code>{proxyUrl(answers.proxy)}</code> itself, and this single-file copy of the wizard runs
        without one. Run the download’s <code>check-proxy.sh</code> instead, on a machine where
        CARTO runs: it asks the proxy for each domain CARTO needs.
      </p>
      <p className="command">
        <code>{CHECK_PROXY_COMMAND}</code>
        <CopyButton text={CHECK_PROXY_COMMAND} label="Copy command" />
      </p>
      <p className="muted">
        Or start the wizard with its server (<code>npm start</code>, see README.md) and use Test my
        proxy there.
      </p>
    </section>
  );
}

export default function ProxyCheck(props: ProxyCheckProps) {
  // The single-file build (vite.standalone.config.ts) has no server: a constant, so each build keeps one branch.
  return import.meta.env.MODE === 'standalone' ? (
    <ProxyCheckNeedsServer answers={props.answers} />
  ) : (
    <ProxyCheckOnServer {...props} />
  );
}

function ProxyCheckOnServer({ input, answers, render }: ProxyCheckProps) {
  const store = useWizardStore();
  const stored = useWizardState(store, (s) => s.preflight);
  const id = useId();
  const queryClient = useQueryClient();
  const check = preflightQuery(input);
  const run = useQuery(check);
  const startButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);

  const running = run.fetchStatus === 'fetching';
  // Stop cancels the query without reverting it: the lines so far stay, with a CancelledError.
  const stopped = !running && run.isError && isCancelledError(run.error);
  const failure = !running && run.isError && !stopped ? run.error : null;
  const lines = run.data ?? stored ?? [];
  const status = running
    ? 'running'
    : stopped
      ? 'stopped'
      : failure
        ? 'failed'
        : isFinished(run.data) || stored
          ? 'done'
          : 'idle';

  const start = async () => {
    const startedWith = store.getState().draft;
    store.setPreflight(null);
    announce('Testing the proxy from the wizard’s server…');
    const result = await run.refetch();
    // The Stop button goes away with the run: keep the keyboard where it was.
    if (document.activeElement === stopButton.current) startButton.current?.focus();
    if (result.isError && isCancelledError(result.error)) {
      announce('Proxy check stopped.');
      return;
    }
    // Only a whole run of these very answers is recorded (README.md reports it).
    if (!result.isSuccess || !isFinished(result.data)) return;
    if (store.getState().draft !== startedWith) return;
    store.setPreflight(result.data);
    announce(preflightReport(result.data).outcome);
  };

  const stop = () => {
    void queryClient.cancelQueries({ queryKey: check.queryKey, exact: true }, { revert: false });
  };

  const reach = lines.find((line): line is ReachCheck => line.check === 'reach');
  const tls = lines.find((line): line is TlsCheck => line.check === 'tls');
  const connects = new Map(
    lines
      .filter((line): line is ConnectCheck => line.check === 'connect')
      .map((line) => [line.domain, line]),
  );
  const summary = lines.find((line): line is PreflightSummary => line.check === 'summary');
  const domains = [
    ...render.allowlist.map((entry) => entry.domain),
    ...[...connects.keys()].filter((d) => !render.allowlist.some((e) => e.domain === d)),
  ];
  const reachDone = reach !== undefined;
  const tlsDone = answers.proxy.protocol !== 'https' || tls !== undefined;
  const proxyFailed = reach?.status === 'error' || tls?.status === 'error';
  const rows: Row[] = [
    reachRow(answers, reach, running),
    ...(answers.proxy.protocol === 'https' ? [tlsRow(tls, running && reachDone)] : []),
    ...domains.map((domain) =>
      connectRow(domain, connects.get(domain), running && reachDone && tlsDone, proxyFailed),
    ),
  ];
  const started = status !== 'idle';
  const checked = connects.size;
  const report = status === 'done' && summary ? preflightReport(lines) : undefined;
  // A proxy that could not be reached is one message: no row per domain it never asked for.
  const shownRows = report?.proxyFailure
    ? rows.filter((r) => r.key === 'reach' || r.key === 'tls')
    : rows;

  return (
    <section className="proxy-check" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="proxy-check__title">
        Test my proxy
      </h3>
      <p className="proxy-check__intro">
        The check runs on the wizard’s server, not in this browser: it connects to{' '}
        <code>{proxyUrl(answers.proxy)}</code> and asks it whether it lets CARTO through to each of
        the {domains.length} domains CARTO needs; nothing is sent to them. The proxy may answer that
        server differently than CARTO’s hosts: the proof that counts is{' '}
        <code>sh check-proxy.sh</code> run where CARTO runs. A few seconds, a minute at most.
      </p>
      <Why>
        For each domain the server asks the proxy for a tunnel (<code>CONNECT</code> to port 443),
        as CARTO’s clients do, and closes it as soon as the proxy answers.
      </Why>

      <div className="proxy-check__actions">
        <button
          ref={startButton}
          type="button"
          className="button button--small"
          aria-disabled={running || undefined}
          onClick={() => {
            if (!running) void start();
          }}
        >
          {running ? 'Testing…' : started ? 'Retry' : 'Test my proxy'}
        </button>
        {running && (
          <>
            <button ref={stopButton} type="button" className="button button--small" onClick={stop}>
              Stop
            </button>
            <span className="proxy-check__progress">
              {reachDone
                ? `${checked} of ${domains.length} domains checked…`
                : 'Connecting to the proxy…'}
            </span>
          </>
        )}
      </div>

      {report && (
        <div
          className={
            report.groups.length === 0 && !report.proxyFailure
              ? 'check-summary check-summary--ok'
              : 'check-summary check-summary--bad'
          }
        >
          <p className="check-summary__title">{report.outcome}</p>
          {report.proxyFailure && <p>{report.proxyFailure}</p>}
          {report.groups.map((group) => (
            <p key={group.cause} className="check-summary__group">
              {group.text}
            </p>
          ))}
          {report.toOpen.length > 0 && (
            <p className="check-summary__copy">
              <CopyButton
                text={`${report.toOpen.join('\n')}\n`}
                label="Copy blocked domains"
                what="the domains to open, one per line,"
              />{' '}
              <span className="muted">
                One per line, as the allowlist files write them: exactly what the proxy admin must
                open.
              </span>
            </p>
          )}
          <p className="check-summary__from">
            {summary?.from === undefined ? (
              'Run from the wizard’s server'
            ) : (
              <>
                Run from <code>{summary.from}</code>, the wizard’s server
              </>
            )}
            , not necessarily where CARTO runs. The proof that counts:{' '}
            <code>sh check-proxy.sh</code> where CARTO runs (see the next steps).
          </p>
          <p className="check-summary__readme">
            Added to README.md (section “Proxy check”), in the preview and the download. Changing an
            answer drops it.
          </p>
        </div>
      )}

      {(running || lines.length > 0) && (
        <ul className="checks" aria-label="Proxy check results" aria-busy={running || undefined}>
          {shownRows.map((row) => (
            <CheckRow key={row.key} row={row} />
          ))}
        </ul>
      )}

      {failure && <RefusedCallout error={failure} />}
      {stopped && (
        <p className="muted">Stopped: the results so far are shown and not added to README.md.</p>
      )}
    </section>
  );
}
