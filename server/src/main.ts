/**
 * Starts the server: the only place that calls `listen()`. `PORT` (default 8080) and `HOST`
 * (default 127.0.0.1, so nothing is exposed by accident; `HOST=0.0.0.0` serves a team).
 * `PREFLIGHT=on|off` overrides where the proxy preflight runs (by default: a loopback HOST only);
 * with `on`, `PREFLIGHT_HOSTS` names the host names it may be opened at besides IP addresses.
 *
 * @see {@link https://github.com/fastify/demo/blob/main/src/server.ts}
 * @see {@link https://github.com/mcollina/close-with-grace}
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import closeWithGrace from 'close-with-grace';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import { logFormat, loggerFor, startLine } from './log-format.ts';
import { preflightSettings } from './preflight/settings.ts';

function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a whole number from 0 to 65535, not ${JSON.stringify(value)}.`);
    process.exit(1);
  }
  return port;
}

const port = portFrom(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';
const webDist = resolve(import.meta.dirname, '../../dist/web');
const preflight = preflightSettings(host, process.env.PREFLIGHT, process.env.PREFLIGHT_HOSTS);
if (!preflight.ok) {
  console.error(preflight.message);
  process.exit(1);
}

const format = logFormat(process.env.LOG_FORMAT, process.stdout.isTTY === true);
if (format instanceof Error) {
  console.error(format.message);
  process.exit(1);
}

// Fastify's default request serializer logs method, URL and addresses, never bodies.
const app = await buildApp({
  logger: await loggerFor(format, process.env.LOG_LEVEL ?? 'info'),
  requestLog: format === 'pretty' ? 'one-line' : 'fastify',
  webDist,
  preflight: preflight.options,
});

closeWithGrace({ delay: 5000 }, async ({ err }) => {
  if (err) app.log.error({ err }, 'closing after an error');
  await app.close();
});

await app.listen({ port, host });
// The first thing a person reads: where to open the wizard (issue 21, item 11). In JSON, a log line.
const line = startLine(host, (app.server.address() as AddressInfo).port);
if (format === 'pretty') process.stdout.write(`\n  ${line}\n\n`);
else app.log.info(line);
if (!preflight.options.enabled) {
  app.log.info(
    `POST /api/preflight is off on HOST=${host}: set PREFLIGHT=on to let the wizard test the proxy from here`,
  );
}
if (!existsSync(join(webDist, 'index.html'))) {
  app.log.warn(
    `no web app in ${webDist}: run npm run build to serve the UI (the API works without it)`,
  );
}
