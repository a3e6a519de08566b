/**
 * The preflight run (issue 6): reach the proxy, shake hands with it over TLS when it is an HTTPS
 * proxy, then ask it for a CONNECT tunnel to every concrete allowlist domain, and tally the answers.
 * It yields each line as its check ends, so the route can flush it to the browser at once.
 *
 * What is contacted is fixed here and nowhere else: the proxy from the plan, and through it only the
 * plan's allowlist domains on port 443. Nothing in the request chooses a target. The CA is the plan's
 * (the parsed certificates the files install), so what is tested is what gets installed.
 */
import { checkHost, type AllowlistEntry, type Plan } from '@wizard/shared';
import { probeConnect, type ConnectTarget } from './connect.ts';
import { endpointText, seconds, type ProxyEndpoint } from './proxy-socket.ts';
import { probeReach } from './reach.ts';
import { probeTls } from './tls.ts';
import {
  PREFLIGHT_LIMITS,
  type ConnectCheck,
  type PreflightLine,
  type PreflightSummary,
  type PreflightTimeouts,
} from '@wizard/shared/preflight';

/** Issue 6's limits: 5 s to reach the proxy (and for its TLS handshake), 10 s per domain, 60 s in all. */
export const PREFLIGHT_TIMEOUTS: Readonly<PreflightTimeouts> = {
  reach: 5_000,
  tls: 5_000,
  connect: 10_000,
  total: 60_000,
};

/** CONNECT checks in flight at once: quick for a typical allowlist, gentle on the proxy. */
export const PREFLIGHT_CONCURRENCY = 4;

/** What to check: the proxy, and each allowlist domain with the host to ask for (none: skipped). */
export interface PreflightPlan {
  proxy: ProxyEndpoint;
  targets: { domain: string; host: string | undefined }[];
}

/** Where the domains and the hosts under wildcards come from; tests replace both. */
export interface PlanSources {
  /** The allowlist to check: the plan's (`plan.allowlist`), unless replaced. */
  allowlist?: (plan: Plan) => readonly Pick<AllowlistEntry, 'domain'>[];
  /** The host to check for a domain: shared's `checkHost` (a known host under a wildcard). */
  checkHost?: (domain: string) => string | undefined;
}

export function planPreflight(plan: Plan, sources: PlanSources = {}): PreflightPlan {
  const { protocol, host, port, verifyCertificate } = plan.answers.proxy;
  const customCa = plan.ca?.pem;
  const hostFor = sources.checkHost ?? checkHost;
  return {
    proxy: {
      protocol,
      host,
      port,
      verifyCertificate,
      ...(customCa === undefined ? {} : { customCa }),
    },
    targets: (sources.allowlist?.(plan) ?? plan.allowlist).map(({ domain }) => ({
      domain,
      host: hostFor(domain),
    })),
  };
}

export interface RunOptions {
  timeouts?: Partial<PreflightTimeouts>;
  concurrency?: number;
  /** Stops the run (the client went away); pending checks end at once. */
  signal?: AbortSignal;
  /** The host name the checks run from, said in the summary (issue 21, item 6). */
  from?: string;
}

/** Runs `run` on every item, at most `limit` at a time, and yields the results as they finish. */
async function* inCompletionOrder<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): AsyncGenerator<R, void, undefined> {
  const running = new Map<number, Promise<readonly [number, R]>>();
  let next = 0;
  const startNext = () => {
    const index = next++;
    running.set(
      index,
      run(items[index] as T).then((result) => [index, result] as const),
    );
  };
  while (running.size < limit && next < items.length) startNext();
  while (running.size > 0) {
    const [index, result] = await Promise.race(running.values());
    running.delete(index);
    if (next < items.length) startNext();
    yield result;
  }
}

function skipped(domain: string, detail: string): ConnectCheck {
  return { check: 'connect', domain, status: 'skipped', httpStatus: null, ms: 0, detail };
}

/**
 * Every line of a preflight, in order: `reach`, `tls` (HTTPS proxies), one `connect` per domain as
 * each finishes, `summary`. When the proxy cannot be reached, or its TLS fails while
 * `verifyCertificate` is on, the domains are `skipped`: every CONNECT would fail the same way, and
 * the one failure says why.
 */
export async function* runPreflight(
  plan: PreflightPlan,
  options: RunOptions = {},
): AsyncGenerator<PreflightLine, void, undefined> {
  const timeouts = { ...PREFLIGHT_TIMEOUTS, ...options.timeouts };
  const controller = new AbortController();
  const { signal } = controller;
  const budget = setTimeout(
    () =>
      controller.abort(`Not finished within the preflight's ${seconds(timeouts.total)} budget.`),
    timeouts.total,
  );
  const stop = () => controller.abort('Stopped: the request was closed.');
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  const tally: PreflightSummary = {
    check: 'summary',
    allowed: 0,
    blocked: 0,
    errors: 0,
    ...(options.from !== undefined && { from: options.from.slice(0, PREFLIGHT_LIMITS.host) }),
  };
  try {
    const reach = await probeReach(plan.proxy, timeouts.reach, signal);
    yield reach;
    let notTried: string | undefined;
    if (reach.status === 'error') {
      tally.errors += 1;
      notTried = `Not tried: the proxy at ${endpointText(plan.proxy)} cannot be reached.`;
    } else if (plan.proxy.protocol === 'https') {
      const handshake = await probeTls(plan.proxy, timeouts.tls, signal);
      yield handshake;
      if (handshake.status === 'error') {
        tally.errors += 1;
        notTried = 'Not tried: the TLS handshake with the proxy failed.';
      }
    }

    const concrete: ConnectTarget[] = [];
    for (const { domain, host } of plan.targets) {
      if (notTried !== undefined) yield skipped(domain, notTried);
      else if (host === undefined)
        yield skipped(
          domain,
          `${domain} is a wildcard with no known host under it: check a host of your own account under it.`,
        );
      else concrete.push({ domain, host });
    }
    const limit = Math.max(1, options.concurrency ?? PREFLIGHT_CONCURRENCY);
    const probe = (target: ConnectTarget) =>
      probeConnect(plan.proxy, target, timeouts.connect, signal);
    for await (const result of inCompletionOrder(concrete, limit, probe)) {
      if (result.status === 'allowed') tally.allowed += 1;
      else if (result.status === 'blocked' || result.status === 'auth-required') tally.blocked += 1;
      else tally.errors += 1;
      yield result;
    }
    yield tally;
  } finally {
    clearTimeout(budget);
    options.signal?.removeEventListener('abort', stop);
    // A consumer that stops early must not leave checks running.
    controller.abort('Stopped.');
  }
}
