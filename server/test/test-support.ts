/**
 * Shared by the server tests: realistic answers documents (one per method and protocol, the CA
 * cases included) and small helpers around `app.inject()`.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { CA_PEM, PRIVATE_KEY_PEM } from '@wizard/shared/fixtures/index';
import { renderAll, validateAnswers, type AnswersInput, type RenderResult } from '@wizard/shared';
import { buildApp, type BuildAppOptions } from '../src/app.ts';
import { runCli } from '../src/cli.ts';

export { CA_PEM, PRIVATE_KEY_PEM };

export const SCENARIOS = {
  'docker-compose over http': {
    deployment: { method: 'docker-compose' },
    proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
    excludedDomains: ['.corp.example', '10.0.0.0/8'],
    warehouses: ['bigquery', 'postgres'],
    services: ['gcs-buckets'],
  },
  'docker-compose over https with a custom CA': {
    deployment: { method: 'docker-compose', release: '2025.1.14' },
    proxy: { protocol: 'https', host: 'proxy.corp.example', port: 3129, customCa: CA_PEM },
    warehouses: ['snowflake', 'redshift'],
  },
  'helm over https with a custom CA on the newest release': {
    deployment: { method: 'helm', release: '2026.8.11', gkeWorkloadIdentity: true },
    proxy: { protocol: 'https', host: 'proxy.corp.example', port: 3129, customCa: CA_PEM },
    excludedDomains: ['.corp.example'],
    warehouses: ['bigquery', 'snowflake'],
    services: ['gcs-buckets', 'google-maps'],
  },
  'kots over http': {
    // An IPv4 host: the Admin Console refuses it on 2024.7.19–2025.3.19, so the release is given (D3).
    deployment: { method: 'kots', release: '2025.7.16', kubernetesServiceIp: '10.96.0.1' },
    proxy: { protocol: 'http', host: '10.0.0.5', port: 3128 },
    warehouses: ['databricks'],
  },
  'single-vm over https without verification': {
    deployment: { method: 'single-vm', release: '2025.7.16' },
    proxy: { protocol: 'https', host: 'proxy.corp.example', port: 443, verifyCertificate: false },
    services: ['s3-buckets', 'isolines-here'],
  },
} satisfies Record<string, AnswersInput>;

/** A realistic helm + https answers document (the benchmark's body too). */
export const HELM_HTTPS = SCENARIOS['helm over https with a custom CA on the newest release'];

/** What the API must answer for these answers: the shared renderer's own result. */
export function expectedRender(input: unknown): RenderResult {
  const validation = validateAnswers(input);
  if (!validation.ok) throw new Error(`invalid scenario: ${JSON.stringify(validation.issues)}`);
  return renderAll(validation.answers);
}

/** A fresh app per test file, without the static web app and with a limit no test reaches. */
export function testApp(options: BuildAppOptions = {}): Promise<FastifyInstance> {
  // The event-loop guard stays registered but does not judge: under-pressure takes a sample
  // interval with no delay sample for an infinite delay (index.js updateEventLoopDelay, NaN →
  // Infinity), and a test worker starved of CPU on a busy 2-core machine gets such intervals, so
  // whole test files got 503s there (issue 20, item 2). 0 turns that check off.
  return buildApp({
    rateLimit: { max: 100_000 },
    underPressure: { maxEventLoopDelay: 0 },
    ...options,
  });
}

export function postJson(
  app: FastifyInstance,
  url: string,
  body: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

/** The JSON body of a response, typed loosely for assertions. */
export function json(response: LightMyRequestResponse): Record<string, unknown> {
  return response.json<Record<string, unknown>>();
}

// Vitest's asymmetric matchers are typed `any`; held as `unknown` they satisfy no-unsafe-assignment.
export const anyString: unknown = expect.any(String);
export function containing(text: string): unknown {
  return expect.stringContaining(text);
}

/** Runs the CLI in-process in `cwd` and collects what it prints (standard input and env optional). */
export async function runCliCaptured(
  argv: string[],
  options: { cwd: string; stdin?: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: options.cwd,
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    ...(options.env !== undefined && { env: options.env }),
  });
  return { code, stdout, stderr };
}
