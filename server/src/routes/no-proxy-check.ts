import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EXCLUDED_DOMAIN_MAX_LENGTH,
  EXCLUDED_DOMAINS_MAX,
  keyList,
  lintNoProxy,
  parseTarget,
  routesFor,
  type AnswerIssue,
  type EntryReport,
  type Routes,
} from '@wizard/shared';
import { ApiError } from '../errors.ts';
import { errors, jsonAsIs, requestBody } from '../contract.ts';

/** At most this many URLs per request, each at most this long (a browser's practical URL limit). */
export const CHECK_URLS_MAX = 50;
export const CHECK_URL_MAX_LENGTH = 2048;

export const ENTRY_CREDENTIALS_MESSAGE =
  'NO_PROXY entries cannot contain credentials or @: write the host name alone.';
export const URL_CREDENTIALS_MESSAGE =
  'Remove the user name and password from the URL: whether it is proxied does not depend on them, and they are not repeated here.';

/**
 * Whether a URL carries a user name or password (`https://user:secret@host`), read as WHATWG URL
 * would, and also when it cannot be read at all but has an `@` before its path: either way the
 * answer must not repeat it (issue 13, item 4).
 */
export function hasCredentials(url: string): boolean {
  const authority = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]*)/i.exec(url.trim())?.[1];
  if (authority !== undefined) return authority.includes('@');
  return /^[^/?#]*@/.test(url.trim());
}

const TARGET_EXAMPLE =
  'a URL such as https://api.example.com or a host[:port] such as 10.1.2.3:5432';

/**
 * The request body. Raw NO_PROXY entries are taken as typed, blanks and spaces included: saying
 * what is wrong with them is the linter's job, so only the size is bounded here. The URLs must be
 * readable targets; each unreadable one is an issue at its own index.
 */
export const NoProxyCheckSchema = requestBody(
  z.strictObject(
    {
      noProxy: z
        .array(
          z
            .string({ error: 'Each NO_PROXY entry must be text.' })
            .max(EXCLUDED_DOMAIN_MAX_LENGTH, {
              error: `NO_PROXY entries are at most ${EXCLUDED_DOMAIN_MAX_LENGTH} characters.`,
            })
            // As render refuses them in excludedDomains: the answer would repeat the password.
            .refine((entry) => !entry.includes('@'), { error: ENTRY_CREDENTIALS_MESSAGE }),
          {
            error: (issue) =>
              issue.input === undefined
                ? 'noProxy is required: the NO_PROXY entries as a list of strings (it may be empty).'
                : 'noProxy must be a list of strings, one NO_PROXY entry each.',
          },
        )
        .max(EXCLUDED_DOMAINS_MAX, {
          error: `At most ${EXCLUDED_DOMAINS_MAX} NO_PROXY entries per check.`,
        }),
      urls: z
        .array(
          z
            .string({ error: `Each URL must be text: ${TARGET_EXAMPLE}.` })
            .max(CHECK_URL_MAX_LENGTH, {
              error: `URLs are at most ${CHECK_URL_MAX_LENGTH} characters.`,
            })
            .refine((url) => !hasCredentials(url), { error: URL_CREDENTIALS_MESSAGE, abort: true })
            .refine((url) => parseTarget(url) !== undefined, {
              error: `This cannot be read as a target: write ${TARGET_EXAMPLE}.`,
            }),
          { error: 'urls must be a list of strings, one URL or host[:port] each.' },
        )
        .max(CHECK_URLS_MAX, { error: `At most ${CHECK_URLS_MAX} URLs per check.` })
        .default([]),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unknown ${issue.keys.length > 1 ? 'keys' : 'key'} in the check: ${keyList(issue.keys)}. Send only noProxy and urls.`
          : 'Send an object, for example {"noProxy": [".corp.example"], "urls": ["https://api.example.com"]}.',
    },
  ),
  'invalid_no_proxy_check',
);

export interface NoProxyCheckResult {
  entries: EntryReport[];
  urls: { url: string; clients: Routes }[];
}

/**
 * `POST /api/no-proxy/check` (issue 4): the NO_PROXY linter's findings for each entry, and for each
 * URL the route every client of the simulator takes, direct or through the proxy. Both come from
 * `lintNoProxy` and `routesFor` in shared/, which the browser runs too, so the UI's live tester, this
 * API and the unit tests give the same answers.
 *
 * The rules are no-proxy-semantics.md §1.2 (the client matrix) and §6.1 (the checks). Invalid bodies
 * get `400 invalid_no_proxy_check` with an issue at each offending field.
 *
 * @see shared/src/no-proxy/lint.ts and shared/src/no-proxy/simulate.ts
 */
const noProxyCheck: FastifyPluginCallbackZod = (app, _options, done) => {
  const schema = {
    summary: 'Lint NO_PROXY entries and simulate which clients go direct',
    body: NoProxyCheckSchema,
    response: {
      200: jsonAsIs(
        'For each entry its findings (with fixes), and for each URL the route each client takes: {"entries","urls"} (NoProxyCheckResult, from shared/src/no-proxy/).',
      ),
      ...errors(400, 413, 415, 429),
    },
  };
  app.post('/no-proxy/check', { schema }, (request): NoProxyCheckResult => {
    const { noProxy, urls } = request.body;
    const issues: AnswerIssue[] = [];
    const routes: NoProxyCheckResult['urls'] = [];
    for (const [index, url] of urls.entries()) {
      const clients = routesFor(noProxy, url);
      // The schema already refused unreadable targets; this keeps the two from drifting apart.
      if (clients) routes.push({ url, clients });
      else issues.push({ path: ['urls', index], message: 'This cannot be read as a target.' });
    }
    if (issues.length > 0) throw invalid(issues);
    return { entries: lintNoProxy(noProxy), urls: routes };
  });
  done();
};

function invalid(issues: AnswerIssue[]): ApiError {
  return new ApiError(400, { error: 'invalid_no_proxy_check', issues });
}

export default noProxyCheck;
