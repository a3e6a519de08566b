/**
 * Property tests: whatever the schema accepts renders, and every file parses back (with the real parsers)
 * to exactly the intended values; hostile strings are refused at their own path or rendered inertly.
 */
import dotenv from 'dotenv';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateAnswers, type Answers } from '../answers.ts';
import { isIPv6 } from '../host.ts';
import { planFor } from '../plan.ts';
import { envVariables } from './env-file.ts';
import { helmValues } from './helm-values.ts';
import { installerCommand } from './kots-setup.ts';
import { renderAll } from './index.ts';
import { canonicalJson } from './header.ts';
import { answersArb } from '../test-support/answers-arbitrary.ts';

const RUNS = { numRuns: 1000 };

/** The Admin Console's Host validation regex, as CARTO's manifests/kots-config.yaml has it (§V.3). */
const ADMIN_CONSOLE_HOST_REGEX = /^(https?:\/\/)([a-zA-Z0-9.-]+)(:\d+)?(\/[^\s]*)?$/;

/** Validates answers the arbitrary built to be acceptable: any refusal is a bug. */
function accepted(input: unknown): Answers {
  const result = validateAnswers(input);
  if (!result.ok) throw new Error(`unexpectedly refused: ${JSON.stringify(result.issues)}`);
  return result.answers;
}

function content(answers: Answers, name: string): string {
  const file = renderAll(answers).files.find((f) => f.name === name);
  if (!file) throw new Error(`missing ${name}`);
  return file.content;
}

describe('renderAll on any accepted answers', () => {
  it('is deterministic and never throws', () => {
    fc.assert(
      fc.property(answersArb, (input) => {
        const answers = accepted(input);
        const now = new Date('2026-11-26T00:00:00Z');
        expect(renderAll(answers, { now })).toEqual(renderAll(structuredClone(answers), { now }));
      }),
      RUNS,
    );
  });

  it('customer.env.proxy parses back (dotenv) to exactly the intended variables', () => {
    fc.assert(
      fc.property(answersArb, (input) => {
        const answers = accepted({ ...input, deployment: { method: 'docker-compose' } });
        const parsed = dotenv.parse(content(answers, 'customer.env.proxy'));
        expect(parsed).toEqual(Object.fromEntries(envVariables(planFor(answers))));
        expect(parsed.NO_PROXY?.split(',')).toEqual(planFor(answers).noProxy.map((e) => e.entry));
        expect(parsed.HTTP_PROXY).toMatch(/^https?:\/\/.+:\d+$/);
      }),
      RUNS,
    );
  });

  it('customizations.proxy.yaml reads back identically as YAML 1.1 (Helm) and 1.2', () => {
    fc.assert(
      fc.property(answersArb, (input) => {
        const answers = accepted({
          ...input,
          deployment: { method: 'helm', release: input.deployment.release },
        });
        const text = content(answers, 'customizations.proxy.yaml');
        const expected = helmValues(planFor(answers));
        expect(parseYaml(text, { version: '1.1' })).toEqual(expected);
        expect(parseYaml(text)).toEqual(expected);
        const { host, port, type } = expected.externalProxy;
        expect(host).toBe(
          isIPv6(answers.proxy.host) ? `[${answers.proxy.host}]` : answers.proxy.host,
        );
        // The chart builds the proxy URL with printf "%s://%s:%d" (_helpers.tpl, §V.3): it must parse.
        const chartUrl = new URL(`${type}://${host}:${port}`);
        if (isIPv6(answers.proxy.host)) expect(isIPv6(chartUrl.hostname.slice(1, -1))).toBe(true);
        else expect(chartUrl.hostname).toBe(host);
        expect(chartUrl.port === '' ? port : Number(chartUrl.port)).toBe(port);
      }),
      RUNS,
    );
  });

  it('kots-proxy-setup.md carries the exact installer flags', () => {
    fc.assert(
      fc.property(answersArb, (input) => {
        const answers = accepted(input);
        fc.pre(answers.deployment.method === 'kots' || answers.deployment.method === 'single-vm');
        const md = content(answers, 'kots-proxy-setup.md');
        expect(md).toContain(installerCommand(planFor(answers)));
        const flag = /--no-proxy='([^']*)'/.exec(md);
        expect(flag?.[1]?.split(',')).toEqual(planFor(answers).noProxy.map((e) => e.entry));
        // The Admin Console's Host validation (manifests/kots-config.yaml, §V.3) accepts the URL.
        expect(planFor(answers).proxyUrl).toMatch(ADMIN_CONSOLE_HOST_REGEX);
      }),
      RUNS,
    );
  });
});

describe('hostile strings', () => {
  const hostile = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc
      .array(
        fc.constantFrom(
          'a',
          '.',
          '-',
          ':',
          '\r',
          '\n',
          '"',
          "'",
          '$',
          '#',
          '=',
          '\\',
          ' ',
          'é',
          '/',
          '*',
          '[',
          ']',
          '@',
          ',',
          '\u0000',
          '\u2028',
          '{',
          '}',
          '%',
        ),
        {
          maxLength: 30,
        },
      )
      .map((chars) => chars.join('')),
    fc.string({ minLength: 250, maxLength: 600 }),
  );

  const base = {
    deployment: { method: 'docker-compose' },
    proxy: { protocol: 'http', host: 'proxy', port: 3128 },
  };

  it('as the proxy host: refused at proxy.host, or parsed back exactly', () => {
    fc.assert(
      fc.property(hostile, (host) => {
        const result = validateAnswers({ ...base, proxy: { ...base.proxy, host } });
        if (!result.ok) {
          expect(result.issues.map((i) => i.path.join('.'))).toEqual(['proxy.host']);
          return;
        }
        const env = dotenv.parse(content(result.answers, 'customer.env.proxy'));
        expect(Object.keys(env)).toHaveLength(8);
        expect(env.HTTP_PROXY).toBe(
          `http://${host.includes(':') ? `[${host.toLowerCase()}]` : host.toLowerCase()}:3128`,
        );
      }),
      RUNS,
    );
  });

  it('as an excluded domain: refused at its index, or parsed back exactly in every file', () => {
    fc.assert(
      fc.property(hostile, (entry) => {
        const result = validateAnswers({ ...base, excludedDomains: ['ok.example', entry] });
        if (!result.ok) {
          expect(result.issues.map((i) => i.path.join('.'))).toEqual(['excludedDomains.1']);
          return;
        }
        const env = dotenv.parse(content(result.answers, 'customer.env.proxy'));
        expect(Object.keys(env)).toHaveLength(8);
        expect(env.no_proxy?.split(',')).toContain(entry);
        const helm = accepted({
          ...base,
          deployment: { method: 'helm' },
          excludedDomains: [entry],
        });
        const values = parseYaml(content(helm, 'customizations.proxy.yaml'), {
          version: '1.1',
        }) as {
          externalProxy: { excludedDomains: string[] };
        };
        expect(values.externalProxy.excludedDomains).toContain(entry);
      }),
      RUNS,
    );
  });

  it('as the release: refused at deployment.release, or a real YYYY.M.D', () => {
    fc.assert(
      fc.property(hostile, (release) => {
        const result = validateAnswers({ ...base, deployment: { method: 'helm', release } });
        if (result.ok) expect(release).toMatch(/^\d{4}\.\d{1,2}\.\d{1,2}$/);
        else expect(result.issues.map((i) => i.path.join('.'))).toEqual(['deployment.release']);
      }),
      RUNS,
    );
  });
});

describe('canonicalJson', () => {
  it('equals JSON.stringify for the same data, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      RUNS,
    );
  });
});
