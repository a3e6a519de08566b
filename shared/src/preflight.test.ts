/**
 * The stream and the download read preflight lines with one schema; whatever the probes produce,
 * the clamped line passes it (issue 13, item 3).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampPreflightLine,
  PREFLIGHT_LIMITS,
  PreflightLineSchema,
  type PreflightLine,
} from './preflight.ts';

const anyText = fc.string({ maxLength: 3000, unit: 'binary' });
const anyMs = fc.oneof(fc.double(), fc.integer({ min: -1, max: 10_000_000 }));
const status = fc.constantFrom<'ok' | 'error'>('ok', 'error');

/** Lines as the probes could build them: right shapes, any sizes. */
const rawLine: fc.Arbitrary<PreflightLine> = fc.oneof(
  fc.record({
    check: fc.constant('reach' as const),
    status,
    host: anyText,
    port: fc.integer({ min: 1, max: 65535 }),
    address: fc.option(anyText, { nil: undefined }),
    ms: anyMs,
    detail: anyText,
  }),
  fc.record({
    check: fc.constant('tls' as const),
    status,
    verified: fc.boolean(),
    subject: fc.option(anyText, { nil: undefined }),
    issuer: fc.option(anyText, { nil: undefined }),
    validTo: fc.option(anyText, { nil: undefined }),
    ms: anyMs,
    detail: anyText,
  }),
  fc.record({
    check: fc.constant('connect' as const),
    domain: fc.constantFrom('auth.carto.com', '*.self-hosted.carto.com'),
    host: fc.option(anyText, { nil: undefined }),
    status: fc.constantFrom<'allowed' | 'blocked' | 'auth-required' | 'error' | 'skipped'>(
      'allowed',
      'blocked',
      'auth-required',
      'error',
      'skipped',
    ),
    httpStatus: fc.option(fc.integer({ min: -5, max: 1200 }), { nil: null }),
    ms: anyMs,
    detail: anyText,
  }),
);

describe('clampPreflightLine', () => {
  it('gives a line the schema accepts, whatever the probe built (property)', () => {
    fc.assert(
      fc.property(rawLine, (line) => {
        const clamped = clampPreflightLine(
          Object.fromEntries(
            Object.entries(line).filter(([, value]) => value !== undefined),
          ) as PreflightLine,
        );
        expect(PreflightLineSchema.safeParse(clamped).error).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('turns HTTP/1.1 000 into no status, and cuts a long TLS subject with an ellipsis', () => {
    const connect = clampPreflightLine({
      check: 'connect',
      domain: 'auth.carto.com',
      status: 'error',
      httpStatus: 0,
      ms: 3,
      detail: 'The proxy answered 000 to CONNECT auth.carto.com:443.',
    });
    expect(connect).toMatchObject({ httpStatus: null, detail: containingText('000') });
    const subject = `CN=${'x'.repeat(2000)}`;
    const tls = clampPreflightLine({
      check: 'tls',
      status: 'ok',
      verified: true,
      subject,
      ms: 1,
      detail: 'ok',
    });
    expect(tls.check === 'tls' && tls.subject).toBe(
      `${subject.slice(0, PREFLIGHT_LIMITS.name - 1)}…`,
    );
  });

  it('never cuts a surrogate pair in half', () => {
    const detail = `${'a'.repeat(PREFLIGHT_LIMITS.detail - 2)}😀😀`;
    const line = clampPreflightLine({
      check: 'reach',
      status: 'ok',
      host: 'p',
      port: 1,
      ms: 0,
      detail,
    });
    expect(line.check === 'reach' && line.detail).toBe(
      `${'a'.repeat(PREFLIGHT_LIMITS.detail - 2)}…`,
    );
  });
});

function containingText(text: string): unknown {
  return expect.stringContaining(text);
}
