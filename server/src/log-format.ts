/**
 * How `npm start` speaks (issue 21, item 11): to a person in a terminal, one readable line saying
 * where to open the wizard and one short line per request (pino-pretty); to a log collector, pino's
 * JSON lines. JSON when stdout is not a terminal or with `LOG_FORMAT=json`; `LOG_FORMAT=pretty`
 * forces the readable form. pino-pretty is imported only when it is used, so a JSON start loads
 * none of it.
 *
 * @see {@link https://github.com/pinojs/pino-pretty#usage-as-a-stream}
 * @see {@link https://fastify.dev/docs/latest/Reference/Server/#disablerequestlogging}
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { hostPort } from '@wizard/shared/host';

export type LogFormat = 'pretty' | 'json';

/** `LOG_FORMAT` wins; otherwise readable in a terminal, JSON anywhere else. */
export function logFormat(value: string | undefined, isTty: boolean): LogFormat | Error {
  if (value === undefined || value === '') return isTty ? 'pretty' : 'json';
  if (value === 'json' || value === 'pretty') return value;
  return new Error(`LOG_FORMAT must be json or pretty, not ${JSON.stringify(value)}.`);
}

/** The address a person opens: a wildcard or loopback listen is reached at localhost. */
export function openUrl(host: string, port: number): string {
  const local = ['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost', ''].includes(host);
  return `http://${hostPort(local ? 'localhost' : host, port)}`;
}

/** The one line `npm start` prints first. */
export function startLine(host: string, port: number): string {
  return `CARTO proxy wizard: open ${openUrl(host, port)}`;
}

/** Fastify's logger for the format: pino's JSON as is, or pino-pretty on stdout. */
export async function loggerFor(
  format: LogFormat,
  level: string,
): Promise<FastifyServerOptions['logger']> {
  if (format === 'json') return { level };
  const { default: pretty } = await import('pino-pretty');
  return {
    level,
    stream: pretty({
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,reqId',
      sync: true,
    }),
  };
}

/**
 * One line per request in the readable form ("GET /api/health 200 3 ms") instead of Fastify's two
 * objects per request. Fastify's default request serializer logs no bodies; neither does this.
 */
export function logRequestsInOneLine(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      `${request.method} ${request.url} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`,
    );
    done();
  });
}
