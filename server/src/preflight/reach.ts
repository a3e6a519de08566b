import { performance } from 'node:perf_hooks';
import {
  attempt,
  describeSocketError,
  endpointText,
  openToProxy,
  seconds,
  type ProxyEndpoint,
} from './proxy-socket.ts';
import type { ReachCheck } from '@wizard/shared/preflight';

/**
 * Step 1 of the preflight: can this machine open a TCP connection to the proxy at all? A failure
 * here (wrong host or port, DNS, firewall) explains every later failure, so the run stops here.
 */
export function probeReach(
  proxy: ProxyEndpoint,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<ReachCheck> {
  const started = performance.now();
  const where = endpointText(proxy);
  const line = (status: ReachCheck['status'], detail: string, address?: string): ReachCheck => ({
    check: 'reach',
    status,
    host: proxy.host,
    port: proxy.port,
    ...(address === undefined ? {} : { address }),
    ms: Math.round(performance.now() - started),
    detail,
  });
  return attempt(
    timeoutMs,
    signal,
    {
      timeout: () =>
        line(
          'error',
          `No TCP connection to ${where} within ${seconds(timeoutMs)}: a firewall may drop the packets, or the host or port is wrong.`,
        ),
      aborted: (reason) => line('error', reason),
      failed: (error) => line('error', describeSocketError(error, proxy)),
    },
    (finish) => {
      const socket = openToProxy(proxy, 'tcp');
      socket.once('connect', () => {
        const address = socket.remoteAddress;
        const via = address === undefined || address === proxy.host ? '' : ` (${address})`;
        finish(line('ok', `Connected to ${where}${via}.`, address));
      });
      return socket;
    },
  );
}
