// autocannon ships no types; only what the benchmarks use
// (https://github.com/mcollina/autocannon#autocannonopts-cb).
declare module 'autocannon' {
  interface Options {
    url: string;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
    /** Requests sent in turn on each connection. */
    requests?: { method?: 'GET' | 'POST'; body?: string }[];
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Worker threads that generate the load (0: this thread). */
    workers?: number;
  }
  interface Histogram {
    average: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p99: number;
    /** Completed requests (on `requests`) or bytes (on `throughput`). */
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
  export type { Options, Result };
}
